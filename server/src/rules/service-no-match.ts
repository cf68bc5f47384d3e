import { ruleDocsUrl } from '../docsUrl';
import type { Node } from 'yaml';
import { mapAt, pairOf, spanOf } from '../parse/yamlNodes';
import { formatLabels } from '../workspace/selectors';
import type { Rule } from './types';

/** A Service whose selector selects no pod template anywhere in the workspace routes traffic nowhere. */
const rule: Rule = {
  meta: {
    id: 'service-no-match',
    severity: 'warning',
    category: 'cross-resource',
    description: "A Service's selector matches the labels of no Pod or workload pod template in the workspace.",
    docsUrl: ruleDocsUrl('service-no-match'),
    fixable: false,
  },
  check({ resource, workspace, report }) {
    if (resource.kind !== 'Service' || !workspace?.index.complete) return;
    const spec = resource.object?.spec as Record<string, unknown> | undefined;
    if (spec?.type === 'ExternalName') return;
    const selector = spec?.selector;
    if (!selector || typeof selector !== 'object' || Array.isArray(selector) || Object.keys(selector).length === 0) return;
    const labels = Object.fromEntries(Object.entries(selector).map(([key, value]) => [key, String(value)]));
    if (workspace.index.podTemplatesSelectedBy(labels, resource.namespace).length > 0) return;
    const specNode = mapAt(resource.root, 'spec');
    const span = spanOf((specNode ? pairOf(specNode, 'selector')?.key : undefined) as Node | undefined);
    if (!span) return;
    report({
      span,
      message: `No pod template in the workspace has the labels ${formatLabels(labels)}: this Service selects no pods, so it has no endpoints and its traffic goes nowhere (unless such pods are created outside this workspace).`,
    });
  },
};

export default rule;
