// One pod as the kubelet runs it: a pod worker that syncs whenever something changed,
// starts containers one after another (pulling images inside the sync), restarts them
// under the crash back-off, runs probes, and kills containers and the pod.
import { Backoff } from './backoff';
import type { Node } from './cluster';
import { ContainerRuntime, terminatedReason } from './container';
import {
  CRASH_BACKOFF_INITIAL, CRASH_BACKOFF_MAX, CRASH_BACKOFF_RESET, IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX,
  IMAGE_BACKOFF_RESET, MIN_GRACE_SECONDS, NODE_MONITOR_GRACE_SECONDS, PLEG_RELIST_SECONDS, PULL_FAIL_SECONDS, REPULL_SECONDS,
  SANDBOX_SECONDS, SIGKILL_EXIT_CODE, SIGTERM_EXIT_CODE, SYNC_ERROR_RETRY_SECONDS, UNREACHABLE_TOLERATION_SECONDS,
} from './defaults';
import { type EventLog, goDuration } from './events';
import { fullReference } from '../k8s/image';
import { deriveConditions, derivePhase, kubectlStatus, type Conditions, type ContainerView } from './phase';
import { PROBE_LABEL, type ProbeWorker } from './probes';
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

interface StartOp {
  container: ContainerRuntime;
  /** When the pull (or the failed pull) ends; undefined before it began. */
  doneAt?: number;
  pullStartedAt?: number;
  fails?: boolean;
}

interface Killing {
  start: number;
  grace: number;
  /** The pod was deleted (it leaves the API when done), rather than stopped by the kubelet. */
  deletion: boolean;
  done: boolean;
}

export class PodSim {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly createdAt: number;
  readonly spec: PodSpecModel;
  readonly revision?: number;
  readonly containers: ContainerRuntime[];
  private readonly events: EventLog;
  private readonly pullSeconds: number;
  private readonly crashBackoff: Backoff;
  private readonly imageBackoff = new Backoff(IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX, IMAGE_BACKOFF_RESET);

  node?: Node;
  /** DaemonSet pods: the only node the pod may run on. */
  pinnedNode?: Node;
  /** Set once the scheduler gave up on a try; the FailedScheduling event is recorded once. */
  unschedulable = false;
  private sandboxAt?: number;
  private sandboxReady = false;
  private ops: StartOp[] = [];
  /** deletionTimestamp: the pod is Terminating from this time. */
  deletedAt?: number;
  private deletionGrace = 0;
  private killing?: Killing;
  private nodeNotReady = false;
  /** Removed from the API. */
  gone = false;
  /** When it left the API. */
  goneAt?: number;

  /** metadata.labels (Services select pods by them). */
  labels: Record<string, string> = {};
  /** The pod spec as written (Services resolve named target ports in it). */
  rawSpec: unknown;
  /** `kind/name` of the workload that made it, shown when the simulation plays more than one. */
  owner?: string;
  phase: PodPhase = 'Pending';
  conditions: Conditions = { PodScheduled: 'False' };
  /** Ready has been True since this time. */
  readySince?: number;
  private version = 1;
  private frameVersion = 0;
  private cachedFrame?: PodFrame;

  constructor(options: PodOptions) {
    this.name = options.name;
    this.namespace = options.namespace;
    this.uid = options.uid;
    this.createdAt = options.createdAt;
    this.spec = options.spec;
    this.revision = options.revision;
    this.events = options.events;
    this.pullSeconds = options.pullSeconds;
    const crash = options.crashBackoff;
    this.crashBackoff = new Backoff(crash?.initial ?? CRASH_BACKOFF_INITIAL, crash?.max ?? CRASH_BACKOFF_MAX, CRASH_BACKOFF_RESET);
    this.containers = options.spec.containers.map((c) => {
      const nextRun = options.nextRun;
      return new ContainerRuntime(c, options.behaviourOf(c.name), nextRun ? () => nextRun(c.name) : undefined);
    });
  }

  get ref(): string {
    return `pod/${this.name}`;
  }

  get terminating(): boolean {
    return this.deletedAt !== undefined;
  }

  get scheduled(): boolean {
    return this.node !== undefined;
  }

  get terminal(): boolean {
    return this.phase === 'Succeeded' || this.phase === 'Failed';
  }

  /** Pods a ReplicaSet counts: not deleted, not terminal. */
  get active(): boolean {
    return !this.gone && !this.terminating && !this.terminal;
  }

  get ready(): boolean {
    return this.conditions.Ready === 'True';
  }

  private emit(now: number, type: 'Normal' | 'Warning', reason: string, message: string, source = 'kubelet'): void {
    this.events.add(now, type, reason, this.ref, message, source);
  }

  private touch(): void {
    this.version++;
  }

  // --- scheduling and deletion (called by the engine) ---

  /** Binding: the kubelet takes the pod and reports its first status (no container has a status before). */
  bindTo(node: Node, now: number): void {
    this.node = node;
    node.bind(this.spec.requests);
    this.sandboxAt = now + SANDBOX_SECONDS;
    this.emit(now, 'Normal', 'Scheduled', `Successfully assigned ${this.namespace}/${this.name} to ${node.name}`, 'default-scheduler');
    const initialReason = this.containers.some((c) => c.spec.role !== 'app') ? 'PodInitializing' : 'ContainerCreating';
    for (const c of this.containers) c.reason = initialReason;
    this.touch();
    this.derive(now);
  }

  failScheduling(message: string, now: number): void {
    if (this.unschedulable) return;
    this.unschedulable = true;
    this.emit(now, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    this.touch();
  }

  /** Graceful deletion: sets the deletionTimestamp; the kubelet does the rest. */
  markDeleted(now: number, grace: number): void {
    if (this.deletedAt !== undefined || this.gone) return;
    this.deletedAt = now;
    this.deletionGrace = grace;
    if (!this.node) this.remove(now);
    this.touch();
  }

  private remove(now: number): void {
    if (this.gone) return;
    this.gone = true;
    this.goneAt = now;
    this.node?.release(this.spec.requests);
    this.touch();
  }

  // --- the simulation step ---

  /** Applies everything due at `now`; returns true when the pod changed. */
  step(now: number): boolean {
    if (this.gone || !this.node) return false;
    const before = this.version;
    if (this.node.lostAt !== undefined && now >= this.node.lostAt) this.nodeControllerStep(now, this.node.lostAt);
    else {
      for (let guard = 0; guard < 200; guard++) if (!this.kubeletPass(now)) break;
    }
    if (this.version !== before) this.derive(now);
    return this.version !== before;
  }

  private kubeletPass(now: number): boolean {
    let progressed = false;
    if (!this.sandboxReady && this.sandboxAt !== undefined && now >= this.sandboxAt && !this.killing) {
      this.sandboxReady = true;
      this.touch();
      progressed = true;
    }
    if (this.deletedAt !== undefined && (!this.killing || !this.killing.deletion)) {
      this.startKill(now, this.deletionGrace, true);
      progressed = true;
    }
    for (const c of this.containers) if (this.advanceContainer(c, now)) progressed = true;
    const op = this.ops[0];
    if (op && op.doneAt !== undefined && op.doneAt <= now) {
      this.completeOp(op, now);
      progressed = true;
    }
    if (this.killing && !this.killing.done) {
      if (this.advanceKill(now)) progressed = true;
    } else if (this.ops.length === 0 && this.sync(now)) progressed = true;
    return progressed;
  }

  /** The node stopped reporting: statuses freeze; the node controller marks the pod not ready, then evicts it. */
  private nodeControllerStep(now: number, lostAt: number): void {
    const notReadyAt = lostAt + NODE_MONITOR_GRACE_SECONDS;
    if (!this.nodeNotReady && now >= notReadyAt) {
      this.nodeNotReady = true;
      this.emit(notReadyAt, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
      this.touch();
    }
    const evictAt = notReadyAt + UNREACHABLE_TOLERATION_SECONDS;
    if (this.deletedAt === undefined && now >= evictAt) {
      this.emit(evictAt, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${this.namespace}/${this.name}`, 'taint-eviction-controller');
      this.deletedAt = evictAt;
      this.touch();
    }
  }

  // --- container processes and probes ---

  private advanceContainer(c: ContainerRuntime, now: number): boolean {
    if (c.state !== 'running') return false;
    const stop = c.stopping;
    if (stop?.killAt !== undefined && stop.sigtermAt !== undefined) {
      const sigtermExit = stop.sigtermAt + (c.behaviour.sigtermExitSeconds ?? 0);
      const naturalFirst = c.exitAt !== undefined && c.exitAt <= Math.min(sigtermExit, stop.killAt);
      if (!naturalFirst && sigtermExit <= stop.killAt && sigtermExit <= now) {
        const code = c.behaviour.sigtermExitCode ?? SIGTERM_EXIT_CODE;
        c.exit(sigtermExit, code, terminatedReason(code));
        this.touch();
        return true;
      }
      if (!naturalFirst && stop.killAt <= now) {
        c.exit(stop.killAt, SIGKILL_EXIT_CODE, 'Error');
        this.touch();
        return true;
      }
    }
    if (c.exitAt !== undefined && c.exitAt <= now) {
      const { exitCode, reason } = c.naturalExit();
      c.exit(c.exitAt, exitCode, reason);
      this.touch();
      return true;
    }
    if (stop || this.killing) return false;
    let changed = false;
    for (const worker of c.probes) {
      let tick = this.nextProbeTick(c, worker, now);
      while (tick <= now && c.state === 'running' && !c.stopping) {
        if (this.probeTick(c, worker, tick)) changed = true;
        tick = this.nextProbeTick(c, worker, tick);
      }
    }
    return changed;
  }

  private probeOutcome(c: ContainerRuntime, worker: ProbeWorker, at: number): 'Success' | 'Failure' {
    const start = c.startedAt ?? 0;
    const b = c.behaviour;
    if (worker.spec.kind === 'startup') return at >= start + (b.startedAfterSeconds ?? 0) ? 'Success' : 'Failure';
    if (worker.spec.kind === 'readiness') return at >= start + (b.readyAfterSeconds ?? 0) ? 'Success' : 'Failure';
    return b.livenessFailsAfterSeconds !== undefined && at >= start + b.livenessFailsAfterSeconds ? 'Failure' : 'Success';
  }

  /** The next probe instant that can change anything or report a failure (Infinity if none). */
  private nextProbeTick(c: ContainerRuntime, worker: ProbeWorker, from: number): number {
    if (c.state !== 'running' || worker.onHold) return Infinity;
    const kind = worker.spec.kind;
    if (kind === 'startup') return c.started ? Infinity : worker.firstTickAtOrAfter(from);
    if (!c.started) return Infinity;
    if (!worker.settledOnSuccess() && !(kind === 'liveness' && worker.result === 'Success')) return worker.firstTickAtOrAfter(from);
    if (kind === 'readiness') return Infinity;
    const failsAfter = c.behaviour.livenessFailsAfterSeconds;
    if (failsAfter === undefined) return Infinity;
    return worker.firstTickAtOrAfter(Math.max(from, (c.startedAt ?? 0) + failsAfter));
  }

  private probeTick(c: ContainerRuntime, worker: ProbeWorker, at: number): boolean {
    worker.lastTickAt = at;
    const outcome = this.probeOutcome(c, worker, at);
    const kind = worker.spec.kind;
    if (outcome === 'Failure') {
      this.emit(at, 'Warning', 'Unhealthy', `${PROBE_LABEL[kind]} probe failed: ${worker.spec.failureOutput}`);
    }
    const changed = worker.record(outcome);
    if (!changed) return false;
    if (kind === 'readiness') c.ready = worker.result === 'Success';
    else if (kind === 'startup' && worker.result === 'Success') {
      c.started = true;
      c.ready = !c.spec.readinessProbe;
    } else if (worker.result === 'Failure') {
      const grace = worker.spec.terminationGracePeriodSeconds ?? this.spec.terminationGracePeriodSeconds;
      this.stopContainer(c, at, grace, `Container ${c.spec.name} failed ${kind} probe, will be restarted`);
    }
    this.touch();
    return true;
  }

  /** Starts one container's termination: Killing, preStop, SIGTERM, SIGKILL at the deadline. */
  private stopContainer(c: ContainerRuntime, now: number, grace: number, message: string, waitForTurn = false): void {
    this.emit(now, 'Normal', 'Killing', message);
    const preStop = grace > 0 ? Math.min(c.behaviour.preStopSeconds ?? c.spec.preStopSeconds ?? 0, grace) : 0;
    c.stopping = { preStopEnd: now + preStop };
    if (!waitForTurn) this.sendSigterm(c, now + preStop, now, grace);
    this.touch();
  }

  private sendSigterm(c: ContainerRuntime, at: number, killStart: number, grace: number): void {
    if (!c.stopping) return;
    c.stopping.sigtermAt = at;
    c.stopping.killAt = at + Math.max(grace - (at - killStart), MIN_GRACE_SECONDS);
  }

  // --- the pod worker's sync ---

  private shouldRestart(c: ContainerRuntime): boolean {
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

  /** appContainersStarted without building the views (this runs at every kubelet pass). */
  private appsStarted(): boolean {
    return this.containers.some((c) => c.spec.role === 'app' && (c.state !== 'waiting' || c.last !== undefined));
  }

  /** Container views for getPhase: a container its own policy restarts counts as running (ContainerRestartRules). */
  private phaseViews(): ContainerView[] {
    return this.containers.map((c) => {
      const view = c.view();
      return c.spec.restartPolicy && c.state !== 'running' && c.hasExited && this.shouldRestart(c) ? { ...view, state: 'running' } : view;
    });
  }

  private sync(now: number): boolean {
    if (!this.sandboxReady || this.killing) return false;
    const inits = this.containers.filter((c) => c.spec.role !== 'app');
    const apps = this.containers.filter((c) => c.spec.role === 'app');
    if (this.spec.restartPolicy === 'Never' && inits.some((c) => c.spec.role === 'init' && c.state === 'terminated' && c.exitCode !== 0)) {
      this.startKill(now, this.spec.terminationGracePeriodSeconds, false);
      return true;
    }
    const appsStarted = this.appsStarted();
    if (appsStarted && apps.every((c) => c.state !== 'running' && !this.shouldRestart(c))) {
      this.startKill(now, this.spec.terminationGracePeriodSeconds, false);
      return true;
    }
    let changed = false;
    if (!appsStarted) {
      for (const c of inits) {
        if (c.spec.role === 'init' && c.state === 'terminated' && c.exitCode === 0) continue;
        if (c.spec.role === 'sidecar' && c.state === 'running' && c.started) continue;
        if (c.state === 'running') return false;
        changed = this.tryStart(c, now);
        this.beginNextOp(now);
        return changed;
      }
    }
    for (const c of [...inits.filter((c) => c.spec.role === 'sidecar'), ...apps]) {
      if (c.state === 'running' || this.ops.some((op) => op.container === c)) continue;
      if (c.hasExited && !this.shouldRestart(c)) continue;
      if (this.tryStart(c, now)) changed = true;
    }
    if (this.beginNextOp(now)) changed = true;
    return changed;
  }

  /** Queues a (re)start unless a back-off holds it; returns true when the status changed. */
  private tryStart(c: ContainerRuntime, now: number): boolean {
    if (c.retryAt !== undefined && now < c.retryAt) return false;
    if (c.hasExited && c.finishedAt !== undefined) {
      const key = c.spec.name;
      const exitTime = c.finishedAt;
      if (this.crashBackoff.isInBackOffSince(key, exitTime, now)) {
        const backoff = this.crashBackoff.get(key)?.backoff ?? CRASH_BACKOFF_INITIAL;
        const podId = `${this.name}_${this.namespace}(${this.uid})`;
        const changed = c.wait('CrashLoopBackOff', `back-off ${goDuration(backoff)} restarting failed container=${c.spec.name} pod=${podId}`);
        if (changed) this.emit(now, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podId}`);
        c.retryAt = exitTime + backoff;
        if (changed) this.touch();
        return changed;
      }
      this.crashBackoff.next(key, exitTime, now);
    }
    this.ops.push({ container: c });
    return true;
  }

  /** Starts the head operation: decides about the image and starts the pull, or starts the container. */
  private beginNextOp(now: number): boolean {
    let changed = false;
    while (this.ops.length > 0 && this.ops[0].doneAt === undefined) {
      const op = this.ops[0];
      const c = op.container;
      const image = c.spec.image;
      const readyAt = this.node?.imageReadyAt(image);
      const present = readyAt !== undefined && readyAt <= now;
      changed = true;
      if (c.spec.pullPolicy === 'Never' && !present) {
        const message = `Container image "${image}" is not present with pull policy of Never`;
        this.emit(now, 'Warning', 'ErrImageNeverPull', message);
        c.wait('ErrImageNeverPull', message);
        c.retryAt = Infinity;
        this.ops.shift();
        this.touch();
        continue;
      }
      if (present && c.spec.pullPolicy !== 'Always') {
        this.emit(now, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        this.ops.shift();
        this.startContainer(c, now);
        continue;
      }
      if (this.imageBackoff.isInBackOffSinceUpdate(image, now)) {
        if (c.wait('ImagePullBackOff', `Back-off pulling image "${image}"`)) {
          this.emit(now, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
          this.emit(now, 'Warning', 'Failed', 'Error: ImagePullBackOff');
          this.touch();
        }
        const entry = this.imageBackoff.get(image);
        c.retryAt = entry ? entry.lastUpdate + entry.backoff : now + SYNC_ERROR_RETRY_SECONDS;
        this.ops.shift();
        continue;
      }
      this.emit(now, 'Normal', 'Pulling', `Pulling image "${image}"`);
      op.pullStartedAt = now;
      if (c.behaviour.pullFails) {
        op.fails = true;
        op.doneAt = now + PULL_FAIL_SECONDS;
      } else if (present) {
        op.doneAt = now + REPULL_SECONDS;
      } else if (readyAt !== undefined) {
        op.doneAt = readyAt;
      } else {
        op.doneAt = now + this.pullSeconds;
        this.node?.addImage(image, op.doneAt);
      }
      if (op.doneAt <= now) this.completeOp(op, now);
      break;
    }
    return changed;
  }

  private completeOp(op: StartOp, now: number): void {
    this.ops.shift();
    const c = op.container;
    const image = c.spec.image;
    if (op.fails) {
      const ref = fullReference(image);
      const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
      this.emit(now, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
      this.imageBackoff.next(image, now, now);
      this.emit(now, 'Warning', 'Failed', 'Error: ErrImagePull');
      c.wait('ErrImagePull', error);
      // PLEG reported the sandbox this sync created while the pull ran, so the pod worker syncs again
      // soon (here: one relist period later) and finds the image back-off open.
      const sandboxEvent = op.pullStartedAt === this.sandboxAt;
      c.retryAt = now + (sandboxEvent ? PLEG_RELIST_SECONDS : SYNC_ERROR_RETRY_SECONDS);
      this.touch();
    } else {
      const took = goDuration(now - (op.pullStartedAt ?? now));
      // Without the `Image size: <n> bytes.` that recent kubelets add: the simulator knows no image's size.
      this.emit(now, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting).`);
      this.startContainer(c, now);
    }
    this.beginNextOp(now);
  }

  private startContainer(c: ContainerRuntime, now: number): void {
    this.emit(now, 'Normal', 'Created', `Created container: ${c.spec.name}`);
    this.emit(now, 'Normal', 'Started', `Started container ${c.spec.name}`);
    c.start(now);
    this.touch();
  }

  // --- killing the pod ---

  private startKill(now: number, grace: number, deletion: boolean): void {
    this.ops = [];
    this.killing = { start: now, grace, deletion, done: false };
    const running = this.containers.filter((c) => c.state === 'running');
    const apps = running.filter((c) => c.spec.role !== 'sidecar');
    const sidecars = running.filter((c) => c.spec.role === 'sidecar').reverse();
    for (const c of apps) {
      if (!c.stopping) this.stopContainer(c, now, grace, `Stopping container ${c.spec.name}`);
    }
    for (const c of sidecars) {
      if (!c.stopping) this.stopContainer(c, now, grace, `Stopping container ${c.spec.name}`, true);
    }
    this.touch();
    this.advanceKill(now);
  }

  /** Sidecars get SIGTERM in reverse order once every app container and later sidecar has exited. */
  private advanceKill(now: number): boolean {
    const killing = this.killing;
    if (!killing || killing.done) return false;
    let changed = false;
    const deadline = killing.start + killing.grace;
    for (let i = this.containers.length - 1; i >= 0; i--) {
      const c = this.containers[i];
      if (c.spec.role !== 'sidecar' || c.state !== 'running' || !c.stopping || c.stopping.sigtermAt !== undefined) continue;
      const laterRunning = this.containers.some((other, j) => other.state === 'running'
        && (other.spec.role !== 'sidecar' || j > i));
      if (!laterRunning) {
        this.sendSigterm(c, Math.min(Math.max(c.stopping.preStopEnd, now), Math.max(deadline, now)), killing.start, killing.grace);
        changed = true;
      } else if (now >= deadline) {
        this.sendSigterm(c, now, killing.start, killing.grace);
        changed = true;
      }
    }
    if (this.containers.every((c) => c.state !== 'running')) {
      killing.done = true;
      this.finishKill(killing, now);
      changed = true;
    }
    if (changed) this.touch();
    return changed;
  }

  /** All containers stopped: the sandbox goes, the phase becomes terminal, a deleted pod leaves the API. */
  private finishKill(killing: Killing, now: number): void {
    this.sandboxReady = false;
    if (!killing.deletion) return;
    const initialized = this.appsStarted();
    for (const c of this.containers) {
      if (c.spec.role !== 'app' || c.state === 'terminated' || !initialized) continue;
      c.wait('ContainerStatusUnknown');
      c.state = 'terminated';
      c.exitCode = SIGKILL_EXIT_CODE;
      c.message = 'The container could not be located when the pod was terminated';
    }
    this.derive(killing.start);
    if (!this.terminal) this.phase = 'Failed';
    this.remove(now);
  }

  // --- derived status ---

  private derive(now: number): void {
    const views = this.containers.map((c) => c.view());
    if (this.node) {
      const terminal = this.killing !== undefined;
      const phase = derivePhase(terminal ? views : this.phaseViews(), this.spec.restartPolicy, terminal);
      if (!this.terminal) this.phase = phase;
    }
    const previousReady = this.ready;
    this.conditions = deriveConditions(views, {
      scheduled: this.node !== undefined,
      sandboxReady: this.sandboxReady,
      phase: this.phase,
      hasReadinessGates: this.spec.hasReadinessGates,
      nodeNotReady: this.nodeNotReady,
    });
    if (this.ready && !previousReady) this.readySince = now;
    if (!this.ready) this.readySince = undefined;
  }

  // --- wake-ups and snapshots ---

  /** The next time this pod has something to do, after `now` (Infinity if nothing). */
  nextWake(now: number): number {
    if (this.gone) return Infinity;
    let next = Infinity;
    const consider = (t: number | undefined): void => {
      if (t !== undefined && t > now && t < next) next = t;
    };
    if (!this.node) return next;
    const lostAt = this.node.lostAt;
    if (lostAt !== undefined) {
      consider(lostAt);
      consider(lostAt + NODE_MONITOR_GRACE_SECONDS);
      if (this.deletedAt === undefined) consider(lostAt + NODE_MONITOR_GRACE_SECONDS + UNREACHABLE_TOLERATION_SECONDS);
      if (now >= lostAt) return next;
    }
    if (!this.sandboxReady && !this.killing) consider(this.sandboxAt);
    consider(this.ops[0]?.doneAt);
    if (this.killing && !this.killing.done) consider(this.killing.start + this.killing.grace);
    for (const c of this.containers) {
      consider(c.retryAt === Infinity ? undefined : c.retryAt);
      if (c.state !== 'running') continue;
      consider(c.exitAt);
      const stop = c.stopping;
      if (stop?.sigtermAt !== undefined) {
        consider(stop.sigtermAt + (c.behaviour.sigtermExitSeconds ?? 0));
        consider(stop.killAt);
      } else if (stop) consider(stop.preStopEnd);
      if (!stop && !this.killing) for (const worker of c.probes) consider(this.nextProbeTick(c, worker, now));
    }
    return next;
  }

  frame(): PodFrame {
    if (this.cachedFrame && this.frameVersion === this.version) return this.cachedFrame;
    const views = this.containers.map((c) => c.view());
    const frame: PodFrame = {
      name: this.name,
      uid: this.uid,
      phase: this.phase,
      status: this.node ? kubectlStatus(views, this.phase, this.conditions.Initialized === 'True', this.terminating) : (this.terminating ? 'Terminating' : 'Pending'),
      conditions: { ...this.conditions },
      containers: this.containers.map((c) => c.frame()),
    };
    if (this.node) frame.node = this.node.name;
    if (this.revision !== undefined) frame.revision = this.revision;
    if (this.terminating) frame.terminating = true;
    if (this.owner) frame.owner = this.owner;
    this.cachedFrame = frame;
    this.frameVersion = this.version;
    return frame;
  }
}
