// The completion indexes of an Indexed Job (indexed_job_utils.go; workloads.md §1): which pod runs which index,
// which indexes succeeded or failed (backoffLimitPerIndex), which run next, and the per-index back-off.
import { jobBackoffRemaining } from './backoff';
import type { PodSim } from './pod';

/** A pod the Job controller has counted, with how it ended and when (getFinishedTime). */
export interface CountedPod {
  outcome: 'succeeded' | 'failed' | 'ignored';
  finishedAt: number;
}

export class JobIndexes {
  private readonly indexOf = new Map<PodSim, number>();

  constructor(private readonly completions: number, private readonly backoffLimitPerIndex: number | undefined) {}

  get perIndexLimit(): boolean {
    return this.backoffLimitPerIndex !== undefined;
  }

  assign(pod: PodSim, index: number): void {
    this.indexOf.set(pod, index);
  }

  /** Each index once, however many of its pods succeeded. */
  succeeded(counted: ReadonlyMap<PodSim, CountedPod>): Set<number> {
    return this.where(counted, (entry) => entry.outcome === 'succeeded');
  }

  /** With backoffLimitPerIndex: the indexes that failed more often than it allows, and are not run again. */
  failed(counted: ReadonlyMap<PodSim, CountedPod>): Set<number> {
    const failed = new Set<number>();
    if (this.backoffLimitPerIndex === undefined) return failed;
    for (const [index, { failures }] of this.failures(counted)) if (failures > this.backoffLimitPerIndex) failed.add(index);
    for (const index of this.succeeded(counted)) failed.delete(index);
    return failed;
  }

  /** firstPendingIndexes: the lowest indexes that neither succeeded, failed, nor have an active pod. */
  pending(count: number, counted: ReadonlyMap<PodSim, CountedPod>, active: readonly PodSim[]): number[] {
    const taken = new Set([...this.succeeded(counted), ...this.failed(counted)]);
    for (const pod of active) if (this.indexOf.has(pod)) taken.add(this.indexOf.get(pod)!);
    const pending: number[] = [];
    for (let index = 0; index < this.completions && pending.length < count; index++) if (!taken.has(index)) pending.push(index);
    return pending;
  }

  /** getRemainingTimePerIndex: 10 s doubling to 600 s from the index's newest failure, by how often it failed. */
  backoffRemaining(index: number, counted: ReadonlyMap<PodSim, CountedPod>, now: number): number {
    const record = this.failures(counted).get(index);
    return record ? Math.max(0, jobBackoffRemaining(record.failures, record.lastFailure, now)) : 0;
  }

  private where(counted: ReadonlyMap<PodSim, CountedPod>, test: (entry: CountedPod) => boolean): Set<number> {
    const indexes = new Set<number>();
    for (const [pod, entry] of counted) if (test(entry) && this.indexOf.has(pod)) indexes.add(this.indexOf.get(pod)!);
    return indexes;
  }

  private failures(counted: ReadonlyMap<PodSim, CountedPod>): Map<number, { failures: number; lastFailure: number }> {
    const byIndex = new Map<number, { failures: number; lastFailure: number }>();
    for (const [pod, entry] of counted) {
      const index = this.indexOf.get(pod);
      if (index === undefined || entry.outcome !== 'failed') continue;
      const record = byIndex.get(index) ?? { failures: 0, lastFailure: -Infinity };
      byIndex.set(index, { failures: record.failures + 1, lastFailure: Math.max(record.lastFailure, entry.finishedAt) });
    }
    return byIndex;
  }
}

/**
 * status.completedIndexes and failedIndexes (orderedIntervals.String): the indexes in order, a run of three or more
 * as `first-last`, two neighbours as `first,last` (`0-2,4,5`).
 */
export function indexIntervals(indexes: Iterable<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let at = 0; at < sorted.length;) {
    let end = at;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    const [first, last] = [sorted[at], sorted[end]];
    runs.push(last === first ? String(first) : `${first}${last === first + 1 ? ',' : '-'}${last}`);
    at = end + 1;
  }
  return runs.join(',');
}
