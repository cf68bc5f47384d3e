// The pod worker's sync: which container starts next (init containers one after another, then
// sidecars and apps), the crash back-off, and the start queue with its image pulls.
import type { ContainerRuntime } from './container';
import { CRASH_BACKOFF_INITIAL, PLEG_RELIST_SECONDS, PULL_FAIL_SECONDS, REPULL_SECONDS, SYNC_ERROR_RETRY_SECONDS } from './defaults';
import { goDuration } from './events';
import { fullReference } from '../k8s/image';
import type { PodState, StartOp } from './podState';
import { startKill } from './podTermination';

export function sync(pod: PodState, now: number): boolean {
  if (!pod.sandboxReady || pod.killing) return false;
  const inits = pod.containers.filter((c) => c.spec.role !== 'app');
  const apps = pod.containers.filter((c) => c.spec.role === 'app');
  if (pod.spec.restartPolicy === 'Never' && inits.some((c) => c.spec.role === 'init' && c.state === 'terminated' && c.exitCode !== 0)) {
    startKill(pod, now, pod.spec.terminationGracePeriodSeconds, false);
    return true;
  }
  const appsStarted = pod.appsStarted();
  if (appsStarted && apps.every((c) => c.state !== 'running' && !pod.shouldRestart(c))) {
    startKill(pod, now, pod.spec.terminationGracePeriodSeconds, false);
    return true;
  }
  let changed = false;
  if (!appsStarted) {
    for (const c of inits) {
      if (c.spec.role === 'init' && c.state === 'terminated' && c.exitCode === 0) continue;
      if (c.spec.role === 'sidecar' && c.state === 'running' && c.started) continue;
      if (c.state === 'running') return false;
      changed = tryStart(pod, c, now);
      beginNextOp(pod, now);
      return changed;
    }
  }
  for (const c of [...inits.filter((c) => c.spec.role === 'sidecar'), ...apps]) {
    if (c.state === 'running' || pod.ops.some((op) => op.container === c)) continue;
    if (c.hasExited && !pod.shouldRestart(c)) continue;
    if (tryStart(pod, c, now)) changed = true;
  }
  if (beginNextOp(pod, now)) changed = true;
  return changed;
}

/** Queues a (re)start unless a back-off holds it; returns true when the status changed. */
function tryStart(pod: PodState, c: ContainerRuntime, now: number): boolean {
  if (c.retryAt !== undefined && now < c.retryAt) return false;
  if (c.hasExited && c.finishedAt !== undefined) {
    const key = c.spec.name;
    const exitTime = c.finishedAt;
    if (pod.crashBackoff.isInBackOffSince(key, exitTime, now)) {
      const backoff = pod.crashBackoff.get(key)?.backoff ?? CRASH_BACKOFF_INITIAL;
      const podId = `${pod.name}_${pod.namespace}(${pod.uid})`;
      const changed = c.wait('CrashLoopBackOff', `back-off ${goDuration(backoff)} restarting failed container=${c.spec.name} pod=${podId}`);
      if (changed) pod.emit(now, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podId}`);
      c.retryAt = exitTime + backoff;
      if (changed) pod.touch();
      return changed;
    }
    pod.crashBackoff.next(key, exitTime, now);
  }
  pod.ops.push({ container: c });
  return true;
}

/** Starts the head operation: decides about the image and starts the pull, or starts the container. */
function beginNextOp(pod: PodState, now: number): boolean {
  let changed = false;
  while (pod.ops.length > 0 && pod.ops[0].doneAt === undefined) {
    const op = pod.ops[0];
    const c = op.container;
    const image = c.spec.image;
    const readyAt = pod.node?.imageReadyAt(image);
    const present = readyAt !== undefined && readyAt <= now;
    changed = true;
    if (c.spec.pullPolicy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      pod.emit(now, 'Warning', 'ErrImageNeverPull', message);
      c.wait('ErrImageNeverPull', message);
      c.retryAt = Infinity;
      pod.ops.shift();
      pod.touch();
      continue;
    }
    if (present && c.spec.pullPolicy !== 'Always') {
      pod.emit(now, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      pod.ops.shift();
      startContainer(pod, c, now);
      continue;
    }
    if (pod.imageBackoff.isInBackOffSinceUpdate(image, now)) {
      holdPull(pod, c, now);
      continue;
    }
    startPull(pod, op, readyAt, now);
    break;
  }
  return changed;
}

/** The image back-off holds the pull: ImagePullBackOff until it opens. */
function holdPull(pod: PodState, c: ContainerRuntime, now: number): void {
  const image = c.spec.image;
  if (c.wait('ImagePullBackOff', `Back-off pulling image "${image}"`)) {
    pod.emit(now, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
    pod.emit(now, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    pod.touch();
  }
  const entry = pod.imageBackoff.get(image);
  c.retryAt = entry ? entry.lastUpdate + entry.backoff : now + SYNC_ERROR_RETRY_SECONDS;
  pod.ops.shift();
}

function startPull(pod: PodState, op: StartOp, readyAt: number | undefined, now: number): void {
  const c = op.container;
  const image = c.spec.image;
  const present = readyAt !== undefined && readyAt <= now;
  pod.emit(now, 'Normal', 'Pulling', `Pulling image "${image}"`);
  op.pullStartedAt = now;
  if (c.behaviour.pullFails) {
    op.fails = true;
    op.doneAt = now + PULL_FAIL_SECONDS;
  } else if (present) {
    op.doneAt = now + REPULL_SECONDS;
  } else if (readyAt !== undefined) {
    op.doneAt = readyAt;
  } else {
    op.doneAt = now + pod.pullSeconds;
    pod.node?.addImage(image, op.doneAt);
  }
  if (op.doneAt <= now) completeOp(pod, op, now);
}

export function completeOp(pod: PodState, op: StartOp, now: number): void {
  pod.ops.shift();
  const c = op.container;
  const image = c.spec.image;
  if (op.fails) {
    const ref = fullReference(image);
    const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    pod.emit(now, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
    pod.imageBackoff.next(image, now, now);
    pod.emit(now, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.wait('ErrImagePull', error);
    // PLEG reported the sandbox this sync created while the pull ran, so the pod worker syncs again
    // soon (here: one relist period later) and finds the image back-off open.
    const sandboxEvent = op.pullStartedAt === pod.sandboxAt;
    c.retryAt = now + (sandboxEvent ? PLEG_RELIST_SECONDS : SYNC_ERROR_RETRY_SECONDS);
    pod.touch();
  } else {
    const took = goDuration(now - (op.pullStartedAt ?? now));
    // Without the `Image size: <n> bytes.` that recent kubelets add: the simulator knows no image's size.
    pod.emit(now, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting).`);
    startContainer(pod, c, now);
  }
  beginNextOp(pod, now);
}

function startContainer(pod: PodState, c: ContainerRuntime, now: number): void {
  pod.emit(now, 'Normal', 'Created', `Created container: ${c.spec.name}`);
  pod.emit(now, 'Normal', 'Started', `Started container ${c.spec.name}`);
  c.start(now);
  pod.touch();
}
