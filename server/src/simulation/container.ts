// One container's status as the kubelet reports it, and the process behind it.
import { INIT_RUN_SECONDS, SIGKILL_EXIT_CODE } from './defaults';
import type { ContainerView } from './phase';
import { ProbeWorker } from './probes';
import type { ContainerSpec } from './spec';
import type { ContainerFrame, ContainerScenario, ContainerStateName, LastState } from './types';

/** A termination under way: preStop, then SIGTERM, then SIGKILL at the deadline. */
export interface Stopping {
  preStopEnd: number;
  /** Undefined while a sidecar waits for its turn. */
  sigtermAt?: number;
  killAt?: number;
}

export function terminatedReason(exitCode: number, oomKilled = false): string {
  if (oomKilled) return 'OOMKilled';
  return exitCode === 0 ? 'Completed' : 'Error';
}

function localRuns(): () => number {
  let runs = 0;
  return () => runs++;
}

export class ContainerRuntime {
  state: ContainerStateName = 'waiting';
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: number;
  finishedAt?: number;
  last?: LastState;
  /** Instances created so far; restartCount is one less. */
  instances = 0;
  started = false;
  ready = false;
  /** The current instance exits on its own at this time. */
  exitAt?: number;
  stopping?: Stopping;
  probes: ProbeWorker[] = [];
  /** Not retried before this time (image back-off, failed sync re-queue). */
  retryAt?: number;

  /** Which run of this container (counted across the workload's pods) the current instance is, from 0. */
  private run = 0;

  constructor(readonly spec: ContainerSpec, readonly behaviour: ContainerScenario, private readonly nextRun: () => number = localRuns()) {}

  get restartCount(): number {
    return Math.max(0, this.instances - 1);
  }

  /** The instance that has exited and not been replaced yet. */
  get hasExited(): boolean {
    return this.instances > 0 && this.state !== 'running';
  }

  start(now: number): void {
    if (this.state === 'terminated') this.last = { reason: this.reason ?? 'Error', exitCode: this.exitCode ?? 0 };
    this.state = 'running';
    this.reason = undefined;
    this.message = undefined;
    this.exitCode = undefined;
    this.startedAt = now;
    this.finishedAt = undefined;
    this.instances++;
    this.run = this.nextRun();
    this.stopping = undefined;
    this.retryAt = undefined;
    const { spec, behaviour } = this;
    this.started = spec.startupProbe === undefined;
    this.ready = this.started && spec.readinessProbe === undefined;
    this.probes = [spec.startupProbe, spec.readinessProbe, spec.livenessProbe]
      .filter((probe) => probe !== undefined)
      .map((probe) => new ProbeWorker(probe, now));
    const run = behaviour.runSeconds ?? (spec.role === 'init' ? INIT_RUN_SECONDS : undefined);
    this.exitAt = run === undefined ? undefined : now + run;
  }

  /** Exit code and reason of a natural exit of the current instance. */
  naturalExit(): { exitCode: number; reason: string } {
    if (this.behaviour.oomKilled) return { exitCode: SIGKILL_EXIT_CODE, reason: 'OOMKilled' };
    const codes = this.behaviour.exitCodes;
    const exitCode = codes && codes.length > 0 ? codes[Math.min(this.run, codes.length - 1)] : this.behaviour.exitCode ?? 0;
    return { exitCode, reason: terminatedReason(exitCode) };
  }

  exit(at: number, exitCode: number, reason: string): void {
    this.state = 'terminated';
    this.exitCode = exitCode;
    this.reason = reason;
    this.message = undefined;
    this.finishedAt = at;
    this.started = false;
    this.ready = false;
    this.exitAt = undefined;
    this.stopping = undefined;
    this.probes = [];
  }

  /** Waiting with a reason; an exited instance moves to lastState. */
  wait(reason: string, message?: string): boolean {
    if (this.state === 'waiting' && this.reason === reason && this.message === message) return false;
    if (this.state === 'terminated') this.last = { reason: this.reason ?? 'Error', exitCode: this.exitCode ?? 0 };
    this.state = 'waiting';
    this.reason = reason;
    this.message = message;
    this.exitCode = undefined;
    return true;
  }

  view(): ContainerView {
    return {
      role: this.spec.role,
      state: this.state,
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
      ...(this.exitCode !== undefined ? { exitCode: this.exitCode } : {}),
      ...(this.last ? { lastExitCode: this.last.exitCode } : {}),
      started: this.started,
      ready: this.ready,
    };
  }

  frame(): ContainerFrame {
    const frame: ContainerFrame = {
      name: this.spec.name,
      role: this.spec.role,
      state: this.state,
      ready: this.ready,
      started: this.started,
      restartCount: this.restartCount,
    };
    if (this.reason !== undefined) frame.reason = this.reason;
    if (this.message !== undefined) frame.message = this.message;
    if (this.exitCode !== undefined) frame.exitCode = this.exitCode;
    if (this.last) frame.lastState = { ...this.last };
    return frame;
  }
}
