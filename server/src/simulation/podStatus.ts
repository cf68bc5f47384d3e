// The pod's derived status: phase and conditions from its containers' views.
import { deriveConditions, derivePhase, type ContainerView } from './phase';
import type { PodState } from './podState';

/** Container views for getPhase: a container its own policy restarts counts as running (ContainerRestartRules). */
function phaseViews(pod: PodState): ContainerView[] {
  return pod.containers.map((c) => {
    const view = c.view();
    return c.spec.restartPolicy && c.state !== 'running' && c.hasExited && pod.shouldRestart(c) ? { ...view, state: 'running' } : view;
  });
}

export function derive(pod: PodState, now: number): void {
  const views = pod.containers.map((c) => c.view());
  if (pod.node) {
    const terminal = pod.killing !== undefined;
    const phase = derivePhase(terminal ? views : phaseViews(pod), pod.spec.restartPolicy, terminal);
    if (!pod.terminal) pod.phase = phase;
  }
  const previousReady = pod.ready;
  pod.conditions = deriveConditions(views, {
    scheduled: pod.node !== undefined,
    sandboxReady: pod.sandboxReady,
    phase: pod.phase,
    hasReadinessGates: pod.spec.hasReadinessGates,
    nodeNotReady: pod.nodeNotReady,
  });
  if (pod.ready && !previousReady) pod.readySince = now;
  if (!pod.ready) pod.readySince = undefined;
}
