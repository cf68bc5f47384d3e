import type { YAMLMap } from 'yaml';
import type { Fix } from '../findings/finding';
import { mergeInto } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf } from '../yaml/nodes';
import { containerSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

export const DEFAULT_CPU_REQUEST = '100m';
export const DEFAULT_MEMORY = '128Mi';

const rule: Rule = {
  meta: {
    id: 'missing-resources',
    severity: 'warning',
    category: 'best-practice',
    description: 'Containers without CPU or memory requests (a limit counts as the request). CPU limits are not demanded.',
    docsUrl: ruleDocsUrl('missing-resources'),
    fixable: true,
    peers: { kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'], polaris: ['cpuRequestsMissing', 'memoryRequestsMissing', 'cpuLimitsMissing', 'memoryLimitsMissing'], kubeScore: ['container-resources'] },
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    if (!podSpec) return;
    const podLevel = mapAt(podSpec, 'resources');
    const pod = { cpu: effective(podLevel, 'cpu'), memory: effective(podLevel, 'memory') };
    for (const container of containersOf(podSpec)) {
      if (container.role === 'init' || container.role === 'ephemeral') continue;
      const resources = mapAt(container.node, 'resources');
      const missing = (['cpu', 'memory'] as const).filter((name) => !pod[name] && !effective(resources, name));
      if (missing.length === 0) continue;
      const words = missing.map((name) => (name === 'cpu' ? 'CPU' : 'memory')).join(' or ');
      context.report({
        span: containerSpan(container.node),
        message: `Container "${container.name ?? '?'}" requests no ${words}: the scheduler places it as if it needed none, so it can land on a full node and be the first evicted under pressure. Set requests${missing.includes('memory') ? ' (and a memory limit)' : ''}.`,
        fixes: () => fix(context, container.node, missing),
      });
    }
  },
};

/** A request, or a limit (which the API server copies into a missing request). */
function effective(resources: YAMLMap | undefined, name: string): boolean {
  return !!pairOf(mapAt(resources, 'requests') ?? emptyMap, name) || !!pairOf(mapAt(resources, 'limits') ?? emptyMap, name);
}

const emptyMap = { items: [] } as unknown as YAMLMap;

function fix(context: RuleContext, container: YAMLMap, missing: Array<'cpu' | 'memory'>): Fix[] {
  const requests: Record<string, string> = {};
  if (missing.includes('cpu')) requests.cpu = DEFAULT_CPU_REQUEST;
  if (missing.includes('memory')) requests.memory = DEFAULT_MEMORY;
  const tree: Record<string, unknown> = { requests };
  if (missing.includes('memory')) tree.limits = { memory: DEFAULT_MEMORY };
  const edits = mergeInto(context.file.text, container, { resources: tree });
  if (!edits || edits.length === 0) return [];
  const summary = Object.entries(requests).map(([name, value]) => `${name} ${value}`).join(', ');
  return [{ title: `Add resource requests (${summary}${tree.limits ? `, memory limit ${DEFAULT_MEMORY}` : ''}); adjust to the app`, edits, preferred: true }];
}

export default rule;
