// The Deployment's status as the controller writes it (sync.go#calculateStatus, progress.go#syncRolloutStatus,
// workloads.md §4) and the line `kubectl rollout status` prints for it (rollout_status.go).
import type { DeploymentCondition, DeploymentFrame } from './types';

/** progressDeadlineSeconds at MaxInt32 means "no deadline": the Progressing condition is removed. */
export const NO_PROGRESS_DEADLINE = 2147483647;

export interface DeploymentCounts {
  /** spec.replicas */
  replicas: number;
  /** status.replicas: non-terminating pods of every ReplicaSet. */
  current: number;
  updated: number;
  ready: number;
  available: number;
  /** Sum of the ReplicaSets' spec.replicas (unavailableReplicas = this − available). */
  desiredTotal: number;
  maxUnavailable: number;
  /** Pods being deleted; undefined before Kubernetes 1.35. */
  terminating?: number;
}

type Condition = DeploymentCondition;

export class DeploymentStatus {
  private conditions: Condition[] = [];
  private last?: DeploymentCounts;

  constructor(private readonly name: string, private readonly progressDeadlineSeconds: number) {}

  private get hasDeadline(): boolean {
    return this.progressDeadlineSeconds !== NO_PROGRESS_DEADLINE;
  }

  private find(type: Condition['type']): Condition | undefined {
    return this.conditions.find((c) => c.type === type);
  }

  /** SetDeploymentCondition: same status and reason is a no-op; same status keeps lastTransitionTime; the condition moves last. */
  private set(condition: Condition): void {
    const current = this.find(condition.type);
    if (current && current.status === condition.status && current.reason === condition.reason) return;
    if (current && current.status === condition.status) condition.at = current.at;
    this.conditions = [...this.conditions.filter((c) => c.type !== condition.type), condition];
  }

  /** getNewReplicaSet created the ReplicaSet of the current template. */
  newReplicaSetCreated(rs: string, now: number): void {
    if (!this.hasDeadline) return;
    this.set({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rs}"`, at: now, updatedAt: now });
  }

  private progressed(counts: DeploymentCounts): boolean {
    const last = this.last;
    if (!last) return false;
    return counts.updated > last.updated || last.current - last.updated > counts.current - counts.updated
      || counts.ready > last.ready || counts.available > last.available;
  }

  private timedOut(now: number): boolean {
    const progressing = this.find('Progressing');
    if (!progressing || progressing.reason === 'NewReplicaSetAvailable') return false;
    if (progressing.reason === 'ProgressDeadlineExceeded') return true;
    return progressing.updatedAt + this.progressDeadlineSeconds < now;
  }

  /** checkPausedConditions: a paused Deployment's Progressing is Unknown, and no deadline runs while it is. */
  paused(now: number): void {
    if (!this.hasDeadline || this.find('Progressing')?.reason === 'ProgressDeadlineExceeded') return;
    this.set({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', at: now, updatedAt: now });
  }

  /**
   * syncRolloutStatus with calculateStatus: Available, then Progressing (complete, progressing, timed out). A paused
   * Deployment is synced by `sync`, whose calculateStatus leaves Progressing alone.
   */
  update(counts: DeploymentCounts, newRS: string | undefined, now: number, paused = false): void {
    const minAvailable = counts.replicas - Math.min(counts.maxUnavailable, counts.replicas);
    if (counts.available >= minAvailable) {
      this.set({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', at: now, updatedAt: now });
    } else {
      this.set({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', at: now, updatedAt: now });
    }
    if (this.hasDeadline && !paused) this.updateProgressing(counts, newRS, now);
    this.last = counts;
  }

  private updateProgressing(counts: DeploymentCounts, newRS: string | undefined, now: number): void {
    const subject = newRS ? `ReplicaSet "${newRS}"` : `Deployment "${this.name}"`;
    const complete = counts.updated === counts.replicas && counts.current === counts.replicas && counts.available === counts.replicas;
    if (complete) {
      this.set({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `${subject} has successfully progressed.`, at: now, updatedAt: now });
    } else if (this.progressed(counts)) {
      const current = this.find('Progressing');
      const at = current?.status === 'True' ? current.at : now;
      this.conditions = [...this.conditions.filter((c) => c.type !== 'Progressing'),
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `${subject} is progressing.`, at, updatedAt: now }];
    } else if (this.timedOut(now)) {
      this.set({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `${subject} has timed out progressing.`, at: now, updatedAt: now });
    }
  }

  /** When the controller looks again on its own: requeueStuckDeployment, one second after the deadline passes. */
  nextWake(now: number): number {
    const progressing = this.find('Progressing');
    if (!this.hasDeadline || !progressing || ['NewReplicaSetAvailable', 'ProgressDeadlineExceeded', 'DeploymentPaused'].includes(progressing.reason)) return Infinity;
    const due = progressing.updatedAt + this.progressDeadlineSeconds + 1;
    return due > now ? due : Infinity;
  }

  /** DeploymentStatusViewer.Status: the first case that holds (the spec is always observed at once here). */
  rolloutStatus(counts: DeploymentCounts): string {
    const name = this.name;
    if (this.find('Progressing')?.reason === 'ProgressDeadlineExceeded') return `error: deployment "${name}" exceeded its progress deadline`;
    const wait = `Waiting for deployment "${name}" rollout to finish:`;
    if (counts.updated < counts.replicas) return `${wait} ${counts.updated} out of ${counts.replicas} new replicas have been updated...`;
    if (counts.current > counts.updated) return `${wait} ${counts.current - counts.updated} old replicas are pending termination...`;
    if (counts.available < counts.updated) return `${wait} ${counts.available} of ${counts.updated} updated replicas are available...`;
    return `deployment "${name}" successfully rolled out`;
  }

  /** The status last written; undefined before the first sync. */
  frame(): DeploymentFrame | undefined {
    const counts = this.last;
    if (!counts) return undefined;
    return {
      name: this.name,
      replicas: counts.replicas,
      current: counts.current,
      updated: counts.updated,
      ready: counts.ready,
      available: counts.available,
      unavailable: Math.max(0, counts.desiredTotal - counts.available),
      ...(counts.terminating !== undefined ? { terminating: counts.terminating } : {}),
      conditions: this.conditions.map((c) => ({ ...c })),
      rolloutStatus: this.rolloutStatus(counts),
    };
  }
}
