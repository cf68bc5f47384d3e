// One pod as the kubelet runs it: a pod worker that syncs whenever something changed,
// starts containers one after another (pulling images inside the sync), restarts them
// under the crash back-off, runs probes, and kills containers and the pod.
import type { Node } from './cluster';
import { ContainerRuntime } from './container';
import { NODE_MONITOR_GRACE_SECONDS, SANDBOX_SECONDS, UNREACHABLE_TOLERATION_SECONDS } from './defaults';
import type { EventLog } from './events';
import { kubectlStatus, type Conditions } from './phase';
import { nextProbeTick, runProbes } from './podProbeTicks';
import { completeOp, sync } from './podStart';
import { PodState } from './podState';
import { derive } from './podStatus';
import { advanceExit, advanceKill, startKill } from './podTermination';
import type { PodSpecModel } from './spec';
import type { ContainerScenario, PodFrame, PodPhase } from './types';

export interface PodOptions {
  name: string;
  namespace: string;
  uid: string;
  createdAt: number;
  spec: PodSpecModel;
  behaviourOf: (container: string) => ContainerScenario;
  /** The index of the next run of this container across the workload's pods (for `exitCodes`). */
  nextRun?: (container: string) => number;
  pullSeconds: number;
  /** The node's crash back-off when its kubelet config sets maxContainerRestartPeriod (1.35+). */
  crashBackoff?: { initial: number; max: number };
  events: EventLog;
  revision?: number;
}

export class PodSim {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly createdAt: number;
  readonly spec: PodSpecModel;
  readonly revision?: number;
  readonly containers: ContainerRuntime[];
  private readonly state: PodState;

  /** DaemonSet pods: the only node the pod may run on. */
  pinnedNode?: Node;
  /** Set once the scheduler gave up on a try; the FailedScheduling event is recorded once. */
  unschedulable = false;
  /** metadata.labels (Services select pods by them). */
  labels: Record<string, string> = {};
  /** The pod spec as written (Services resolve named target ports in it). */
  rawSpec: unknown;
  /** `kind/name` of the workload that made it, shown when the simulation plays more than one. */
  owner?: string;
  private frameVersion = 0;
  private cachedFrame?: PodFrame;

  constructor(options: PodOptions) {
    this.name = options.name;
    this.namespace = options.namespace;
    this.uid = options.uid;
    this.createdAt = options.createdAt;
    this.spec = options.spec;
    this.revision = options.revision;
    this.containers = options.spec.containers.map((c) => {
      const nextRun = options.nextRun;
      return new ContainerRuntime(c, options.behaviourOf(c.name), nextRun ? () => nextRun(c.name) : undefined);
    });
    this.state = new PodState(options, this.containers);
  }

  get ref(): string {
    return this.state.ref;
  }

  get node(): Node | undefined {
    return this.state.node;
  }

  /** deletionTimestamp: the pod is Terminating from this time. */
  get deletedAt(): number | undefined {
    return this.state.deletedAt;
  }

  /** Removed from the API. */
  get gone(): boolean {
    return this.state.gone;
  }

  /** When it left the API. */
  get goneAt(): number | undefined {
    return this.state.goneAt;
  }

  get phase(): PodPhase {
    return this.state.phase;
  }

  get conditions(): Conditions {
    return this.state.conditions;
  }

  /** Ready has been True since this time. */
  get readySince(): number | undefined {
    return this.state.readySince;
  }

  get terminating(): boolean {
    return this.state.deletedAt !== undefined;
  }

  get scheduled(): boolean {
    return this.state.node !== undefined;
  }

  get terminal(): boolean {
    return this.state.terminal;
  }

  /** Pods a ReplicaSet counts: not deleted, not terminal. */
  get active(): boolean {
    return !this.gone && !this.terminating && !this.terminal;
  }

  get ready(): boolean {
    return this.state.ready;
  }

  // --- scheduling and deletion (called by the engine) ---

  /** Binding: the kubelet takes the pod and reports its first status (no container has a status before). */
  bindTo(node: Node, now: number): void {
    const s = this.state;
    s.node = node;
    node.bind(this.spec.requests);
    s.sandboxAt = now + SANDBOX_SECONDS;
    s.emit(now, 'Normal', 'Scheduled', `Successfully assigned ${this.namespace}/${this.name} to ${node.name}`, 'default-scheduler');
    const initialReason = this.containers.some((c) => c.spec.role !== 'app') ? 'PodInitializing' : 'ContainerCreating';
    for (const c of this.containers) c.reason = initialReason;
    s.touch();
    derive(s, now);
  }

  failScheduling(message: string, now: number): void {
    if (this.unschedulable) return;
    this.unschedulable = true;
    this.state.emit(now, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    this.state.touch();
  }

  /** Graceful deletion: sets the deletionTimestamp; the kubelet does the rest. */
  markDeleted(now: number, grace: number): void {
    const s = this.state;
    if (s.deletedAt !== undefined || s.gone) return;
    s.deletedAt = now;
    s.deletionGrace = grace;
    if (!s.node) s.remove(now);
    s.touch();
  }

  // --- the simulation step ---

  /** Applies everything due at `now`; returns true when the pod changed. */
  step(now: number): boolean {
    const s = this.state;
    if (s.gone || !s.node) return false;
    const before = s.version;
    if (s.node.lostAt !== undefined && now >= s.node.lostAt) this.nodeControllerStep(now, s.node.lostAt);
    else {
      for (let guard = 0; guard < 200; guard++) if (!this.kubeletPass(now)) break;
    }
    if (s.version !== before) derive(s, now);
    return s.version !== before;
  }

  private kubeletPass(now: number): boolean {
    const s = this.state;
    let progressed = false;
    if (!s.sandboxReady && s.sandboxAt !== undefined && now >= s.sandboxAt && !s.killing) {
      s.sandboxReady = true;
      s.touch();
      progressed = true;
    }
    if (s.deletedAt !== undefined && (!s.killing || !s.killing.deletion)) {
      startKill(s, now, s.deletionGrace, true);
      progressed = true;
    }
    for (const c of this.containers) if (this.advanceContainer(c, now)) progressed = true;
    const op = s.ops[0];
    if (op && op.doneAt !== undefined && op.doneAt <= now) {
      completeOp(s, op, now);
      progressed = true;
    }
    if (s.killing && !s.killing.done) {
      if (advanceKill(s, now)) progressed = true;
    } else if (s.ops.length === 0 && sync(s, now)) progressed = true;
    return progressed;
  }

  /** A running container's process exits, or its probes tick. */
  private advanceContainer(c: ContainerRuntime, now: number): boolean {
    if (c.state !== 'running') return false;
    if (advanceExit(this.state, c, now)) return true;
    if (c.stopping || this.state.killing) return false;
    return runProbes(this.state, c, now);
  }

  /** The node stopped reporting: statuses freeze; the node controller marks the pod not ready, then evicts it. */
  private nodeControllerStep(now: number, lostAt: number): void {
    const s = this.state;
    const notReadyAt = lostAt + NODE_MONITOR_GRACE_SECONDS;
    if (!s.nodeNotReady && now >= notReadyAt) {
      s.nodeNotReady = true;
      s.emit(notReadyAt, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
      s.touch();
    }
    const evictAt = notReadyAt + UNREACHABLE_TOLERATION_SECONDS;
    if (s.deletedAt === undefined && now >= evictAt) {
      s.emit(evictAt, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${this.namespace}/${this.name}`, 'taint-eviction-controller');
      s.deletedAt = evictAt;
      s.touch();
    }
  }

  // --- wake-ups and snapshots ---

  /** The next time this pod has something to do, after `now` (Infinity if nothing). */
  nextWake(now: number): number {
    const s = this.state;
    if (s.gone) return Infinity;
    let next = Infinity;
    const consider = (t: number | undefined): void => {
      if (t !== undefined && t > now && t < next) next = t;
    };
    if (!s.node) return next;
    const lostAt = s.node.lostAt;
    if (lostAt !== undefined) {
      consider(lostAt);
      consider(lostAt + NODE_MONITOR_GRACE_SECONDS);
      if (s.deletedAt === undefined) consider(lostAt + NODE_MONITOR_GRACE_SECONDS + UNREACHABLE_TOLERATION_SECONDS);
      if (now >= lostAt) return next;
    }
    if (!s.sandboxReady && !s.killing) consider(s.sandboxAt);
    consider(s.ops[0]?.doneAt);
    if (s.killing && !s.killing.done) consider(s.killing.start + s.killing.grace);
    for (const c of this.containers) {
      consider(c.retryAt === Infinity ? undefined : c.retryAt);
      if (c.state !== 'running') continue;
      consider(c.exitAt);
      const stop = c.stopping;
      if (stop?.sigtermAt !== undefined) {
        consider(stop.sigtermAt + (c.behaviour.sigtermExitSeconds ?? 0));
        consider(stop.killAt);
      } else if (stop) consider(stop.preStopEnd);
      if (!stop && !s.killing) for (const worker of c.probes) consider(nextProbeTick(c, worker, now));
    }
    return next;
  }

  frame(): PodFrame {
    const s = this.state;
    if (this.cachedFrame && this.frameVersion === s.version) return this.cachedFrame;
    const views = this.containers.map((c) => c.view());
    const frame: PodFrame = {
      name: this.name,
      uid: this.uid,
      phase: s.phase,
      status: s.node ? kubectlStatus(views, s.phase, s.conditions.Initialized === 'True', this.terminating) : (this.terminating ? 'Terminating' : 'Pending'),
      conditions: { ...s.conditions },
      containers: this.containers.map((c) => c.frame()),
    };
    if (s.node) frame.node = s.node.name;
    if (this.revision !== undefined) frame.revision = this.revision;
    if (this.terminating) frame.terminating = true;
    if (this.owner) frame.owner = this.owner;
    this.cachedFrame = frame;
    this.frameVersion = s.version;
    return frame;
  }
}
