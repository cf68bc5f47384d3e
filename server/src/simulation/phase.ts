// Pod phase, conditions and the kubectl STATUS column, derived from container states
// the way the kubelet (getPhase, generate.go) and kubectl (printPod) derive them.
import type { RestartPolicy } from './spec';
import type { ConditionStatus, ContainerRole, ContainerStateName, PodConditionType, PodPhase } from './types';

export interface ContainerView {
  role: ContainerRole;
  state: ContainerStateName;
  reason?: string;
  exitCode?: number;
  /** Exit code of the previous instance, when there was one. */
  lastExitCode?: number;
  started: boolean;
  ready: boolean;
}

const hasLast = (c: ContainerView): boolean => c.lastExitCode !== undefined;

/** Has any regular (app) container ever started? */
export function appContainersStarted(containers: ContainerView[]): boolean {
  return containers.some((c) => c.role === 'app' && (c.state !== 'waiting' || hasLast(c)));
}

/** The kubelet's getPhase. `terminal`: the pod is being killed for good (deletion or KillPod). */
export function derivePhase(containers: ContainerView[], restartPolicy: RestartPolicy, terminal: boolean): PodPhase {
  let pendingInit = false;
  let pendingSidecar = false;
  let failedInit = false;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.role === 'init') {
      if (c.state === 'running' || (c.state === 'waiting' && !hasLast(c))) pendingInit = true;
      else if (c.state === 'terminated' && c.exitCode !== 0) failedInit = true;
      else if (c.state === 'waiting' && c.lastExitCode !== 0) failedInit = true;
    } else if (c.role === 'sidecar') {
      if (c.state === 'running') {
        running++;
        if (!c.started) pendingSidecar = true;
      } else if (c.state === 'waiting' && !hasLast(c)) {
        pendingSidecar = true;
        waiting++;
      }
    } else if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.exitCode === 0) succeeded++;
    } else if (hasLast(c)) stopped++;
    else waiting++;
  }
  if (failedInit && restartPolicy === 'Never') return 'Failed';
  if (pendingInit || (pendingSidecar && !appContainersStarted(containers)) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

export interface ConditionInputs {
  scheduled: boolean;
  sandboxReady: boolean;
  phase: PodPhase;
  hasReadinessGates: boolean;
  /** The node controller marked the pod not ready (node lost). */
  nodeNotReady: boolean;
}

export type Conditions = Partial<Record<PodConditionType, ConditionStatus>>;

const status = (value: boolean): ConditionStatus => (value ? 'True' : 'False');

export function deriveConditions(containers: ContainerView[], inputs: ConditionInputs): Conditions {
  if (!inputs.scheduled) return { PodScheduled: 'False' };
  const terminal = inputs.phase === 'Succeeded' || inputs.phase === 'Failed';
  const inits = containers.filter((c) => c.role !== 'app');
  const initialized = appContainersStarted(containers) || inits.every((c) =>
    c.role === 'init' ? c.state === 'terminated' && c.exitCode === 0 : c.started);
  const containersReady = !terminal && containers.every((c) => c.role === 'init' || c.ready);
  return {
    PodReadyToStartContainers: status(inputs.sandboxReady),
    Initialized: status(initialized),
    Ready: status(containersReady && !inputs.hasReadinessGates && !inputs.nodeNotReady),
    ContainersReady: status(containersReady),
    PodScheduled: 'True',
  };
}

function terminatedText(c: ContainerView): string {
  return c.reason ?? `ExitCode:${c.exitCode ?? 0}`;
}

/** kubectl's STATUS column (printPod). */
export function kubectlStatus(containers: ContainerView[], phase: PodPhase, initializedCondition: boolean, terminating: boolean): string {
  let reason: string = phase;
  let initializing = false;
  const inits = containers.filter((c) => c.role !== 'app');
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c.state === 'terminated' && c.exitCode === 0) continue;
    if (c.role === 'sidecar' && c.started) continue;
    if (c.state === 'terminated') reason = `Init:${terminatedText(c)}`;
    else if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing') reason = `Init:${c.reason}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }
  if (!initializing || initializedCondition) {
    let hasRunning = false;
    const apps = containers.filter((c) => c.role === 'app');
    for (let i = apps.length - 1; i >= 0; i--) {
      const c = apps[i];
      if (c.state === 'waiting' && c.reason) reason = c.reason;
      else if (c.state === 'terminated') reason = terminatedText(c);
      else if (c.state === 'running' && c.ready) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (terminating) reason = 'Terminating';
  return reason;
}
