// The CronJob controller (cronjob_controllerv2.go, workloads.md §2): Jobs at the schedule's activations,
// concurrencyPolicy, startingDeadlineSeconds, suspend, history limits, and its events in its own words.
import { nextActivation, type Schedule } from './cron';
import { JobController } from './job';
import type { JobSpecModel } from './jobSpec';
import type { PodSim } from './pod';
import type { CronJobFrame, JobFrame } from './types';
import type { Controller, World } from './world';

/** More missed activations than this since the last one acted on give TooManyMissedTimes. */
const MAX_MISSED = 100;

export interface CronJobSpecModel {
  schedule: Schedule;
  scheduleText: string;
  timeZone?: string;
  concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  suspend: boolean;
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit: number;
  failedJobsHistoryLimit: number;
  jobSpec: JobSpecModel;
}

/** RFC 1123 with a numeric zone, as Go formats time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:05:00 +0000`. */
function rfc1123z(epochSeconds: number): string {
  const [day, date, month, year, time] = new Date(epochSeconds * 1000).toUTCString().replace(',', '').split(' ');
  return `${day}, ${date} ${month} ${year} ${time} +0000`;
}

export class CronJobController implements Controller {
  private readonly jobs: JobController[] = [];
  private readonly active = new Set<JobController>();
  /** Seconds since creation of the activation last acted on (status.lastScheduleTime). */
  private lastSchedule?: number;
  private lastSuccessful?: number;
  private readonly forbidden = new Set<number>();
  /** nextActivation answers by wall-clock second: the same questions come at every settle round. */
  private readonly nextCache = new Map<number, number | undefined>();
  private readonly ref: string;

  /** `epoch`: the wall-clock second at t = 0. */
  constructor(private readonly world: World, private readonly name: string, private readonly spec: CronJobSpecModel, readonly epoch: number) {
    this.ref = `cronjob/${name}`;
  }

  private emit(now: number, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.world.events.add(now, type, reason, this.ref, message, 'cronjob-controller');
  }

  private next(epochSeconds: number): number | undefined {
    if (!this.nextCache.has(epochSeconds)) {
      if (this.nextCache.size > 256) this.nextCache.clear();
      this.nextCache.set(epochSeconds, nextActivation(this.spec.schedule, epochSeconds));
    }
    return this.nextCache.get(epochSeconds);
  }

  /** The activations in (after, upTo], as seconds since creation; stops counting past MAX_MISSED + 1. */
  private activations(after: number, upTo: number): number[] {
    const out: number[] = [];
    let t = this.next(this.epoch + after);
    while (t !== undefined && t - this.epoch <= upTo) {
      out.push(t - this.epoch);
      if (out.length > MAX_MISSED + 1) out.shift();
      t = this.next(t);
    }
    return out;
  }

  private sawFinished(now: number): boolean {
    let changed = false;
    for (const job of [...this.active]) {
      const condition = job.finished;
      if (!condition && !job.gone) continue;
      this.active.delete(job);
      if (condition) this.emit(now, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.name}, condition: ${condition}`);
      if (condition === 'Complete') this.lastSuccessful = job.finishTime;
      changed = true;
    }
    return changed;
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond each history limit are deleted (background propagation). */
  private cleanup(now: number): boolean {
    let changed = false;
    for (const [condition, limit] of [['Complete', this.spec.successfulJobsHistoryLimit], ['Failed', this.spec.failedJobsHistoryLimit]] as const) {
      const finished = this.jobs.filter((job) => !job.gone && job.finished === condition);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
        job.deleteInBackground(now);
        this.emit(now, 'Normal', 'SuccessfulDelete', `Deleted job ${job.name}`);
        changed = true;
      }
    }
    return changed;
  }

  private startJob(scheduled: number, now: number): void {
    const name = `${this.name}-${Math.floor((this.epoch + scheduled) / 60)}`;
    const job = new JobController({ ...this.world, owner: `job/${name}` }, name, this.spec.jobSpec, now);
    this.jobs.push(job);
    this.active.add(job);
    this.emit(now, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
    this.lastSchedule = scheduled;
  }

  /** syncCronJob: the most recent activation not acted on, if any, under the concurrency policy. */
  private schedule(now: number): boolean {
    if (this.spec.suspend) return false;
    const sds = this.spec.startingDeadlineSeconds;
    let earliest = this.lastSchedule ?? 0;
    if (sds !== undefined) earliest = Math.max(earliest, now - sds);
    const slots = this.activations(earliest, now);
    const scheduled = slots.at(-1);
    if (scheduled === undefined || scheduled === this.lastSchedule) return false;
    if (slots.length > MAX_MISSED) {
      this.emit(now, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    if (sds !== undefined && scheduled + sds < now) {
      this.emit(now, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(this.epoch + scheduled)}`);
      return false;
    }
    if (this.spec.concurrencyPolicy === 'Forbid' && this.active.size > 0) {
      if (!this.forbidden.has(scheduled)) {
        this.forbidden.add(scheduled);
        this.emit(now, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      }
      return false;
    }
    if (this.spec.concurrencyPolicy === 'Replace') {
      for (const job of this.active) {
        job.deleteInBackground(now);
        this.emit(now, 'Normal', 'SuccessfulDelete', `Deleted job ${job.name}`);
      }
      this.active.clear();
    }
    this.startJob(scheduled, now);
    return true;
  }

  sync(now: number): boolean {
    let changed = false;
    for (const job of this.jobs) if (job.sync(now)) changed = true;
    // A Job that left the API (clean-up, Replace, its TTL) is no longer the controller's concern.
    if (this.jobs.some((job) => job.gone)) this.jobs.splice(0, this.jobs.length, ...this.jobs.filter((job) => !job.gone));
    if (this.sawFinished(now)) changed = true;
    if (this.cleanup(now)) changed = true;
    if (this.schedule(now)) changed = true;
    return changed;
  }

  private nextSchedule(now: number): number | undefined {
    if (this.spec.suspend) return undefined;
    let next = this.next(this.epoch + (this.lastSchedule ?? 0));
    while (next !== undefined && next - this.epoch <= now) next = this.next(next);
    return next === undefined ? undefined : next - this.epoch;
  }

  nextWake(now: number): number {
    let next = this.nextSchedule(now) ?? Infinity;
    for (const job of this.jobs) next = Math.min(next, job.nextWake(now));
    return next;
  }

  livePods(): PodSim[] {
    return this.world.pods.filter((pod) => !pod.gone);
  }

  jobFrames(): JobFrame[] {
    return this.jobs.map((job) => job.jobFrame()).filter((frame): frame is JobFrame => frame !== undefined);
  }

  cronJobFrame(now: number): CronJobFrame {
    const next = this.nextSchedule(now);
    return {
      name: this.name,
      schedule: this.spec.scheduleText,
      ...(this.spec.timeZone ? { timeZone: this.spec.timeZone } : {}),
      suspend: this.spec.suspend,
      active: [...this.active].map((job) => job.name),
      ...(this.lastSchedule !== undefined ? { lastScheduleTime: this.lastSchedule } : {}),
      ...(this.lastSuccessful !== undefined ? { lastSuccessfulTime: this.lastSuccessful } : {}),
      ...(next !== undefined ? { nextScheduleTime: next } : {}),
    };
  }
}
