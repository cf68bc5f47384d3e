// The Job controller (pkg/controller/job/job_controller.go; workloads.md §1): pods for
// completions and parallelism, failures counted against backoffLimit with the pod-failure
// back-off, activeDeadlineSeconds, podFailurePolicy, the two-step end conditions, TTL.
import { jobBackoffRemaining } from './backoff';
import { JOB_SYNC_BATCH_SECONDS } from './defaults';
import type { PodFailureRule, JobSpecModel } from './jobSpec';
import { indexIntervals, JobIndexes, type CountedPod } from './jobIndexes';
import { nameSuffix } from './names';
import type { PodSim } from './pod';
import type { JobCondition, JobFrame } from './types';
import { createPod, type Controller, type World } from './world';

type Outcome = CountedPod['outcome'];

interface Finish {
  type: 'FailureTarget' | 'SuccessCriteriaMet';
  reason: string;
  message: string;
}

const FINAL: Record<Finish['type'], 'Failed' | 'Complete'> = { FailureTarget: 'Failed', SuccessCriteriaMet: 'Complete' };

/** When the pod finished, as getFinishedTime reads it: the last container exit, else the deletion, else creation. */
function finishedTime(pod: PodSim): number {
  let latest: number | undefined;
  for (const c of pod.containers) if (c.finishedAt !== undefined && (latest === undefined || c.finishedAt > latest)) latest = c.finishedAt;
  return latest ?? pod.deletedAt ?? pod.createdAt;
}

function exitCodeMatch(pod: PodSim, rule: PodFailureRule): { container: string; exitCode: number } | undefined {
  const req = rule.onExitCodes;
  if (!req) return undefined;
  const ordered = [...pod.containers.filter((c) => c.spec.role === 'app'), ...pod.containers.filter((c) => c.spec.role !== 'app')];
  for (const c of ordered) {
    if (c.state !== 'terminated' || c.exitCode === undefined || c.exitCode === 0) continue;
    if (req.containerName !== undefined && req.containerName !== c.spec.name) continue;
    if (req.values.includes(c.exitCode) === (req.operator === 'In')) return { container: c.spec.name, exitCode: c.exitCode };
  }
  return undefined;
}

/** matchPodFailurePolicy: the first rule that matches the failed pod, with its index and the matching container. */
function matchPolicy(pod: PodSim, rules: PodFailureRule[]): { rule: PodFailureRule; index: number; container?: string; exitCode?: number } | undefined {
  for (const [index, rule] of rules.entries()) {
    const match = exitCodeMatch(pod, rule);
    if (match) return { rule, index, ...match };
    if (rule.onPodConditions?.some((want) => (pod.conditions as Record<string, string | undefined>)[want.type] === want.status)) return { rule, index };
  }
  return undefined;
}

export class JobController implements Controller {
  readonly pods: PodSim[] = [];
  /** Indexed Jobs: the completion index each pod runs. */
  private readonly indexes?: JobIndexes;
  private readonly counted = new Map<PodSim, CountedPod>();
  private readonly conditions: JobCondition[] = [];
  private finish?: Finish;
  private startTime?: number;
  private finishedAt?: number;
  private created = 0;
  private signature = '';
  private syncAt?: number;
  private backoffUntil?: number;
  private failJob?: Finish;
  private status = { active: 0, ready: 0, succeeded: 0, failed: 0, terminating: 0 };
  private frameCache?: JobFrame;
  /** spec.suspend, seen by a sync: the Suspended condition is written and no pod is created. */
  private suspended = false;
  /** The ttl-after-finished controller deleted the Job (foreground: its pods first). */
  private deleting = false;
  gone = false;
  private readonly ref: string;

  constructor(
    private readonly world: World,
    readonly name: string,
    private readonly spec: JobSpecModel,
    private readonly createdAt = 0,
  ) {
    this.ref = `job/${name}`;
    if (spec.indexed) this.indexes = new JobIndexes(spec.completions ?? 0, spec.backoffLimitPerIndex);
  }

  get finished(): 'Complete' | 'Failed' | undefined {
    const final = this.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
    return final?.type as 'Complete' | 'Failed' | undefined;
  }

  get finishTime(): number | undefined {
    return this.finishedAt;
  }

  get active(): boolean {
    return !this.gone && this.finished === undefined;
  }

  private emit(now: number, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.world.events.add(now, type, reason, this.ref, message, 'job-controller');
  }

  private podSignature(): string {
    return this.pods.map((p) => `${p.phase}${p.ready ? 'R' : ''}${p.terminating ? 'T' : ''}${p.gone ? 'G' : ''}`
      + p.containers.reduce((n, c) => n + c.restartCount, 0)).join(',');
  }

  /** Foreground deletion of the Job (ttlSecondsAfterFinished, or a CronJob's clean-up): pods first, then the Job. */
  delete(now: number): void {
    if (this.deleting) return;
    this.deleting = true;
    for (const pod of this.pods) pod.markDeleted(now, pod.spec.terminationGracePeriodSeconds);
  }

  /** Background deletion (a CronJob's clean-up or Replace): the Job leaves at once, the garbage collector deletes its pods. */
  deleteInBackground(now: number): void {
    if (this.gone) return;
    this.gone = true;
    for (const pod of this.pods) pod.markDeleted(now, pod.spec.terminationGracePeriodSeconds);
  }

  /** Pods are counted once they are terminal, or (TerminatingOrFailed) as soon as they are deleted. */
  private countPods(): void {
    const rules = this.spec.podFailurePolicy;
    for (const pod of this.pods) {
      if (this.counted.has(pod)) continue;
      let outcome: Outcome | undefined;
      if (pod.phase === 'Succeeded') outcome = 'succeeded';
      else if (pod.phase === 'Failed') {
        const match = rules ? matchPolicy(pod, rules) : undefined;
        if (match?.rule.action === 'Ignore') outcome = 'ignored';
        else {
          outcome = 'failed';
          if (match?.rule.action === 'FailJob' && !this.failJob) {
            this.failJob = {
              type: 'FailureTarget', reason: 'PodFailurePolicy',
              message: `Container ${match.container} for pod ${pod.namespace}/${pod.name} failed with exit code ${match.exitCode} matching FailJob rule at index ${match.index}`,
            };
          }
        }
      } else if ((pod.terminating || pod.gone) && this.spec.replaceTerminating) outcome = 'failed';
      if (outcome) this.counted.set(pod, { outcome, finishedAt: finishedTime(pod) });
    }
  }

  private tally(outcome: Outcome): number {
    if (outcome === 'succeeded' && this.indexes) return this.indexes.succeeded(this.counted).size;
    let n = 0;
    for (const entry of this.counted.values()) if (entry.outcome === outcome) n++;
    return n;
  }

  private activePods(): PodSim[] {
    return this.pods.filter((pod) => pod.active);
  }

  private terminatingPods(): PodSim[] {
    return this.pods.filter((pod) => !pod.gone && pod.terminating && !pod.terminal);
  }

  /** pastBackoffLimitOnFailure: container restarts of Running and Pending pods, `>=` the limit (`> 0` for a limit of 0). */
  private restartsExceedLimit(): boolean {
    if (this.spec.restartPolicy !== 'OnFailure') return false;
    let restarts = 0;
    for (const pod of this.pods) {
      if (pod.gone || (pod.phase !== 'Running' && pod.phase !== 'Pending')) continue;
      for (const c of pod.containers) restarts += c.restartCount;
    }
    return this.spec.backoffLimit === 0 ? restarts > 0 : restarts >= this.spec.backoffLimit;
  }

  /** Remaining pod-failure back-off (10 s doubling to 600 s, counted from the newest failure since the last success). */
  private backoffRemaining(now: number): number {
    let lastSuccess = -Infinity;
    for (const entry of this.counted.values()) if (entry.outcome === 'succeeded') lastSuccess = Math.max(lastSuccess, entry.finishedAt);
    let failures = 0;
    let lastFailure = -Infinity;
    for (const entry of this.counted.values()) {
      if (entry.outcome !== 'failed' || entry.finishedAt <= lastSuccess) continue;
      failures++;
      lastFailure = Math.max(lastFailure, entry.finishedAt);
    }
    return jobBackoffRemaining(failures, lastFailure, now);
  }

  private deletePod(pod: PodSim, now: number): void {
    pod.markDeleted(now, pod.spec.terminationGracePeriodSeconds);
    this.emit(now, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.name}`);
  }

  /**
   * The indexes to run now: the lowest pending ones; with backoffLimitPerIndex, those past their own back-off, else
   * none until the soonest is (getPodCreationInfoForIndependentIndexes).
   */
  private indexesToRun(count: number, now: number): number[] {
    const pending = this.indexes!.pending(count, this.counted, this.activePods());
    if (!this.indexes!.perIndexLimit) return pending;
    const waits = pending.map((index) => this.indexes!.backoffRemaining(index, this.counted, now));
    const ready = pending.filter((_, at) => waits[at] === 0);
    if (ready.length === 0 && waits.length > 0) this.backoffUntil = now + Math.max(Math.min(...waits), JOB_SYNC_BATCH_SECONDS);
    return ready;
  }

  private createPods(count: number, now: number): void {
    const indexes: (number | undefined)[] = this.indexes ? this.indexesToRun(count, now) : new Array<undefined>(count).fill(undefined);
    for (const index of indexes) {
      // generateName: `<job>-`, or `<job>-<index>-` for an Indexed Job, which also labels the pod with its index.
      const prefix = index === undefined ? this.name : `${this.name}-${index}`;
      const name = `${prefix}-${nameSuffix(`${this.name}/${this.created++}`)}`;
      const labels: Record<string, string> = { ...this.spec.podLabels, 'batch.kubernetes.io/job-name': this.name, 'job-name': this.name };
      if (index !== undefined) labels['batch.kubernetes.io/job-completion-index'] = String(index);
      const pod = createPod(this.world, name, this.spec.podSpec, now, undefined, labels);
      if (!pod) return;
      this.pods.push(pod);
      if (index !== undefined) this.indexes?.assign(pod, index);
      this.emit(now, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
    }
  }

  /** manageJob: how many pods should run, and creating (after the back-off) or deleting to get there. */
  private manage(now: number): void {
    const active = this.activePods();
    const succeeded = this.tally('succeeded');
    const { completions, parallelism } = this.spec;
    const want = completions === undefined
      ? (succeeded > 0 ? active.length : parallelism)
      : Math.max(0, Math.min(completions - succeeded, parallelism));
    if (active.length > want) {
      const surplus = [...active].sort((a, b) => Number(a.ready) - Number(b.ready) || Number(a.scheduled) - Number(b.scheduled) || b.createdAt - a.createdAt);
      for (const pod of surplus.slice(0, active.length - want)) this.deletePod(pod, now);
      return;
    }
    const holding = this.spec.replaceTerminating ? 0 : this.terminatingPods().length;
    const missing = want - active.length - holding;
    if (missing <= 0) return;
    // With backoffLimitPerIndex each index waits out its own back-off instead.
    const remaining = this.indexes?.perIndexLimit ? 0 : this.backoffRemaining(now);
    if (remaining > 0) {
      this.backoffUntil = now + Math.max(remaining, JOB_SYNC_BATCH_SECONDS);
      return;
    }
    this.backoffUntil = undefined;
    this.createPods(missing, now);
  }

  private addCondition(type: JobCondition['type'], reason: string, message: string, now: number): void {
    this.conditions.push({ type, status: 'True', reason, message, at: now });
  }

  private decideFinish(now: number): Finish | undefined {
    if (this.failJob) return this.failJob;
    const failed = this.tally('failed');
    if (failed > this.spec.backoffLimit || this.restartsExceedLimit()) {
      return { type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    }
    const ads = this.spec.activeDeadlineSeconds;
    if (ads !== undefined && this.startTime !== undefined && now - this.startTime >= ads) {
      return { type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }
    return this.failedIndexesFinish();
  }

  /** With backoffLimitPerIndex: more failed indexes than maxFailedIndexes, or every index done and some failed. */
  private failedIndexesFinish(): Finish | undefined {
    if (!this.indexes?.perIndexLimit) return undefined;
    const failed = this.indexes.failed(this.counted).size;
    const max = this.spec.maxFailedIndexes;
    if (max !== undefined && failed > max) {
      return { type: 'FailureTarget', reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
    }
    if (failed > 0 && failed + this.indexes.succeeded(this.counted).size >= (this.spec.completions ?? 0)) {
      return { type: 'FailureTarget', reason: 'FailedIndexes', message: 'Job has failed indexes' };
    }
    return undefined;
  }

  private completed(): boolean {
    const succeeded = this.tally('succeeded');
    const active = this.activePods().length;
    return this.spec.completions === undefined ? succeeded > 0 && active === 0 : succeeded >= this.spec.completions && active === 0;
  }

  /** syncJob on a suspended Job: no startTime, no pod, the Suspended condition and its event once. */
  private suspend(now: number): void {
    if (this.suspended) return;
    this.suspended = true;
    this.addCondition('Suspended', 'JobSuspended', 'Job suspended', now);
    this.emit(now, 'Normal', 'Suspended', 'Job suspended');
    this.frameCache = undefined;
  }

  /** syncJob: count, decide whether the Job is finishing, manage pods, write conditions and status. */
  private syncJob(now: number): void {
    if (this.spec.suspend) return this.suspend(now);
    this.startTime ??= now;
    this.signature = this.podSignature();
    this.countPods();
    if (!this.finish) {
      const failing = this.decideFinish(now);
      if (failing) {
        this.finish = failing;
        this.addCondition(failing.type, failing.reason, failing.message, now);
        for (const pod of this.activePods()) {
          this.deletePod(pod, now);
          this.counted.set(pod, { outcome: 'failed', finishedAt: now });
        }
      } else {
        this.manage(now);
        if (this.completed()) {
          this.finish = { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
          this.addCondition(this.finish.type, this.finish.reason, this.finish.message, now);
        }
      }
    }
    if (this.finish && this.finished === undefined && this.terminatingPods().length === 0) {
      const final = FINAL[this.finish.type];
      this.addCondition(final, this.finish.reason, this.finish.message, now);
      this.finishedAt = now;
      if (final === 'Complete') this.emit(now, 'Normal', 'Completed', 'Job completed');
      else this.emit(now, 'Warning', this.finish.reason, this.finish.message);
    }
    this.status = {
      active: this.activePods().length,
      ready: this.activePods().filter((pod) => pod.ready).length,
      succeeded: this.tally('succeeded'),
      failed: this.tally('failed'),
      terminating: this.terminatingPods().length,
    };
    this.signature = this.podSignature();
    this.frameCache = undefined;
  }

  private dueAt(): number {
    if (this.gone) return Infinity;
    let due = Infinity;
    if (this.spec.suspend) return this.suspended ? Infinity : this.createdAt;
    if (this.startTime === undefined) return this.createdAt;
    if (this.syncAt !== undefined) due = Math.min(due, this.syncAt);
    if (this.finish === undefined) {
      const ads = this.spec.activeDeadlineSeconds;
      if (ads !== undefined) due = Math.min(due, this.startTime + ads);
      if (this.backoffUntil !== undefined) due = Math.min(due, this.backoffUntil);
    }
    const ttl = this.spec.ttlSecondsAfterFinished;
    if (ttl !== undefined && this.finishedAt !== undefined && !this.deleting) due = Math.min(due, this.finishedAt + ttl);
    return due;
  }

  sync(now: number): boolean {
    if (this.gone || now < this.createdAt) return false;
    if (this.deleting) {
      if (this.pods.every((pod) => pod.gone)) {
        this.gone = true;
        return true;
      }
      return false;
    }
    const ttl = this.spec.ttlSecondsAfterFinished;
    if (ttl !== undefined && this.finishedAt !== undefined && now >= this.finishedAt + ttl) {
      this.delete(now);
      return true;
    }
    // Complete or Failed is final: only the TTL above is left to act on.
    if (this.finished !== undefined) return false;
    if (this.syncAt === undefined && this.podSignature() !== this.signature) this.syncAt = now + JOB_SYNC_BATCH_SECONDS;
    if (now < this.dueAt()) return false;
    this.syncAt = undefined;
    const before = JSON.stringify([this.status, this.conditions.length, this.pods.length]);
    this.syncJob(now);
    return JSON.stringify([this.status, this.conditions.length, this.pods.length]) !== before;
  }

  nextWake(now: number): number {
    const due = this.dueAt();
    return due > now ? due : Infinity;
  }

  livePods(): PodSim[] {
    return this.pods.filter((pod) => !pod.gone);
  }

  /** The same object while the status is unchanged, so frames can be compared by identity. */
  jobFrame(): JobFrame | undefined {
    if (this.gone || (this.startTime === undefined && !this.suspended)) return undefined;
    this.frameCache ??= {
      name: this.name, ...this.status, conditions: this.conditions.map((c) => ({ ...c })),
      ...(this.indexes ? { completedIndexes: indexIntervals(this.indexes.succeeded(this.counted)) } : {}),
      ...(this.indexes?.perIndexLimit ? { failedIndexes: indexIntervals(this.indexes.failed(this.counted)) } : {}),
    };
    return this.frameCache;
  }

  jobFrames(): JobFrame[] {
    const frame = this.jobFrame();
    return frame ? [frame] : [];
  }
}
