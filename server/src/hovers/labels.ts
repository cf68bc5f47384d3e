import { isScalar } from 'yaml';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { labelsOf } from '../k8s/workloads';
import { mapAt } from '../yaml/nodes';
import { SELECTOR_KINDS } from '../k8s/kinds';
import { podTemplateOf } from '../workspace/podTemplate';
import { formatLabels, selectsLabels } from '../workspace/selectors';
import { hoverSection } from './support/format';
import { inPodMetadata } from './support/podPath';
import { indexingNote, placesWords } from './support/workspaceWords';
import type { HoverProvider } from './types';

const LINK = { title: 'Labels and selectors', url: DOCS.labels };

/**
 * On `labels`: on a pod template's (or a Pod's), who selects these pods (its controller, the Services of the
 * workspace); on a workload's own metadata, that its pods get the template's labels, not these.
 */
const labelsHover: HoverProvider = {
  id: 'labels',
  provide({ location, workspace }) {
    const { resource, path } = location;
    const pod = inPodMetadata(location);
    if (pod && pod.rest[0] === 'labels' && pod.rest.length <= 2) {
      const labels = pod.template.labels;
      const facts = [`These pods are labelled ${formatLabels(labels)}.`];
      const selector = controllerSelector(resource.root, resource.kind);
      if (selector) {
        facts.push(selectsLabels(selector, labels)
          ? `The ${resource.kind}'s selector (${formatLabels(selector)}) selects them: it owns these pods.`
          : `The ${resource.kind}'s selector (${formatLabels(selector)}) does not select them: the API server rejects this.`);
      }
      if (workspace) {
        const services = workspace.index.servicesSelecting(labels, resource.namespace);
        facts.push(services.length > 0
          ? `Selected by ${placesWords(services, workspace)}: these pods receive their traffic once Ready.`
          : `No Service in the workspace selects them${indexingNote(workspace)}.`);
      }
      return hoverSection(CONCEPTS.labels, facts, { title: 'Labels and selectors', url: DOCS.labelSelectors });
    }
    if (path[0] !== 'metadata' || path[1] !== 'labels' || path.length > 3) return undefined;
    const facts = [`This ${resource.kind ?? 'object'} is labelled ${formatLabels(labelsOf(mapAt(resource.root, 'metadata')))}.`];
    const template = resource.kind !== 'Pod' ? podTemplateOf(resource) : undefined;
    if (template) facts.push(`These label the ${resource.kind} itself; its pods get the template's labels (${formatLabels(template.labels)}), and those are what Services and the ${resource.kind}'s selector match.`);
    return hoverSection(CONCEPTS.labels, facts, LINK);
  },
};

function controllerSelector(root: Parameters<typeof mapAt>[0], kind: string | undefined): Record<string, string> | undefined {
  if (!SELECTOR_KINDS.has(kind ?? '')) return undefined;
  const selector = mapAt(mapAt(root, 'spec'), 'selector');
  const matchLabels = kind === 'ReplicationController' ? selector : mapAt(selector, 'matchLabels');
  if (!matchLabels || matchLabels.items.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const item of matchLabels.items) if (isScalar(item.key)) result[String(item.key.value)] = isScalar(item.value) && item.value.value !== null ? String(item.value.value) : '';
  return result;
}

export default labelsHover;
