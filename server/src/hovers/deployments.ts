import { isScalar } from 'yaml';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { labelsOf } from '../k8s/workloads';
import { mapAt, nodeAtPath, pairOf, scalarAt, stringAt } from '../yaml/nodes';
import { resolveFenceposts } from '../k8s/rollout';
import { SELECTOR_KINDS } from '../k8s/kinds';
import { formatLabels, selectsLabels } from '../workspace/selectors';
import { hoverSection } from './support/format';
import type { HoverProvider } from './types';

/**
 * On a Deployment's `strategy` (and inside it): the pod counts a rollout moves between, with maxSurge and
 * maxUnavailable resolved for this `replicas` as the controller rounds them. On a controller's `selector`: which
 * pods it owns, checked against its own template.
 */
const deploymentsHover: HoverProvider = {
  id: 'deployments',
  provide({ location }) {
    const { resource, path } = location;
    const spec = mapAt(resource.root, 'spec');
    if (path[0] !== 'spec' || !spec) return undefined;
    if (path[1] === 'selector' && SELECTOR_KINDS.has(resource.kind ?? '')) return selectorHover(resource.kind!, spec);
    if (resource.kind !== 'Deployment' || path[1] !== 'strategy') return undefined;
    const replicasNode = pairOf(spec, 'replicas')?.value;
    const replicas = isScalar(replicasNode) && typeof replicasNode.value === 'number' ? replicasNode.value : replicasNode === undefined ? 1 : undefined;
    const strategy = mapAt(spec, 'strategy');
    const type = stringAt(strategy, 'type') ?? 'RollingUpdate';
    const link = { title: 'Deployments: strategy', url: DOCS.deploymentStrategy };
    const replicasWords = replicasNode === undefined ? '1 replica (replicas is not written; the default is 1)' : `${String(replicas ?? '?')} replica${replicas === 1 ? '' : 's'}`;
    if (type === 'Recreate') {
      return hoverSection(CONCEPTS.strategy.Recreate, [`With ${replicasWords}: every rollout first stops all of them, then starts the new ones; nothing serves until a new pod is Ready.`], link);
    }
    if (type !== 'RollingUpdate') return hoverSection(`\`${type}\` is not a strategy: the API server accepts RollingUpdate or Recreate.`, [], link);
    if (replicas === undefined) return hoverSection(CONCEPTS.strategy.RollingUpdate, ['replicas is not a number here, so the counts cannot be worked out.'], link);
    const rolling = mapAt(strategy, 'rollingUpdate');
    const surgeWritten = scalarAt(rolling, 'maxSurge');
    const unavailableWritten = scalarAt(rolling, 'maxUnavailable');
    const fenceposts = resolveFenceposts(replicas, surgeWritten, unavailableWritten);
    if (!fenceposts) return hoverSection(CONCEPTS.strategy.RollingUpdate, ['maxSurge or maxUnavailable is neither a whole number nor a percentage such as 25%.'], link);
    const { surge, unavailable } = fenceposts;
    const facts = [
      `maxSurge ${valueWords(surgeWritten, '25%')} of ${replicasWords} → **${surge}** extra pod${surge === 1 ? '' : 's'}${isPercent(surgeWritten ?? '25%') ? ' (percentages round up)' : ''}.`,
      `maxUnavailable ${valueWords(unavailableWritten, '25%')} of ${replicasWords} → **${unavailable}** pod${unavailable === 1 ? '' : 's'} may be unavailable${fenceposts.forcedUnavailable ? ' (both resolve to 0, so the controller allows 1 to make progress)' : isPercent(unavailableWritten ?? '25%') ? ' (percentages round down)' : ''}.`,
      `During a rollout: at most ${replicas + surge} pods exist and at least ${Math.max(0, replicas - unavailable)} stay available.`,
    ];
    if (replicas - unavailable <= 0 && replicas > 0) facts.push('At least one step of the rollout may leave no available pod: nothing serves until a new pod is Ready.');
    return hoverSection(CONCEPTS.strategy.RollingUpdate, facts, link);
  },
};

function selectorHover(kind: string, spec: NonNullable<ReturnType<typeof mapAt>>): string {
  const selector = mapAt(spec, 'selector');
  const matchLabels = kind === 'ReplicationController' ? selector : mapAt(selector, 'matchLabels');
  const wanted: Record<string, string> = {};
  for (const item of matchLabels?.items ?? []) {
    if (isScalar(item.key)) wanted[String(item.key.value)] = isScalar(item.value) && item.value.value !== null ? String(item.value.value) : '';
  }
  const labels = labelsOf(mapAt(mapAt(spec, 'template'), 'metadata'));
  const expressions = nodeAtPath(selector, ['matchExpressions']);
  const facts = [`Selects pods labelled ${formatLabels(wanted)}${expressions ? ' and matching its matchExpressions' : ''}; the template's labels are ${formatLabels(labels)}.`];
  if (Object.keys(wanted).length > 0) {
    facts.push(selectsLabels(wanted, labels)
      ? `The template's labels satisfy the selector: the ${kind} owns the pods it creates.`
      : `The template's labels do not satisfy the selector: the API server rejects this ${kind}.`);
  }
  return hoverSection(CONCEPTS.deploymentSelector, facts, { title: 'Deployments: selector', url: DOCS.deploymentSelector });
}

function isPercent(value: unknown): boolean {
  return typeof value === 'string' && value.endsWith('%');
}

function valueWords(written: unknown, fallback: string): string {
  return written === undefined || written === null ? `${fallback} (the default)` : String(written);
}

export default deploymentsHover;
