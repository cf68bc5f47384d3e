// What a pod's or a container's state looks like on the timeline: its tone
// (colour), its short label and its longer description.
import type { Tone } from './segments';
import type { SimulatedContainer, SimulatedPod } from './simulationResult';

/** Waiting reasons that mean something went wrong, not just "not yet". */
const PROBLEM_REASONS = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'ImageInspectError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'PostStartHookError',
]);

/** The kubelet has begun stopping a running container (a `Killing` event) and it has not exited yet. */
export interface Stopping {
  since: number;
  message: string;
}

export function containerTone(c: SimulatedContainer, stopping?: Stopping): Tone {
  if (c.state === 'waiting') return c.reason && PROBLEM_REASONS.has(c.reason) ? 'problem' : 'waiting';
  if (c.state === 'running') return stopping ? 'terminating' : c.ready ? 'ready' : 'running';
  return c.exitCode === 0 || (c.exitCode === undefined && c.reason === 'Completed') ? 'completed' : 'failed';
}

function restartsText(n: number): string {
  return n === 0 ? '' : ` · ${n} restart${n === 1 ? '' : 's'}`;
}

/** A running container whose startup probe has not succeeded yet (the engine says `started: false`). */
function awaitingStartup(c: SimulatedContainer): boolean {
  return c.state === 'running' && c.started === false;
}

function runningLabel(c: SimulatedContainer, stopping?: Stopping): string {
  if (stopping) return 'Stopping';
  if (awaitingStartup(c)) return 'Running · startup probe pending';
  return c.ready ? 'Running · ready' : 'Running';
}

export function containerLabel(c: SimulatedContainer, stopping?: Stopping): string {
  let state: string;
  if (c.state === 'running') state = runningLabel(c, stopping);
  else if (c.state === 'waiting') state = c.reason ?? 'Waiting';
  else state = `${c.reason ?? 'Terminated'}${c.exitCode === undefined ? '' : ` (exit ${c.exitCode})`}`;
  return state + restartsText(c.restartCount);
}

export function containerDetail(c: SimulatedContainer, stopping?: Stopping): string {
  const parts = [`${c.name} (${c.role}): ${c.state}`];
  if (stopping) parts.push('being stopped: preStop hook, then SIGTERM, SIGKILL when the grace period ends');
  if (awaitingStartup(c)) parts.push('started false: the startup probe has not succeeded yet, so readiness and liveness probes wait');
  if (c.reason) parts.push(`reason ${c.reason}`);
  if (c.exitCode !== undefined) parts.push(`exit code ${c.exitCode}`);
  parts.push(c.ready ? 'ready' : 'not ready');
  parts.push(`restarts ${c.restartCount}`);
  if (c.lastState) parts.push(`last state ${c.lastState.reason} (exit ${c.lastState.exitCode})`);
  const detail = parts.join(', ');
  const notes = [c.message, stopping?.message].filter((m): m is string => !!m);
  return notes.length > 0 ? `${detail}. ${notes.join('. ')}` : detail;
}

export function phaseTone(phase: string): Tone {
  switch (phase) {
    case 'Pending':
      return 'waiting';
    case 'Running':
      return 'running';
    case 'Succeeded':
      return 'completed';
    case 'Failed':
      return 'failed';
    default:
      return 'unknown';
  }
}

export function podTone(pod: SimulatedPod): Tone {
  if (pod.terminating) return 'terminating';
  if (pod.phase === 'Running' && pod.conditions.Ready === 'True') return 'ready';
  if (pod.phase === 'Pending' || pod.phase === 'Running') {
    const tones = pod.containers.map((c) => containerTone(c));
    if (tones.includes('problem')) return 'problem';
    if (pod.containers.some((c, i) => c.role !== 'init' && tones[i] === 'failed')) return 'failed';
  }
  return phaseTone(pod.phase);
}

export function conditionTone(status: string): Tone {
  return status === 'True' ? 'true' : status === 'False' ? 'false' : 'unknown';
}
