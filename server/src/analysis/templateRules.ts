import { isNode, visit, type Node, type Pair } from 'yaml';
import type { Finding } from '../findings/finding';
import { openPartsOf, overlapsAction, type TemplateFacts } from '../parse/helm/templateFacts';
import type { ManifestFile, Resource, Span } from '../parse/model';

/**
 * Rules whose finding is about the literal written at its span (a value, or a key and its value): in a template they
 * stand when that pair holds no action and receives no rendered content.
 */
const LITERAL_RULES = new Set([
  'host-namespace', 'host-path', 'image-tag', 'invalid-label', 'invalid-name', 'invalid-port-name', 'invalid-port',
  'invalid-probe', 'invalid-quantity', 'invalid-restart-policy', 'privileged', 'requests-exceed-limits',
]);

/** Rules that read other files of the workspace, whose templates are not indexed (their names are rendered). */
const WORKSPACE_RULES = new Set(['config-ref-not-found', 'pvc-not-found', 'service-no-match', 'duplicate-name', 'duplicate-resource']);

/**
 * The rule findings of a templated file that rest on literal input only: every rule on a document without actions,
 * the literal rules on the pair they point at otherwise; the workspace rules never.
 */
export function literalRuleFindings(file: ManifestFile, findings: readonly Finding[]): Finding[] {
  const facts = file.template;
  if (!facts) return [...findings];
  return findings.filter((finding) => {
    if (WORKSPACE_RULES.has(finding.code)) return false;
    const resource = file.resources.find((r) => r.document.span[0] <= finding.span[0] && finding.span[0] <= r.document.span[1]);
    if (!resource) return false;
    if (!overlapsAction(facts, resource.document.span)) return true;
    return LITERAL_RULES.has(finding.code) && literalPairAt(resource, facts, finding.span);
  });
}

function literalPairAt(resource: Resource, facts: TemplateFacts, span: Span): boolean {
  const pair = innermostPairAt(resource, span[0]);
  if (!pair) return false;
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? span[0];
  const end = Math.max(value?.range?.[1] ?? key?.range?.[1] ?? span[1], span[1]);
  const parts = openPartsOf(resource.document.doc, facts);
  return !overlapsAction(facts, [start, end]) && !parts.pairs.has(pair) && !(value && parts.collections.has(value));
}

function innermostPairAt(resource: Resource, offset: number): Pair | undefined {
  let found: Pair | undefined;
  visit(resource.root, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const start = key?.range?.[0];
      const value = isNode(pair.value) ? pair.value : undefined;
      const end = value?.range?.[1] ?? key?.range?.[1];
      if (start === undefined || end === undefined || offset < start || offset > end) return visit.SKIP;
      found = pair;
      return undefined;
    },
  });
  return found;
}
