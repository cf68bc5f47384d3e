// A ReplicaSet: keeps spec.replicas active pods, creating and deleting them
// (least valuable first, like controller.ActivePods ordering).
import { nameSuffix } from './names';
import type { PodSim } from './pod';
import type { ReplicaSetFrame } from './types';
import { createPod, labelsOf, type World } from './world';

const PHASE_RANK: Record<string, number> = { Pending: 0, Running: 2 };

/** Negative when `a` should be deleted before `b`. */
function deleteFirst(a: PodSim, b: PodSim): number {
  if (a.scheduled !== b.scheduled) return a.scheduled ? 1 : -1;
  const phase = (PHASE_RANK[a.phase] ?? 1) - (PHASE_RANK[b.phase] ?? 1);
  if (phase !== 0) return phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readySince !== b.readySince) return (b.readySince ?? 0) - (a.readySince ?? 0);
  const restarts = (p: PodSim): number => p.containers.reduce((n, c) => n + c.restartCount, 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return b.createdAt - a.createdAt;
}

export class ReplicaSetSim {
  readonly pods: PodSim[] = [];
  private created = 0;

  constructor(
    private readonly world: World,
    readonly name: string,
    readonly revision: number,
    readonly template: Record<string, unknown>,
    public replicas: number,
  ) {}

  active(): PodSim[] {
    return this.pods.filter((pod) => pod.active);
  }

  isAvailable(pod: PodSim, now: number, minReadySeconds: number): boolean {
    return pod.active && pod.ready && pod.readySince !== undefined && now - pod.readySince >= minReadySeconds;
  }

  available(now: number, minReadySeconds: number): number {
    return this.pods.filter((pod) => this.isAvailable(pod, now, minReadySeconds)).length;
  }

  sync(now: number): boolean {
    const active = this.active();
    let changed = false;
    for (let n = active.length; n < this.replicas; n++) {
      const name = `${this.name}-${nameSuffix(`${this.name}/${this.created++}`)}`;
      const pod = createPod(this.world, name, this.template.spec, now, this.revision, labelsOf(this.template.metadata));
      if (!pod) break;
      this.pods.push(pod);
      this.world.events.add(now, 'Normal', 'SuccessfulCreate', `replicaset/${this.name}`, `Created pod: ${name}`, 'replicaset-controller');
      changed = true;
    }
    if (active.length > this.replicas) {
      const victims = [...active].sort(deleteFirst).slice(0, active.length - this.replicas);
      for (const pod of victims) {
        pod.markDeleted(now, pod.spec.terminationGracePeriodSeconds);
        this.world.events.add(now, 'Normal', 'SuccessfulDelete', `replicaset/${this.name}`, `Deleted pod: ${pod.name}`, 'replicaset-controller');
      }
      changed = true;
    }
    this.pods.splice(0, this.pods.length, ...this.pods.filter((pod) => !pod.gone));
    return changed;
  }

  /** When a ready pod becomes available (minReadySeconds after Ready). */
  nextWake(now: number, minReadySeconds: number): number {
    let next = Infinity;
    if (minReadySeconds <= 0) return next;
    for (const pod of this.pods) {
      if (!pod.active || !pod.ready || pod.readySince === undefined) continue;
      const at = pod.readySince + minReadySeconds;
      if (at > now && at < next) next = at;
    }
    return next;
  }

  frame(now: number, minReadySeconds: number): ReplicaSetFrame {
    const active = this.active();
    return {
      revision: this.revision,
      name: this.name,
      desired: this.replicas,
      current: active.length,
      ready: active.filter((pod) => pod.ready).length,
      available: this.available(now, minReadySeconds),
    };
  }
}
