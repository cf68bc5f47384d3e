import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chosenFix, combineFixes } from '../../findings/combineFixes';
import type { Finding, Fix } from '../../findings/finding';
import { SOURCE } from './diagnostics';
import { sharesLine } from './findingFor';
import { toRange } from './ranges';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.podlab`;

/**
 * `source.fixAll.podlab` (fixes every finding the API server would reject, with its preferred fix; what
 * editor.codeActionsOnSave runs), and, for a diagnostic under the cursor, "Fix all <rule> problems in this file".
 */
export function fixAllActions(document: TextDocument, findings: readonly Finding[], params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`))) {
    const fixes = findings.filter((finding) => finding.severity === 'error').flatMap((finding) => preferredOnly(finding));
    const action = combined(document, 'Fix all Podlab problems the API server would reject', FIX_ALL_KIND, fixes);
    if (action) actions.push(action);
  }
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return actions;
  const rules = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !sharesLine(diagnostic.range, params.range) || typeof diagnostic.code !== 'string') continue;
    rules.add(diagnostic.code);
  }
  for (const rule of rules) {
    const fixes = findings.filter((finding) => finding.code === rule).flatMap((finding) => chosenFix(finding) ?? []);
    if (fixes.length < 2) continue;
    const action = combined(document, `Fix all ${rule} problems in this file`, CodeActionKind.QuickFix, fixes);
    if (action) actions.push(action);
  }
  return actions;
}

function preferredOnly(finding: Finding): Fix[] {
  const fix = finding.fixes?.find((candidate) => candidate.preferred);
  return fix ? [fix] : [];
}

function combined(document: TextDocument, title: string, kind: string, fixes: readonly Fix[]): CodeAction | undefined {
  const { edits, applied } = combineFixes(fixes);
  if (applied === 0) return undefined;
  return {
    title,
    kind,
    edit: { changes: { [document.uri]: edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })) } },
  };
}
