import { isScalar, type Scalar } from 'yaml';
import { replaceWithString } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import { nodeAtPath, spanOf } from '../yaml/nodes';
import { listWords, resourceLabel } from '../workspace/describe';
import type { Rule } from './types';

/** A named targetPort resolves, pod by pod, to the container port of that name; a pod without one gets no traffic. */
const rule: Rule = {
  meta: {
    id: 'service-target-port',
    severity: 'warning',
    category: 'cross-resource',
    description: 'A Service targetPort names a port that the pods it selects do not declare.',
    docsUrl: ruleDocsUrl('service-target-port'),
    fixable: true,
  },
  check({ resource, workspace, report }) {
    if (resource.kind !== 'Service' || !workspace) return;
    const selector = (resource.object?.spec as Record<string, unknown> | undefined)?.selector;
    if (!selector || typeof selector !== 'object' || Array.isArray(selector) || Object.keys(selector).length === 0) return;
    const labels = Object.fromEntries(Object.entries(selector).map(([key, value]) => [key, String(value)]));
    // A half-written workload (no containers yet) declares nothing to compare with.
    const selected = workspace.index.podTemplatesSelectedBy(labels, resource.namespace).filter((summary) => summary.template!.containers.length > 0);
    if (selected.length === 0) return;
    const ports = nodeAtPath(resource.root, ['spec', 'ports']);
    const items = ports && 'items' in ports && Array.isArray(ports.items) ? ports.items : [];
    items.forEach((_item, index) => {
      const target = nodeAtPath(resource.root, ['spec', 'ports', index, 'targetPort']);
      if (!isScalar(target) || typeof target.value !== 'string') return;
      const name = target.value;
      const missing = selected.filter((summary) => !summary.template!.containers.some((container) => container.ports.some((port) => port.name === name)));
      if (missing.length === 0) return;
      const span = spanOf(target);
      if (!span) return;
      const declared = [...new Set(selected.flatMap((summary) => summary.template!.containers.flatMap((container) => container.ports.map((port) => port.name)).filter((port): port is string => !!port)))];
      const declaredWords = declared.length > 0 ? `they declare ${listWords(declared.map((port) => `"${port}"`))}` : 'they declare no named ports';
      report({
        span,
        message: `targetPort "${name}" is not a port name in ${listWords(missing.map(resourceLabel))} (selected by this Service; ${declaredWords}): traffic to this port does not reach ${missing.length === 1 ? 'its pods' : 'their pods'}.`,
        fixes: declared.flatMap((port, order) => fixTo(target, port, order === 0)),
      });
    });
  },
};

function fixTo(target: Scalar, port: string, preferred: boolean): Fix[] {
  const edit = replaceWithString(target, port);
  return edit ? [{ title: `Change targetPort to "${port}"`, edits: [edit], preferred }] : [];
}

export default rule;
