// Killing containers and the pod: Killing, preStop, SIGTERM, SIGKILL at the deadline, sidecars last
// in reverse order, and what is left when every container stopped.
import { terminatedReason, type ContainerRuntime } from './container';
import { MIN_GRACE_SECONDS, SIGKILL_EXIT_CODE, SIGTERM_EXIT_CODE } from './defaults';
import type { Killing, PodState } from './podState';
import { derive } from './podStatus';

/** Starts one container's termination: Killing, preStop, SIGTERM, SIGKILL at the deadline. */
export function stopContainer(pod: PodState, c: ContainerRuntime, now: number, grace: number, message: string, waitForTurn = false): void {
  pod.emit(now, 'Normal', 'Killing', message);
  const preStop = grace > 0 ? Math.min(c.behaviour.preStopSeconds ?? c.spec.preStopSeconds ?? 0, grace) : 0;
  c.stopping = { preStopEnd: now + preStop };
  if (!waitForTurn) sendSigterm(c, now + preStop, now, grace);
  pod.touch();
}

function sendSigterm(c: ContainerRuntime, at: number, killStart: number, grace: number): void {
  if (!c.stopping) return;
  c.stopping.sigtermAt = at;
  c.stopping.killAt = at + Math.max(grace - (at - killStart), MIN_GRACE_SECONDS);
}

/** Ends a running container's process when it exits on SIGTERM, is SIGKILLed or exits by itself. */
export function advanceExit(pod: PodState, c: ContainerRuntime, now: number): boolean {
  const stop = c.stopping;
  if (stop?.killAt !== undefined && stop.sigtermAt !== undefined) {
    const sigtermExit = stop.sigtermAt + (c.behaviour.sigtermExitSeconds ?? 0);
    const naturalFirst = c.exitAt !== undefined && c.exitAt <= Math.min(sigtermExit, stop.killAt);
    if (!naturalFirst && sigtermExit <= stop.killAt && sigtermExit <= now) {
      const code = c.behaviour.sigtermExitCode ?? SIGTERM_EXIT_CODE;
      c.exit(sigtermExit, code, terminatedReason(code));
      pod.touch();
      return true;
    }
    if (!naturalFirst && stop.killAt <= now) {
      c.exit(stop.killAt, SIGKILL_EXIT_CODE, 'Error');
      pod.touch();
      return true;
    }
  }
  if (c.exitAt !== undefined && c.exitAt <= now) {
    const { exitCode, reason } = c.naturalExit();
    c.exit(c.exitAt, exitCode, reason);
    pod.touch();
    return true;
  }
  return false;
}

export function startKill(pod: PodState, now: number, grace: number, deletion: boolean): void {
  pod.ops = [];
  pod.killing = { start: now, grace, deletion, done: false };
  const running = pod.containers.filter((c) => c.state === 'running');
  const apps = running.filter((c) => c.spec.role !== 'sidecar');
  const sidecars = running.filter((c) => c.spec.role === 'sidecar').reverse();
  for (const c of apps) {
    if (!c.stopping) stopContainer(pod, c, now, grace, `Stopping container ${c.spec.name}`);
  }
  for (const c of sidecars) {
    if (!c.stopping) stopContainer(pod, c, now, grace, `Stopping container ${c.spec.name}`, true);
  }
  pod.touch();
  advanceKill(pod, now);
}

/** Sidecars get SIGTERM in reverse order once every app container and later sidecar has exited. */
export function advanceKill(pod: PodState, now: number): boolean {
  const killing = pod.killing;
  if (!killing || killing.done) return false;
  let changed = false;
  const deadline = killing.start + killing.grace;
  for (let i = pod.containers.length - 1; i >= 0; i--) {
    const c = pod.containers[i];
    if (c.spec.role !== 'sidecar' || c.state !== 'running' || !c.stopping || c.stopping.sigtermAt !== undefined) continue;
    const laterRunning = pod.containers.some((other, j) => other.state === 'running'
      && (other.spec.role !== 'sidecar' || j > i));
    if (!laterRunning) {
      sendSigterm(c, Math.min(Math.max(c.stopping.preStopEnd, now), Math.max(deadline, now)), killing.start, killing.grace);
      changed = true;
    } else if (now >= deadline) {
      sendSigterm(c, now, killing.start, killing.grace);
      changed = true;
    }
  }
  if (pod.containers.every((c) => c.state !== 'running')) {
    killing.done = true;
    finishKill(pod, killing, now);
    changed = true;
  }
  if (changed) pod.touch();
  return changed;
}

/** All containers stopped: the sandbox goes, the phase becomes terminal, a deleted pod leaves the API. */
function finishKill(pod: PodState, killing: Killing, now: number): void {
  pod.sandboxReady = false;
  if (!killing.deletion) return;
  const initialized = pod.appsStarted();
  for (const c of pod.containers) {
    if (c.spec.role !== 'app' || c.state === 'terminated' || !initialized) continue;
    c.wait('ContainerStatusUnknown');
    c.state = 'terminated';
    c.exitCode = SIGKILL_EXIT_CODE;
    c.message = 'The container could not be located when the pod was terminated';
  }
  derive(pod, killing.start);
  if (!pod.terminal) pod.phase = 'Failed';
  pod.remove(now);
}
