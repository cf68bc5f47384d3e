// What the parts of one pod's kubelet share: the pod's identity and spec, its containers,
// the pod worker's bookkeeping (sandbox, start queue, kill) and the status it derives.
import { Backoff } from './backoff';
import type { Node } from './cluster';
import type { ContainerRuntime } from './container';
import { CRASH_BACKOFF_INITIAL, CRASH_BACKOFF_MAX, CRASH_BACKOFF_RESET, IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX, IMAGE_BACKOFF_RESET } from './defaults';
import type { EventLog } from './events';
import type { Conditions } from './phase';
import type { PodSpecModel } from './spec';
import type { PodPhase } from './types';

export interface StartOp {
  container: ContainerRuntime;
  /** When the pull (or the failed pull) ends; undefined before it began. */
  doneAt?: number;
  pullStartedAt?: number;
  fails?: boolean;
}

export interface Killing {
  start: number;
  grace: number;
  /** The pod was deleted (it leaves the API when done), rather than stopped by the kubelet. */
  deletion: boolean;
  done: boolean;
}

export interface PodIdentity {
  name: string;
  namespace: string;
  uid: string;
  spec: PodSpecModel;
  events: EventLog;
  pullSeconds: number;
  crashBackoff?: { initial: number; max: number };
}

export class PodState {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly spec: PodSpecModel;
  readonly pullSeconds: number;
  readonly crashBackoff: Backoff;
  readonly imageBackoff = new Backoff(IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX, IMAGE_BACKOFF_RESET);
  private readonly events: EventLog;

  node?: Node;
  sandboxAt?: number;
  sandboxReady = false;
  ops: StartOp[] = [];
  /** deletionTimestamp: the pod is Terminating from this time. */
  deletedAt?: number;
  deletionGrace = 0;
  killing?: Killing;
  nodeNotReady = false;
  /** Removed from the API. */
  gone = false;
  /** When it left the API. */
  goneAt?: number;
  phase: PodPhase = 'Pending';
  conditions: Conditions = { PodScheduled: 'False' };
  /** Ready has been True since this time. */
  readySince?: number;
  version = 1;

  constructor(identity: PodIdentity, readonly containers: ContainerRuntime[]) {
    this.name = identity.name;
    this.namespace = identity.namespace;
    this.uid = identity.uid;
    this.spec = identity.spec;
    this.events = identity.events;
    this.pullSeconds = identity.pullSeconds;
    const crash = identity.crashBackoff;
    this.crashBackoff = new Backoff(crash?.initial ?? CRASH_BACKOFF_INITIAL, crash?.max ?? CRASH_BACKOFF_MAX, CRASH_BACKOFF_RESET);
  }

  get ref(): string {
    return `pod/${this.name}`;
  }

  get terminal(): boolean {
    return this.phase === 'Succeeded' || this.phase === 'Failed';
  }

  get ready(): boolean {
    return this.conditions.Ready === 'True';
  }

  emit(now: number, type: 'Normal' | 'Warning', reason: string, message: string, source = 'kubelet'): void {
    this.events.add(now, type, reason, this.ref, message, source);
  }

  touch(): void {
    this.version++;
  }

  remove(now: number): void {
    if (this.gone) return;
    this.gone = true;
    this.goneAt = now;
    this.node?.release(this.spec.requests);
    this.touch();
  }

  /** appContainersStarted without building the views (this runs at every kubelet pass). */
  appsStarted(): boolean {
    return this.containers.some((c) => c.spec.role === 'app' && (c.state !== 'waiting' || c.last !== undefined));
  }

  shouldRestart(c: ContainerRuntime): boolean {
    if (c.spec.role === 'sidecar') return true;
    const policy = this.spec.restartPolicy;
    if (c.spec.role === 'init') return policy !== 'Never' && (c.exitCode ?? c.last?.exitCode ?? 1) !== 0;
    const code = c.exitCode ?? c.last?.exitCode;
    const own = c.spec.restartPolicy;
    // ContainerShouldRestart: the first matching rule, else the container's policy, else the pod's.
    if (own && code !== undefined && c.spec.restartRules?.some((rule) => rule.values.includes(code) === (rule.operator === 'In'))) return true;
    const effective = own ?? policy;
    return effective === 'Always' || (effective === 'OnFailure' && code !== 0);
  }
}
