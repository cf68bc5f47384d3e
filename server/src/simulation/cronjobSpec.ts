// The CronJob fields the controller acts on, with the API defaults (batch/v1 SetDefaults_CronJob,
// workloads.md §2.1), and what the API server refuses in them (ValidateCronJobSpec).
import { CronError, nextActivation, parseSchedule } from './cron';
import type { CronJobSpecModel } from './cronjob';
import { readJobSpec } from './jobSpec';
import { numberAt, objectAt, stringAt, type Json } from './json';
import type { RefusalError } from './types';

export const DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT = 3;
export const DEFAULT_FAILED_JOBS_HISTORY_LIMIT = 1;
/** Where the default clock starts looking for the first activation. */
const CLOCK_ORIGIN = Date.UTC(2026, 0, 1) / 1000;
/** The default clock puts the first activation this long after t = 0. */
const LEAD_IN_SECONDS = 60;

/** What the API server says about spec.schedule and spec.timeZone; empty when it accepts them. */
export function cronJobRefusals(spec: Json | undefined): RefusalError[] {
  const schedule = stringAt(spec, 'schedule');
  if (!schedule) return [{ path: ['spec', 'schedule'], message: 'spec.schedule: Required value' }];
  const errors: RefusalError[] = [];
  const zone = stringAt(spec, 'timeZone');
  if (zone !== undefined) {
    try {
      parseSchedule('* * * * *', zone);
    } catch (error) {
      errors.push({ path: ['spec', 'timeZone'], message: `spec.timeZone: Invalid value: ${JSON.stringify(zone)}: ${(error as Error).message}` });
    }
  }
  if (/\b(CRON_)?TZ=/.test(schedule)) {
    errors.push({ path: ['spec', 'schedule'], message: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead` });
    return errors;
  }
  try {
    parseSchedule(schedule);
  } catch (error) {
    if (!(error instanceof CronError)) throw error;
    errors.push({ path: ['spec', 'schedule'], message: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${error.message}` });
  }
  return errors;
}

/** `spec` of a CronJob the API server accepts (see cronJobRefusals). */
export function readCronJobSpec(spec: Json | undefined): CronJobSpecModel {
  const scheduleText = stringAt(spec, 'schedule') ?? '';
  const timeZone = stringAt(spec, 'timeZone');
  const policy = stringAt(spec, 'concurrencyPolicy');
  const sds = numberAt(spec, 'startingDeadlineSeconds');
  return {
    schedule: parseSchedule(scheduleText, timeZone ?? 'UTC'),
    scheduleText,
    ...(timeZone ? { timeZone } : {}),
    concurrencyPolicy: policy === 'Forbid' || policy === 'Replace' ? policy : 'Allow',
    suspend: spec?.suspend === true,
    ...(sds !== undefined ? { startingDeadlineSeconds: sds } : {}),
    successfulJobsHistoryLimit: Math.floor(numberAt(spec, 'successfulJobsHistoryLimit') ?? DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT),
    failedJobsHistoryLimit: Math.floor(numberAt(spec, 'failedJobsHistoryLimit') ?? DEFAULT_FAILED_JOBS_HISTORY_LIMIT),
    jobSpec: readJobSpec(objectAt(spec, 'jobTemplate', 'spec')),
  };
}

/** The wall-clock second at t = 0: the scenario's startTime, else a minute before the first activation from 2026-01-01. */
export function clockEpoch(model: CronJobSpecModel, startTime: string | undefined): number {
  if (startTime !== undefined) return Math.floor(Date.parse(startTime) / 1000);
  const first = nextActivation(model.schedule, CLOCK_ORIGIN - 1);
  return (first ?? CLOCK_ORIGIN) - LEAD_IN_SECONDS;
}
