import * as assert from 'node:assert/strict';
import type { Scenario, SimulationResult } from '../../../server/src/simulation';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { eventsOf, frameAt, run, timesOf, type Json } from './helpers';

// workloads.md §2: one Job per activation, named <cronjob>-<scheduled minutes since the epoch>; Forbid skips
// (JobAlreadyActive) and starts the latest slot once the running Job finishes; Replace deletes the running Job;
// history limits 3 / 1, oldest first; the Job completes 1 s (syncJobBatchPeriod) after its pod.
const t0 = SANDBOX_SECONDS;
const batch = 1;
/** The default clock: t = 0 is a minute before the first activation from 2026-01-01T00:00:00Z. */
const first = 60;
const minutesAt = (at: number, startEpoch: number): number => Math.floor((startEpoch + at) / 60);
const defaultEpoch = Date.UTC(2026, 0, 1) / 1000 - 60;

function cronJob(spec: Json, restartPolicy = 'Never'): Json {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'backup' },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy, containers: [{ name: 'app', image: 'app:1' }] } } } }, ...spec },
  };
}

function scenario(app: Json, extra: Scenario = {}): Scenario {
  return { cachedImages: ['app:1'], containers: { app: app as never }, ...extra };
}

function cronEvents(result: SimulationResult): string[] {
  return result.events.filter((e) => e.source === 'cronjob-controller').map((e) => `${e.at} ${e.reason} ${e.message}`);
}

describe('simulation: CronJobs', () => {
  it('creates a Job at each activation, named by the scheduled minute, and says so in the controller\'s words', () => {
    const result = run(cronJob({}), scenario({ runSeconds: 30 }, { horizon: 700 }));
    const done = 30 + t0 + batch;
    assert.equal(result.clockStart, '2025-12-31T23:59:00.000Z');
    assert.deepEqual(cronEvents(result), [
      `${first} SuccessfulCreate Created job backup-${minutesAt(first, defaultEpoch)}`,
      `${first + done} SawCompletedJob Saw completed job: backup-${minutesAt(first, defaultEpoch)}, condition: Complete`,
      `${first + 300} SuccessfulCreate Created job backup-${minutesAt(first + 300, defaultEpoch)}`,
      `${first + 300 + done} SawCompletedJob Saw completed job: backup-${minutesAt(first + 300, defaultEpoch)}, condition: Complete`,
      `${first + 600} SuccessfulCreate Created job backup-${minutesAt(first + 600, defaultEpoch)}`,
      `${first + 600 + done} SawCompletedJob Saw completed job: backup-${minutesAt(first + 600, defaultEpoch)}, condition: Complete`,
    ]);
    assert.equal(`backup-${minutesAt(first, defaultEpoch)}`, 'backup-29453760', '2026-01-01T00:00:00Z is minute 29453760');
    const cj = frameAt(result, first + 1).cronJob;
    assert.deepEqual([cj?.active, cj?.lastScheduleTime, cj?.nextScheduleTime], [['backup-29453760'], first, first + 300]);
    assert.equal(frameAt(result, first + done).cronJob?.lastSuccessfulTime, first + done);
  });

  it('keeps 3 successful Jobs and deletes the oldest, with its pods', () => {
    const result = run(cronJob({}), scenario({ runSeconds: 30 }, { horizon: 1300 }));
    const done = 30 + t0 + batch;
    assert.deepEqual(eventsOf(result, 'SuccessfulDelete').map((e) => [e.at, e.message]).slice(0, 2),
      [[first + 900 + done, 'Deleted job backup-29453760'], [first + 1200 + done, 'Deleted job backup-29453765']]);
    assert.deepEqual(frameAt(result, first + 900 + done).jobs?.map((j) => j.name), ['backup-29453765', 'backup-29453770', 'backup-29453775']);
    assert.equal(frameAt(result, first + 900 + done + 1).pods.length, 3);
  });

  it('failedJobsHistoryLimit (default 1) keeps only the newest failed Job', () => {
    const result = run(cronJob({ jobTemplate: { spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } } } } }),
      scenario({ runSeconds: 10, exitCode: 1 }, { horizon: 700 }));
    const failed = first + 300 + 10 + t0 + batch;
    assert.ok(cronEvents(result).includes(`${failed} SawCompletedJob Saw completed job: backup-29453765, condition: Failed`));
    assert.ok(cronEvents(result).includes(`${failed} SuccessfulDelete Deleted job backup-29453760`));
  });

  describe('concurrencyPolicy, with a minutely schedule and Jobs that run 90 s', () => {
    const long = scenario({ runSeconds: 90 }, { horizon: 250 });
    const finish = 90 + t0 + batch;
    const cases: { policy: string; expected: string[] }[] = [
      {
        policy: 'Allow',
        expected: [
          '60 SuccessfulCreate Created job backup-29453760', '120 SuccessfulCreate Created job backup-29453761',
          `${60 + finish} SawCompletedJob Saw completed job: backup-29453760, condition: Complete`,
          '180 SuccessfulCreate Created job backup-29453762',
          `${120 + finish} SawCompletedJob Saw completed job: backup-29453761, condition: Complete`,
          '240 SuccessfulCreate Created job backup-29453763',
        ],
      },
      {
        policy: 'Forbid',
        expected: [
          '60 SuccessfulCreate Created job backup-29453760',
          '120 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
          `${60 + finish} SawCompletedJob Saw completed job: backup-29453760, condition: Complete`,
          `${60 + finish} SuccessfulCreate Created job backup-29453761`,
          '180 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
          '240 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
          `${60 + 2 * finish} SawCompletedJob Saw completed job: backup-29453761, condition: Complete`,
          `${60 + 2 * finish} SuccessfulCreate Created job backup-29453763`,
        ],
      },
      {
        policy: 'Replace',
        expected: [
          '60 SuccessfulCreate Created job backup-29453760',
          '120 SuccessfulDelete Deleted job backup-29453760', '120 SuccessfulCreate Created job backup-29453761',
          '180 SuccessfulDelete Deleted job backup-29453761', '180 SuccessfulCreate Created job backup-29453762',
          '240 SuccessfulDelete Deleted job backup-29453762', '240 SuccessfulCreate Created job backup-29453763',
        ],
      },
    ];
    for (const c of cases) {
      it(c.policy, () => {
        const result = run(cronJob({ schedule: '* * * * *', concurrencyPolicy: c.policy }), long);
        assert.deepEqual(cronEvents(result).filter((line) => Number(line.split(' ')[0]) <= 250), c.expected);
      });
    }
  });

  it('suspend: no Job at all', () => {
    const result = run(cronJob({ suspend: true }), scenario({}, { horizon: 700 }));
    assert.deepEqual(cronEvents(result), []);
    assert.equal(frameAt(result, 700).cronJob?.suspend, true);
  });

  it('startingDeadlineSeconds: a slot skipped under Forbid is not started once it is older than the deadline', () => {
    const result = run(cronJob({ schedule: '*/2 * * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 20 }), scenario({ runSeconds: 150 }, { horizon: 300 }));
    // The Job ends at 60 + 150 + t0 + 1 = 212: the slot at 180 is then 32 s old, past the 20 s deadline.
    assert.deepEqual(timesOf(result, 'SuccessfulCreate', 'Created job'), [60, 300]);
    const allowed = run(cronJob({ schedule: '*/2 * * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 40 }), scenario({ runSeconds: 150 }, { horizon: 300 }));
    assert.deepEqual(timesOf(allowed, 'SuccessfulCreate', 'Created job'), [60, 212], 'within the deadline it starts as soon as the Job ends');
  });

  it('schedules in spec.timeZone, and reads names, ranges, steps and descriptors', () => {
    const cases: { schedule: string; timeZone?: string; startTime: string; firsts: string[] }[] = [
      { schedule: '0 9 * * MON-FRI', startTime: '2026-01-02T08:59:00Z', firsts: ['2026-01-02T09:00', '2026-01-05T09:00'] },
      { schedule: '0 9 * * *', timeZone: 'Europe/Berlin', startTime: '2026-07-01T06:59:00Z', firsts: ['2026-07-01T07:00', '2026-07-02T07:00'] },
      { schedule: '@hourly', startTime: '2026-01-01T00:30:00Z', firsts: ['2026-01-01T01:00', '2026-01-01T02:00'] },
      { schedule: '15-45/15 3 1 JAN,jul *', startTime: '2026-01-01T03:00:00Z', firsts: ['2026-01-01T03:15', '2026-01-01T03:30'] },
    ];
    for (const c of cases) {
      const result = run(cronJob({ schedule: c.schedule, ...(c.timeZone ? { timeZone: c.timeZone } : {}) }), scenario({ runSeconds: 5 }, { horizon: 4 * 86400, startTime: c.startTime }));
      const start = Date.parse(c.startTime) / 1000;
      const firsts = timesOf(result, 'SuccessfulCreate', 'Created job').slice(0, 2).map((at) => new Date((start + at) * 1000).toISOString().slice(0, 16));
      assert.deepEqual(firsts, c.firsts, c.schedule);
    }
  });

  it('a schedule or time zone the API server refuses is not simulated, with the parser\'s reason', () => {
    const cases: [Json, string][] = [
      [{ schedule: '* * *' }, 'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]'],
      [{ schedule: '61 * * * *' }, 'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61'],
      [{ schedule: 'TZ=UTC 0 * * * *' }, 'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
      [{ timeZone: 'Mars/Olympus' }, 'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'],
    ];
    for (const [spec, message] of cases) assert.deepEqual(run(cronJob(spec), {}).refused?.map((e) => e.message), [message]);
  });
});
