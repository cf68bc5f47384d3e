// The discrete-event loop: jump to the next instant anything is due, let the kubelets,
// the scheduler and the controllers react until nothing more changes, record a frame.
import { MAX_INSTANTS } from './defaults';
import type { Json } from './json';
import type { PodSim } from './pod';
import { claimProblem, schedule } from './scheduler';
import type { ServiceEndpoints } from './service';
import type { Frame, PodFrame, ReplicaSetFrame } from './types';
import type { Controller, World } from './world';

const MAX_SETTLE_ROUNDS = 200;

export interface RunOptions {
  horizon: number;
  untilQuiet: boolean;
  claims: Json[];
  endpoints?: ServiceEndpoints;
}

export interface RunResult {
  frames: Frame[];
  horizon: number;
}

function sameReplicaSets(a: ReplicaSetFrame[] | undefined, b: ReplicaSetFrame[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((rs, i) => {
    const other = b[i];
    return rs.name === other.name && rs.desired === other.desired && rs.current === other.current
      && rs.ready === other.ready && rs.available === other.available;
  });
}

function samePods(a: PodFrame[], b: PodFrame[]): boolean {
  return a.length === b.length && a.every((pod, i) => pod === b[i]);
}

function sameItems<T>(a: T[] | undefined, b: T[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Controller status beyond pods and ReplicaSets (Jobs, Services, the Deployment); Job and Service frames are kept while unchanged. */
function sameStatus(a: Frame, b: Frame): boolean {
  return sameItems(a.jobs, b.jobs) && sameItems(a.services, b.services)
    && JSON.stringify([a.deployment, a.cronJob]) === JSON.stringify([b.deployment, b.cronJob]);
}

export class Engine {
  private deleted = false;
  private nodeLost = false;

  /** The pods still in the API (and those that left at this instant), in creation order; world.pods keeps every pod made. */
  private live: PodSim[] = [];
  private seen = 0;

  constructor(private readonly world: World, private readonly controller: Controller, private readonly options: RunOptions) {}

  private livePods(): PodSim[] {
    const all = this.world.pods;
    for (; this.seen < all.length; this.seen++) this.live.push(all[this.seen]);
    return this.live;
  }

  private trySchedule(pod: PodSim, now: number): boolean {
    if (pod.scheduled || pod.gone) return false;
    const unbound = this.world.scenario.unboundClaims ?? [];
    const issue = claimProblem(pod.spec.claimNames, pod.namespace, this.options.claims, unbound);
    const outcome = schedule(this.world.cluster, pod.spec.requests, issue, now, pod.pinnedNode);
    if ('node' in outcome) {
      pod.bindTo(outcome.node, now);
      return true;
    }
    pod.failScheduling(outcome.failure, now);
    return false;
  }

  private scenarioTriggers(now: number): boolean {
    const { deleteAt, nodeLostAt, deleteGracePeriodSeconds } = this.world.scenario;
    let changed = false;
    if (!this.nodeLost && nodeLostAt !== undefined && now >= nodeLostAt) {
      const first = this.world.pods.find((pod) => pod.node);
      if (first?.node) {
        first.node.lostAt = nodeLostAt;
        this.nodeLost = true;
        changed = true;
      }
    }
    if (!this.deleted && deleteAt !== undefined && now >= deleteAt) {
      this.deleted = true;
      for (const pod of this.controller.livePods()) {
        pod.markDeleted(now, deleteGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds);
      }
      changed = true;
    }
    return changed;
  }

  private settle(now: number): void {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      let changed = this.scenarioTriggers(now);
      if (this.controller.sync(now)) changed = true;
      for (const pod of this.livePods()) {
        if (pod.gone) continue;
        if (this.trySchedule(pod, now)) changed = true;
        if (pod.step(now)) changed = true;
      }
      if (!changed) return;
    }
  }

  private nextInstant(now: number): number {
    let next = Math.min(this.controller.nextWake(now), this.options.endpoints?.nextWake(now) ?? Infinity);
    const { deleteAt, nodeLostAt } = this.world.scenario;
    if (!this.deleted && deleteAt !== undefined && deleteAt > now) next = Math.min(next, deleteAt);
    if (!this.nodeLost && nodeLostAt !== undefined && nodeLostAt > now) next = Math.min(next, nodeLostAt);
    for (const pod of this.livePods()) if (!pod.gone) next = Math.min(next, pod.nextWake(now));
    return next;
  }

  /** The frame at `now`; `leaving`: with the pods that left the API at this instant, in their last state. */
  private snapshot(now: number, leaving = false): Frame {
    const pods = this.livePods();
    const left = leaving ? pods.filter((pod) => pod.goneAt === now) : [];
    const replaced = new Set(left.map((pod) => pod.name));
    // A replacement of the same name (a StatefulSet's) is shown from the next frame on.
    const shown = [...pods.filter((pod) => !pod.gone && !replaced.has(pod.name)), ...left];
    const frame: Frame = { at: now, pods: shown.map((pod) => pod.frame()) };
    const replicaSets = this.controller.replicaSetFrames?.(now);
    if (replicaSets) frame.replicaSets = replicaSets;
    const jobs = this.controller.jobFrames?.();
    if (jobs) frame.jobs = jobs;
    const endpoints = this.options.endpoints;
    if (endpoints && !endpoints.empty) frame.services = endpoints.frames(pods, now);
    const deployment = this.controller.deploymentFrame?.();
    if (deployment) frame.deployment = deployment;
    const cronJob = this.controller.cronJobFrame?.(now);
    if (cronJob) frame.cronJob = cronJob;
    return frame;
  }

  run(): RunResult {
    const frames: Frame[] = [];
    let now = 0;
    let last: Frame | undefined;
    for (let instant = 0; ; instant++) {
      this.live = this.livePods().filter((pod) => !pod.gone);
      this.settle(now);
      if (this.livePods().some((pod) => pod.goneAt === now)) {
        const lastState = this.snapshot(now, true);
        if (!last || !samePods(last.pods, lastState.pods)) {
          frames.push(lastState);
          last = lastState;
        }
      }
      const frame = this.snapshot(now);
      if (!last || !samePods(last.pods, frame.pods) || !sameReplicaSets(last.replicaSets, frame.replicaSets) || !sameStatus(last, frame)) {
        frames.push(frame);
        last = frame;
      }
      const next = this.nextInstant(now);
      if (next > this.options.horizon || next === Infinity) {
        const horizon = this.options.untilQuiet && next === Infinity ? now : this.options.horizon;
        return { frames, horizon };
      }
      if (instant >= MAX_INSTANTS) {
        this.world.events.add(now, 'Warning', 'SimulationTruncated', 'simulation', `Stopped after ${MAX_INSTANTS} instants.`, 'podlab');
        return { frames, horizon: now };
      }
      now = next;
    }
  }
}
