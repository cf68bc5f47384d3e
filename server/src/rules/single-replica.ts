import { isScalar } from 'yaml';
import { replaceScalar, setIn } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import { mapAt, pairOf } from '../yaml/nodes';
import { keySpan, nodeSpan } from './support/nodes';
import { resolveFenceposts } from '../k8s/rollout';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'single-replica',
    severity: 'warning',
    category: 'best-practice',
    description: 'A Deployment with one replica whose rollout removes that pod before a new one is ready (maxUnavailable resolving to 1, or Recreate).',
    docsUrl: ruleDocsUrl('single-replica'),
    fixable: true,
    peers: { kubeLinter: ['minimum-three-replicas'], polaris: ['deploymentMissingReplicas'], kubeScore: ['deployment-replicas'] },
  },
  check(context) {
    if (context.resource.kind !== 'Deployment') return;
    const spec = mapAt(context.resource.root, 'spec');
    if (!spec) return;
    const replicasNode = pairOf(spec, 'replicas')?.value;
    const replicas = replicasNode === undefined ? 1 : isScalar(replicasNode) ? replicasNode.value : undefined;
    if (replicas !== 1) return;
    const strategy = mapAt(spec, 'strategy');
    const typeNode = strategy ? pairOf(strategy, 'type')?.value : undefined;
    if (isScalar(typeNode) && typeNode.value === 'Recreate') {
      context.report({
        span: nodeSpan(typeNode)!,
        severity: 'information',
        message: 'With 1 replica and the Recreate strategy, every rollout deletes the only pod before starting the new one: nothing serves until the new pod is ready. Fine when two versions must never run together (a ReadWriteOnce volume, for example); otherwise use RollingUpdate.',
      });
      return;
    }
    const rolling = mapAt(strategy, 'rollingUpdate');
    const unavailablePair = rolling ? pairOf(rolling, 'maxUnavailable') : undefined;
    const unavailable = unavailablePair && isScalar(unavailablePair.value) ? unavailablePair.value.value : undefined;
    const surgeNode = rolling ? pairOf(rolling, 'maxSurge')?.value : undefined;
    const fenceposts = resolveFenceposts(1, isScalar(surgeNode) ? surgeNode.value : undefined, unavailable);
    if (!fenceposts || fenceposts.unavailable < 1) return;
    const fixes: Fix[] = [];
    const zero = unavailablePair && isScalar(unavailablePair.value) ? replaceScalar(unavailablePair.value, '0') : undefined;
    const surge = isScalar(surgeNode) && fenceposts.surge < 1 ? replaceScalar(surgeNode, '1') : undefined;
    if (zero) fixes.push({ title: surge ? 'Set maxUnavailable: 0 and maxSurge: 1' : 'Set maxUnavailable: 0', edits: surge ? [zero, surge] : [zero], preferred: true });
    const replicasEdit = isScalar(replicasNode) ? replaceScalar(replicasNode, '2') : setIn(context.file.text, spec, ['replicas'], 2);
    if (replicasEdit) fixes.push({ title: 'Run 2 replicas', edits: [replicasEdit] });
    context.report({
      span: unavailablePair ? keySpan(unavailablePair) : keySpan(pairOf(spec, 'replicas') ?? pairOf(context.resource.root, 'kind')!),
      message: `With 1 replica and maxUnavailable ${String(unavailable)} (resolving to 1${fenceposts.forcedUnavailable ? ': with maxSurge also 0, the controller allows 1' : ''}), a rollout may delete the only pod before its replacement is ready: nothing serves during every rollout. Use maxUnavailable: 0 with maxSurge: 1, or more replicas.`,
      fixes,
    });
  },
};

export default rule;
