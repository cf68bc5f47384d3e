// The Deployment controller: ReplicaSets per template revision, RollingUpdate
// (pkg/controller/deployment/rolling.go) and Recreate (recreate.go).
import { DEFAULT_PROGRESS_DEADLINE_SECONDS, DEFAULT_REPLICAS, DEFAULT_REVISION_HISTORY_LIMIT } from '../k8s/defaults';
import { isObject, numberAt, objectAt, stringAt, type Json } from './json';
import { podTemplateHash } from './names';
import type { PodSim } from './pod';
import { ReplicaSetSim } from './replicaset';
import { DeploymentStatus, type DeploymentCounts } from './deploymentStatus';
import { resolveFenceposts, type Fenceposts } from '../k8s/rollout';
import type { DeploymentFrame, ReplicaSetFrame } from './types';
import { TERMINATING_REPLICAS_SINCE, type Controller, type World } from './world';

/** The template of the next revision: a new image for the first app container, or a restart annotation. */
function nextTemplate(template: Json, image: string | undefined, at: number): Json {
  const copy = JSON.parse(JSON.stringify(template)) as Json;
  const spec = objectAt(copy, 'spec');
  const first = Array.isArray(spec?.containers) ? spec.containers.find(isObject) : undefined;
  if (image && first) {
    first.image = image;
    return copy;
  }
  const metadata = isObject(copy.metadata) ? copy.metadata : (copy.metadata = {});
  const annotations = isObject(metadata.annotations) ? metadata.annotations : (metadata.annotations = {});
  annotations['kubectl.kubernetes.io/restartedAt'] = `podlab-t${at}`;
  return copy;
}

export class DeploymentController implements Controller {
  private readonly replicaSets: ReplicaSetSim[] = [];
  private template: Json;
  private revision = 1;
  private rolledOut = false;
  private readonly replicas: number;
  private readonly recreate: boolean;
  private readonly fenceposts: Fenceposts;
  private readonly minReadySeconds: number;
  private readonly ref: string;
  private readonly status: DeploymentStatus;
  private readonly revisionHistoryLimit: number;
  /** spec.paused: the controller only scales what exists; it creates no ReplicaSet for a new template (sync.go#sync). */
  private readonly paused: boolean;

  constructor(private readonly world: World, private readonly name: string, resource: Json) {
    const spec = objectAt(resource, 'spec') ?? {};
    this.template = objectAt(spec, 'template') ?? {};
    this.replicas = Math.floor(numberAt(spec, 'replicas') ?? DEFAULT_REPLICAS);
    const strategy = objectAt(spec, 'strategy');
    this.recreate = stringAt(strategy, 'type') === 'Recreate';
    const rolling = objectAt(strategy, 'rollingUpdate');
    // A value the API server rejects never gets here (admission.ts); the defaults stand in for type safety only.
    this.fenceposts = resolveFenceposts(this.replicas, rolling?.maxSurge, rolling?.maxUnavailable) ?? resolveFenceposts(this.replicas, undefined, undefined)!;
    this.minReadySeconds = numberAt(spec, 'minReadySeconds') ?? 0;
    this.ref = `deployment/${name}`;
    this.status = new DeploymentStatus(name, Math.floor(numberAt(spec, 'progressDeadlineSeconds') ?? DEFAULT_PROGRESS_DEADLINE_SECONDS));
    this.revisionHistoryLimit = Math.floor(numberAt(spec, 'revisionHistoryLimit') ?? DEFAULT_REVISION_HISTORY_LIMIT);
    this.paused = spec.paused === true;
  }

  private scaled(rs: ReplicaSetSim, to: number, now: number): void {
    const from = rs.replicas;
    if (from === to) return;
    rs.replicas = to;
    const verb = to > from ? 'up' : 'down';
    this.world.events.add(now, 'Normal', 'ScalingReplicaSet', this.ref, `Scaled ${verb} replica set ${rs.name} to ${to} from ${from}`, 'deployment-controller');
  }

  private newReplicaSet(): ReplicaSetSim | undefined {
    return this.replicaSets.find((rs) => rs.revision === this.revision);
  }

  private createReplicaSet(replicas: number, now: number): ReplicaSetSim {
    const hash = podTemplateHash(this.template);
    const rs = new ReplicaSetSim(this.world, `${this.name}-${hash}`, this.revision, this.template, replicas);
    this.replicaSets.push(rs);
    this.status.newReplicaSetCreated(rs.name, now);
    if (replicas > 0) {
      this.world.events.add(now, 'Normal', 'ScalingReplicaSet', this.ref, `Scaled up replica set ${rs.name} from 0 to ${replicas}`, 'deployment-controller');
    }
    return rs;
  }

  private oldReplicaSets(): ReplicaSetSim[] {
    return this.replicaSets.filter((rs) => rs.revision !== this.revision);
  }

  private total(): number {
    return this.replicaSets.reduce((n, rs) => n + rs.replicas, 0);
  }

  private syncRolling(now: number): boolean {
    const { surge: maxSurge, unavailable: maxUnavailable } = this.fenceposts;
    let newRS = this.newReplicaSet();
    if (!newRS) {
      const room = this.replicas + maxSurge - this.total();
      newRS = this.createReplicaSet(Math.max(0, Math.min(room, this.replicas)), now);
    }
    // reconcileNewReplicaSet
    if (newRS.replicas > this.replicas) {
      this.scaled(newRS, this.replicas, now);
      return true;
    }
    if (newRS.replicas < this.replicas) {
      const room = this.replicas + maxSurge - this.total();
      const up = Math.min(room, this.replicas - newRS.replicas);
      if (up > 0) {
        this.scaled(newRS, newRS.replicas + up, now);
        return true;
      }
    }
    // reconcileOldReplicaSets
    const olds = this.oldReplicaSets().filter((rs) => rs.replicas > 0);
    if (olds.length === 0) return false;
    const minAvailable = this.replicas - maxUnavailable;
    const newUnavailable = newRS.replicas - newRS.available(now, this.minReadySeconds);
    const maxScaledDown = this.total() - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    let cleaned = 0;
    for (const rs of olds) {
      if (cleaned >= maxScaledDown) break;
      const unavailable = rs.replicas - rs.available(now, this.minReadySeconds);
      if (unavailable <= 0) continue;
      const down = Math.min(maxScaledDown - cleaned, unavailable);
      this.scaled(rs, rs.replicas - down, now);
      cleaned += down;
    }
    const availableAll = this.replicaSets.reduce((n, rs) => n + rs.available(now, this.minReadySeconds), 0);
    let scaledDown = 0;
    if (availableAll > minAvailable) {
      const target = availableAll - minAvailable;
      for (const rs of olds) {
        if (scaledDown >= target) break;
        if (rs.replicas === 0) continue;
        const down = Math.min(rs.replicas, target - scaledDown);
        this.scaled(rs, rs.replicas - down, now);
        scaledDown += down;
      }
    }
    return cleaned + scaledDown > 0;
  }

  private syncRecreate(now: number): boolean {
    let changed = false;
    for (const rs of this.oldReplicaSets()) {
      if (rs.replicas > 0) {
        this.scaled(rs, 0, now);
        changed = true;
      }
    }
    if (changed) return true;
    const oldRunning = this.oldReplicaSets().some((rs) => rs.pods.some((pod) => !pod.gone && !pod.terminal));
    if (oldRunning) return false;
    const newRS = this.newReplicaSet();
    if (!newRS) {
      this.createReplicaSet(this.replicas, now);
      return true;
    }
    if (newRS.replicas !== this.replicas) {
      this.scaled(newRS, this.replicas, now);
      return true;
    }
    return false;
  }

  sync(now: number): boolean {
    let changed = false;
    const rolloutAt = this.world.scenario.rolloutAt;
    if (!this.rolledOut && rolloutAt !== undefined && now >= rolloutAt && rolloutAt > 0) {
      this.rolledOut = true;
      const next = nextTemplate(this.template, this.world.scenario.rolloutImage, rolloutAt);
      if (podTemplateHash(next) !== podTemplateHash(this.template)) {
        this.template = next;
        this.revision++;
        changed = true;
      }
    }
    if (this.paused) this.status.paused(now);
    else if (this.recreate ? this.syncRecreate(now) : this.syncRolling(now)) changed = true;
    for (const rs of this.replicaSets) if (rs.sync(now)) changed = true;
    const counts = this.counts(now);
    this.status.update(counts, this.newReplicaSet()?.name, now, this.paused);
    if (this.complete(counts) && this.cleanup()) changed = true;
    return changed;
  }

  private counts(now: number): DeploymentCounts {
    let current = 0;
    let ready = 0;
    let available = 0;
    let desiredTotal = 0;
    for (const rs of this.replicaSets) {
      const active = rs.active();
      current += active.length;
      ready += active.filter((pod) => pod.ready).length;
      available += rs.available(now, this.minReadySeconds);
      desiredTotal += rs.replicas;
    }
    const updated = this.newReplicaSet()?.active().length ?? 0;
    const maxUnavailable = this.recreate ? 0 : this.fenceposts.unavailable;
    const counts: DeploymentCounts = { replicas: this.replicas, current, updated, ready, available, desiredTotal, maxUnavailable };
    if (this.world.minorVersion >= TERMINATING_REPLICAS_SINCE) {
      counts.terminating = this.replicaSets.reduce((n, rs) => n + rs.pods.filter((pod) => !pod.gone && pod.terminating && !pod.terminal).length, 0);
    }
    return counts;
  }

  private complete(counts: DeploymentCounts): boolean {
    return counts.updated === counts.replicas && counts.current === counts.replicas && counts.available === counts.replicas;
  }

  /** cleanupDeployment: old ReplicaSets scaled to 0 with no pods left, beyond revisionHistoryLimit, oldest first (no event). */
  private cleanup(): boolean {
    const idle = this.oldReplicaSets().filter((rs) => rs.replicas === 0 && rs.active().length === 0);
    const excess = idle.length - this.revisionHistoryLimit;
    if (excess <= 0) return false;
    const doomed = new Set(idle.slice(0, excess));
    this.replicaSets.splice(0, this.replicaSets.length, ...this.replicaSets.filter((rs) => !doomed.has(rs)));
    return true;
  }

  nextWake(now: number): number {
    let next = Infinity;
    const rolloutAt = this.world.scenario.rolloutAt;
    if (!this.rolledOut && rolloutAt !== undefined && rolloutAt > now) next = rolloutAt;
    for (const rs of this.replicaSets) next = Math.min(next, rs.nextWake(now, this.minReadySeconds));
    return Math.min(next, this.status.nextWake(now));
  }

  livePods(): PodSim[] {
    return this.replicaSets.flatMap((rs) => rs.pods.filter((pod) => !pod.gone));
  }

  replicaSetFrames(now: number): ReplicaSetFrame[] {
    return this.replicaSets.map((rs) => rs.frame(now, this.minReadySeconds));
  }

  deploymentFrame(): DeploymentFrame | undefined {
    return this.status.frame();
  }
}
