import { isMap, isScalar, type YAMLMap } from 'yaml';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { mapAt, nodeAtPath, scalarAt, stringAt } from '../yaml/nodes';
import { listWords } from '../workspace/describe';
import { formatLabels } from '../workspace/selectors';
import type { ResourceSummary } from '../workspace/summary';
import type { WorkspaceView } from '../workspace/view';
import { hoverSection } from './support/format';
import { indexingNote, placesWords } from './support/workspaceWords';
import type { HoverProvider } from './types';

const PORT_KEYS = new Set(['port', 'targetPort']);

/**
 * On a Service's `selector`: the pod templates of the workspace it selects. On a port's `port` or `targetPort`:
 * the container port the traffic lands on, in each selected pod template.
 */
const servicesHover: HoverProvider = {
  id: 'services',
  provide({ location, workspace }) {
    const { resource, path } = location;
    if (resource.kind !== 'Service' || path[0] !== 'spec') return undefined;
    const selector = selectorOf(mapAt(resource.root, 'spec'));
    const selected = workspace && selector ? workspace.index.podTemplatesSelectedBy(selector, resource.namespace) : [];
    if (path[1] === 'selector') {
      const facts: string[] = [];
      if (!selector) facts.push('The selector is empty: the Service selects no pods, and its endpoints must be managed by hand (an EndpointSlice of its own).');
      else if (workspace) {
        facts.push(selected.length > 0
          ? `Selects (${formatLabels(selector)}): ${placesWords(selected, workspace, 8)}.`
          : `No pod template in the workspace has the labels ${formatLabels(selector)}${indexingNote(workspace)}: the Service has no endpoints unless such pods are created elsewhere.`);
        facts.push('Only Ready pods receive traffic: a pod whose readiness probe fails is taken out of the endpoints.');
      }
      return hoverSection(CONCEPTS.serviceSelector, facts, { title: 'Service', url: DOCS.services });
    }
    if (path[1] !== 'ports' || typeof path[2] !== 'number' || path.length !== 4 || !PORT_KEYS.has(String(path[3]))) return undefined;
    const portMap = nodeAtPath(resource.root, ['spec', 'ports', path[2]]);
    if (!isMap(portMap)) return undefined;
    const port = scalarAt(portMap, 'port');
    const written = scalarAt(portMap, 'targetPort');
    const target = typeof written === 'number' || typeof written === 'string' ? written : port;
    const facts = [`Clients connect to port ${String(port ?? '(none)')}${stringAt(portMap, 'name') ? ` (\`${stringAt(portMap, 'name')}\`)` : ''}; the traffic goes to ${typeof target === 'string' ? `the container port named \`${target}\`` : `port ${String(target)}`} of each selected pod${written === undefined ? ' (targetPort is not written, so it is the same as port)' : ''}.`];
    if (workspace && selector) {
      if (selected.length === 0) facts.push(`No pod template in the workspace is selected${indexingNote(workspace)}, so there is nothing to resolve it against.`);
      else facts.push(...selected.slice(0, 6).map((summary) => landing(summary, target, workspace)));
    }
    return hoverSection(CONCEPTS.servicePorts, facts, { title: 'Service ports', url: DOCS.servicePorts });
  },
};

function selectorOf(spec: YAMLMap | undefined): Record<string, string> | undefined {
  const selector = mapAt(spec, 'selector');
  if (!selector || selector.items.length === 0) return undefined;
  const labels: Record<string, string> = {};
  for (const item of selector.items) {
    if (isScalar(item.key) && item.key.value !== null) labels[String(item.key.value)] = isScalar(item.value) && item.value.value !== null ? String(item.value.value) : '';
  }
  return labels;
}

/** Where `target` lands in one selected pod template, in words. */
function landing(summary: ResourceSummary, target: unknown, workspace: WorkspaceView): string {
  const containers = summary.template?.containers ?? [];
  const where = placesWords([summary], workspace);
  const matches = containers.flatMap((container) => container.ports
    .filter((port) => (typeof target === 'string' ? port.name === target : port.containerPort === target))
    .map((port) => `container \`${container.name ?? '?'}\` port ${port.containerPort ?? '?'}${port.name ? ` (\`${port.name}\`)` : ''}`));
  if (matches.length > 0) return `In ${where}: ${listWords(matches)}.`;
  if (typeof target === 'string') return `In ${where}: no container declares a port named \`${target}\`, so this pod gets no traffic on this port.`;
  return `In ${where}: no container declares port ${String(target)}; traffic still arrives if a process listens on it (declaring it is informational).`;
}

export default servicesHover;
