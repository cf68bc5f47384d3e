import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { removePair, replaceWithString } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import type { TextEdit } from '../yaml/span';
import { ruleDocsUrl } from '../findings/docsUrl';
import { mapAt, pairOf, spanOf } from '../yaml/nodes';
import { resourceLabel } from '../workspace/describe';
import { formatLabels } from '../workspace/selectors';
import type { ResourceSummary } from '../workspace/summary';
import type { Rule, RuleContext } from './types';

/** At most this many "select the pods of ..." fixes. */
const MAX_FIXES = 3;

/** A Service whose selector selects no pod template anywhere in the workspace routes traffic nowhere. */
const rule: Rule = {
  meta: {
    id: 'service-no-match',
    severity: 'warning',
    category: 'cross-resource',
    description: "A Service's selector matches the labels of no Pod or workload pod template in the workspace.",
    docsUrl: ruleDocsUrl('service-no-match'),
    fixable: true,
    peers: { kubeLinter: ['dangling-service'], kubeScore: ['service-targets-pod'] },
  },
  check(context) {
    const { resource, workspace, report } = context;
    if (resource.kind !== 'Service' || !workspace?.index.complete) return;
    const spec = resource.object?.spec as Record<string, unknown> | undefined;
    if (spec?.type === 'ExternalName') return;
    const selector = spec?.selector;
    if (!selector || typeof selector !== 'object' || Array.isArray(selector) || Object.keys(selector).length === 0) return;
    const labels = Object.fromEntries(Object.entries(selector).map(([key, value]) => [key, String(value)]));
    if (workspace.index.podTemplatesSelectedBy(labels, resource.namespace).length > 0) return;
    const specNode = mapAt(resource.root, 'spec');
    const selectorNode = mapAt(specNode, 'selector');
    const span = spanOf((specNode ? pairOf(specNode, 'selector')?.key : undefined) as Node | undefined);
    if (!span || !selectorNode) return;
    report({
      span,
      message: `No pod template in the workspace has the labels ${formatLabels(labels)}: this Service selects no pods, so it has no endpoints and its traffic goes nowhere (unless such pods are created outside this workspace).`,
      // Built when asked for: finding the nearest pod templates reads the whole workspace.
      fixes: () => {
        const near = workspace.index.all().filter((summary) => summary.template && overlap(labels, summary.template.labels) > 0
          && (summary.namespace === undefined || resource.namespace === undefined || summary.namespace === resource.namespace));
        near.sort((a, b) => overlap(labels, b.template!.labels) - overlap(labels, a.template!.labels));
        return near.slice(0, MAX_FIXES).flatMap((summary, order) => alignFix(context, selectorNode, labels, summary, order === 0 && near.length === 1));
      },
    });
  },
};

/** How many of the selector's keys the labels have (with any value). */
function overlap(selector: Record<string, string>, labels: Record<string, string>): number {
  return Object.keys(selector).filter((key) => key in labels).length;
}

/** Changes the differing values and drops the keys the pod template lacks, so the selector selects its pods. */
function alignFix(context: RuleContext, selector: YAMLMap, labels: Record<string, string>, target: ResourceSummary, preferred: boolean): Fix[] {
  if (selector.flow) return [];
  const podLabels = target.template!.labels;
  const edits: TextEdit[] = [];
  const kept: Record<string, string> = {};
  for (const item of selector.items) {
    if (!isScalar(item.key)) return [];
    const key = String(item.key.value);
    if (!(key in podLabels)) {
      const edit = removePair(context.file.text, selector, key);
      if (!edit) return [];
      edits.push(edit);
      continue;
    }
    kept[key] = podLabels[key];
    if (labels[key] === podLabels[key]) continue;
    const edit = isScalar(item.value) ? replaceWithString(item.value, podLabels[key]) : undefined;
    if (!edit) return [];
    edits.push(edit);
  }
  if (edits.length === 0 || Object.keys(kept).length === 0 || !isMap(selector)) return [];
  return [{ title: `Select the pods of ${resourceLabel(target)} (${formatLabels(kept)})`, edits, preferred }];
}

export default rule;
