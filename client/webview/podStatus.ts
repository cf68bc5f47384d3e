// The STATUS column of `kubectl get pods` (kubectl's printPod), from a simulated pod.
import type { SimulatedPod } from './simulationResult';

/** The engine's STATUS when it gives one, else computed the way kubectl does. */
export function podDisplayStatus(pod: SimulatedPod): string {
  return pod.status ?? kubectlPodStatus(pod);
}

export function kubectlPodStatus(pod: SimulatedPod): string {
  let status = pod.phase;
  const inits = pod.containers.filter((c) => c.role !== 'app');
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c.state === 'terminated' && c.exitCode === 0) continue;
    if (c.role === 'sidecar' && c.state === 'running') continue;
    if (c.state === 'terminated') {
      status = c.reason ? `Init:${c.reason}` : `Init:ExitCode:${c.exitCode ?? 0}`;
    } else if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing') {
      status = `Init:${c.reason}`;
    } else {
      status = `Init:${i}/${inits.length}`;
    }
    initializing = true;
    break;
  }
  if (!initializing || pod.conditions.Initialized === 'True') {
    let hasRunning = false;
    const apps = pod.containers.filter((c) => c.role === 'app');
    for (let i = apps.length - 1; i >= 0; i--) {
      const c = apps[i];
      if (c.state === 'waiting' && c.reason) status = c.reason;
      else if (c.state === 'terminated' && c.reason) status = c.reason;
      else if (c.state === 'terminated') status = `ExitCode:${c.exitCode ?? 0}`;
      else if (c.state === 'running' && c.ready) hasRunning = true;
    }
    if (status === 'Completed' && hasRunning) status = pod.conditions.Ready === 'True' ? 'Running' : 'NotReady';
  }
  if (pod.terminating) status = 'Terminating';
  return status;
}

/** READY column of `kubectl get pods`: ready app containers and sidecars over their number. */
export function podReadyColumn(pod: SimulatedPod): string {
  const counted = pod.containers.filter((c) => c.role !== 'init');
  return `${counted.filter((c) => c.ready).length}/${counted.length}`;
}

/** RESTARTS column: restarts of app containers and sidecars. */
export function podRestarts(pod: SimulatedPod): number {
  return pod.containers.filter((c) => c.role !== 'init').reduce((sum, c) => sum + c.restartCount, 0);
}
