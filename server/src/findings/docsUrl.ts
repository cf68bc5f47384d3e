/** Where each rule's documentation lives; also the target of a diagnostic's `codeDescription.href`. */
export const RULES_DOCS = 'https://github.com/podlab/podlab/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOCS}#${id}`;
}
