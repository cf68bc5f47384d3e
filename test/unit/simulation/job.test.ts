import * as assert from 'node:assert/strict';
import type { JobFrame, Scenario, SimulationResult } from '../../../server/src/simulation';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { readJobSpec } from '../../../server/src/simulation/jobSpec';
import { eventsOf, frameAt, run, timesOf, type Json } from './helpers';

// Timings (workloads.md §1): the Job controller sees pod changes 1 s later (syncJobBatchPeriod); a failed
// pod is replaced 10 s, 20 s, 40 s ... after the newest failure's finish time; image cached, so a pod runs
// from t0 = creation + sandbox.
const t0 = SANDBOX_SECONDS;
const batch = 1;

function job(spec: Json, restartPolicy = 'Never', container: Json = { name: 'app', image: 'app:1' }): Json {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' },
    spec: { ...spec, template: { spec: { restartPolicy, containers: [container] } } },
  };
}

function scenario(app: Json, extra: Scenario = {}): Scenario {
  return { cachedImages: ['app:1'], containers: { app: app as never }, ...extra };
}

function jobAt(result: SimulationResult, at: number): JobFrame {
  const found = frameAt(result, at).jobs?.[0];
  if (!found) throw new Error(`no Job at ${at}`);
  return found;
}

function conditionsAt(result: SimulationResult, at: number): string[] {
  return jobAt(result, at).conditions.map((c) => `${c.type}:${c.reason}@${c.at}`);
}

function counts(job: JobFrame): string {
  return `active=${job.active} succeeded=${job.succeeded} failed=${job.failed} terminating=${job.terminating}`;
}

describe('simulation: Jobs', () => {
  describe('restartPolicy Never: failed pods count against backoffLimit (failed > limit)', () => {
    const runs = 4;
    const failing = run(job({ backoffLimit: 2 }), scenario({ runSeconds: runs, exitCode: 1 }));
    const cases: { name: string; check: () => void }[] = [
      {
        name: 'replacements come after the pod-failure back-off: 10 s, then 20 s, from each failure',
        check: () => {
          const firstFail = t0 + runs;
          const second = firstFail + 10;
          const third = second + t0 + runs + 20;
          assert.deepEqual(timesOf(failing, 'SuccessfulCreate'), [0, second, third]);
        },
      },
      {
        name: 'the third failure (> 2) ends it: FailureTarget, then Failed with BackoffLimitExceeded, one Warning',
        check: () => {
          const end = 40 + t0 + runs + batch;
          assert.deepEqual(conditionsAt(failing, end), [`FailureTarget:BackoffLimitExceeded@${end}`, `Failed:BackoffLimitExceeded@${end}`]);
          const [warning] = eventsOf(failing, 'BackoffLimitExceeded');
          assert.deepEqual([warning.at, warning.type, warning.message, warning.source], [end, 'Warning', 'Job has reached the specified backoff limit', 'job-controller']);
          assert.equal(counts(jobAt(failing, end)), 'active=0 succeeded=0 failed=3 terminating=0');
        },
      },
      {
        name: 'the status lags the pod by the 1 s sync batch',
        check: () => {
          assert.equal(jobAt(failing, t0 + runs).failed, 0);
          assert.equal(jobAt(failing, t0 + runs + batch).failed, 1);
        },
      },
    ];
    for (const c of cases) it(c.name, c.check);
  });

  it('backoffLimit 0 fails on the first failed pod', () => {
    const result = run(job({ backoffLimit: 0 }), scenario({ runSeconds: 4, exitCode: 1 }));
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0]);
    assert.deepEqual(timesOf(result, 'BackoffLimitExceeded'), [t0 + 4 + batch]);
  });

  it('exitCodes [1, 1, 0]: two failed runs, then a success: Complete, with the failures kept in status', () => {
    const result = run(job({}), scenario({ runSeconds: 4, exitCodes: [1, 1, 0] }));
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 15, 40]);
    const end = 40 + t0 + 4 + batch;
    assert.deepEqual(conditionsAt(result, end), [`SuccessCriteriaMet:CompletionsReached@${end}`, `Complete:CompletionsReached@${end}`]);
    assert.deepEqual(eventsOf(result, 'Completed').map((e) => [e.at, e.type, e.message]), [[end, 'Normal', 'Job completed']]);
    assert.equal(counts(jobAt(result, end)), 'active=0 succeeded=1 failed=2 terminating=0');
  });

  it('restartPolicy OnFailure: container restarts count (>= backoffLimit), the pod is deleted, then Failed', () => {
    // Exits at t0+4 (restart at once, restartCount 1) and t0+8 (back-off 10 s: restart at t0+18, restartCount 2).
    const result = run(job({ backoffLimit: 2 }, 'OnFailure'), scenario({ runSeconds: 4, exitCode: 1 }));
    const target = t0 + 18 + batch;
    assert.deepEqual(timesOf(result, 'SuccessfulDelete'), [target]);
    assert.deepEqual(conditionsAt(result, target + batch), [`FailureTarget:BackoffLimitExceeded@${target}`, `Failed:BackoffLimitExceeded@${target + batch}`]);
    assert.equal(counts(jobAt(result, target)), 'active=0 succeeded=0 failed=1 terminating=1');
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0], 'no pod is replaced under OnFailure');
  });

  it('completions 5, parallelism 2: pods run 2, 2, 1 and the Job completes after the last', () => {
    const result = run(job({ completions: 5, parallelism: 2 }), scenario({ runSeconds: 4 }));
    const round = t0 + 4 + batch;
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 0, round, round, 2 * round]);
    assert.deepEqual(timesOf(result, 'Completed'), [3 * round]);
    assert.equal(jobAt(result, round).active, 2);
  });

  it('work-queue mode (parallelism 3, no completions): no new pod after the first success; Complete once none is active', () => {
    const result = run(job({ parallelism: 3 }), scenario({ runSeconds: 4, exitCodes: [0, 1, 1] }));
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 0, 0]);
    assert.equal(counts(jobAt(result, t0 + 4 + batch)), 'active=0 succeeded=1 failed=2 terminating=0');
    assert.deepEqual(timesOf(result, 'Completed'), [t0 + 4 + batch]);
  });

  it('activeDeadlineSeconds: at startTime + deadline the pods are deleted (counted failed), then DeadlineExceeded', () => {
    const result = run(job({ activeDeadlineSeconds: 30 }), scenario({}));
    assert.deepEqual(timesOf(result, 'SuccessfulDelete'), [30]);
    assert.deepEqual(conditionsAt(result, 31), ['FailureTarget:DeadlineExceeded@30', 'Failed:DeadlineExceeded@31']);
    assert.deepEqual(eventsOf(result, 'DeadlineExceeded').map((e) => [e.at, e.message]), [[31, 'Job was active longer than specified deadline']]);
    assert.equal(jobAt(result, 31).failed, 1);
  });

  it('suspend: no pod and no deadline; Suspended (JobSuspended) with its event, printed Suspended', () => {
    const result = run(job({ suspend: true, activeDeadlineSeconds: 30 }), scenario({ runSeconds: 4 }, { horizon: 120 }));
    assert.deepEqual(result.frames.flatMap((frame) => frame.pods), []);
    assert.deepEqual(conditionsAt(result, 120), ['Suspended:JobSuspended@0']);
    assert.equal(jobAt(result, 120).conditions[0].message, 'Job suspended');
    assert.deepEqual(result.events.map((e) => [e.at, e.type, e.reason, e.object, e.message]), [[0, 'Normal', 'Suspended', 'job/pi', 'Job suspended']]);
    assert.equal(counts(jobAt(result, 120)), 'active=0 succeeded=0 failed=0 terminating=0');
  });

  describe('completionMode Indexed', () => {
    const indexed = (spec: Json) => job({ completionMode: 'Indexed', ...spec });
    const names = (result: SimulationResult) => [...new Set(result.frames.flatMap((frame) => frame.pods.map((pod) => pod.name)))];

    it('runs the lowest pending indexes, names each pod <job>-<index>-<suffix>, and lists the completed indexes', () => {
      const result = run(indexed({ completions: 5, parallelism: 2 }), scenario({ runSeconds: 4 }));
      assert.deepEqual(names(result).map((name) => name.replace(/-[a-z0-9]{5}$/, '')), ['pi-0', 'pi-1', 'pi-2', 'pi-3', 'pi-4']);
      const done = t0 + 4 + batch;
      assert.equal(jobAt(result, done).completedIndexes, '0,1');
      assert.equal(jobAt(result, 2 * done).completedIndexes, '0-3');
      assert.equal(jobAt(result, 3 * done).completedIndexes, '0-4');
      assert.deepEqual(conditionsAt(result, 3 * done).map((c) => c.split('@')[0]), ['SuccessCriteriaMet:CompletionsReached', 'Complete:CompletionsReached']);
      assert.equal(jobAt(result, 0).completedIndexes, '', 'an Indexed Job says so before any index completes');
    });

    it('runs a failed index again under the same index, after the back-off', () => {
      const result = run(indexed({ completions: 2, parallelism: 1 }), scenario({ runSeconds: 4, exitCodes: [1, 0, 0] }));
      const created = eventsOf(result, 'SuccessfulCreate').map((e) => [e.at, e.message.replace(/-[a-z0-9]{5}$/, '')]);
      const failedAt = t0 + 4;
      const retried = failedAt + 10;
      assert.deepEqual(created, [[0, 'Created pod: pi-0'], [retried, 'Created pod: pi-0'], [retried + t0 + 4 + batch, 'Created pod: pi-1']]);
      assert.equal(jobAt(result, result.horizon).succeeded, 2);
      assert.equal(jobAt(result, result.horizon).failed, 1);
      assert.equal(jobAt(result, result.horizon).completedIndexes, '0,1');
    });

    it('backoffLimitPerIndex: each index has its own back-off and fails past its limit; the Job fails with FailedIndexes', () => {
      const result = run(indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }), scenario({ runSeconds: 4, exitCode: 1 }));
      const failedAt = t0 + 4;
      const created = eventsOf(result, 'SuccessfulCreate').map((e) => [e.at, e.message.replace(/-[a-z0-9]{5}$/, '')]);
      assert.deepEqual(created, [[0, 'Created pod: pi-0'], [0, 'Created pod: pi-1'], [failedAt + 10, 'Created pod: pi-0'], [failedAt + 10, 'Created pod: pi-1']]);
      const end = failedAt + 10 + t0 + 4 + batch;
      assert.deepEqual(conditionsAt(result, end), [`FailureTarget:FailedIndexes@${end}`, `Failed:FailedIndexes@${end}`]);
      assert.deepEqual(eventsOf(result, 'FailedIndexes').map((e) => e.message), ['Job has failed indexes']);
      assert.deepEqual([jobAt(result, end).failedIndexes, jobAt(result, end).completedIndexes, jobAt(result, end).failed], ['0,1', '', 4]);
    });

    it('maxFailedIndexes: one failed index more than allowed fails the Job before the other indexes run', () => {
      const result = run(indexed({ completions: 3, parallelism: 1, backoffLimitPerIndex: 1, maxFailedIndexes: 0 }), scenario({ runSeconds: 4, exitCode: 1 }));
      assert.deepEqual(eventsOf(result, 'SuccessfulCreate').map((e) => e.message.replace(/-[a-z0-9]{5}$/, '')), ['Created pod: pi-0', 'Created pod: pi-0']);
      assert.deepEqual(conditionsAt(result, result.horizon).map((c) => c.split('@')[0]), ['FailureTarget:MaxFailedIndexesExceeded', 'Failed:MaxFailedIndexesExceeded']);
      assert.equal(jobAt(result, result.horizon).conditions[1].message, 'Job has exceeded the specified maximal number of failed indexes');
      assert.equal(jobAt(result, result.horizon).failedIndexes, '0');
    });

    it('with backoffLimitPerIndex, backoffLimit defaults to MaxInt32 (SetDefaults_Job)', () => {
      assert.equal(readJobSpec({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }).backoffLimit, 2147483647);
      assert.equal(readJobSpec({ completionMode: 'Indexed', completions: 2 }).backoffLimit, 6);
    });

    it('a NonIndexed Job has no completedIndexes', () => {
      assert.equal(jobAt(run(job({}), scenario({ runSeconds: 4 })), 0).completedIndexes, undefined);
    });
  });

  it('ttlSecondsAfterFinished: the Job and its pods are deleted that long after Complete', () => {
    const result = run(job({ ttlSecondsAfterFinished: 100 }), scenario({ runSeconds: 4 }));
    const done = t0 + 4 + batch;
    assert.ok(frameAt(result, done + 99).jobs?.length === 1);
    assert.deepEqual(frameAt(result, done + 100).pods, []);
    assert.deepEqual(frameAt(result, done + 100).jobs ?? [], []);
  });

  describe('podFailurePolicy', () => {
    const policy = (action: string, values: number[]): Json => ({ podFailurePolicy: { rules: [{ action, onExitCodes: { operator: 'In', values } }] } });

    it('FailJob on a matching exit code fails the Job at once, with the rule in the message', () => {
      const result = run(job(policy('FailJob', [42])), scenario({ runSeconds: 4, exitCode: 42 }));
      const end = t0 + 4 + batch;
      assert.deepEqual(conditionsAt(result, end), [`FailureTarget:PodFailurePolicy@${end}`, `Failed:PodFailurePolicy@${end}`]);
      const pod = eventsOf(result, 'SuccessfulCreate')[0].message.replace('Created pod: ', '');
      assert.deepEqual(eventsOf(result, 'PodFailurePolicy').map((e) => e.message),
        [`Container app for pod default/${pod} failed with exit code 42 matching FailJob rule at index 0`]);
    });

    it('Ignore: matching failures are not counted and are replaced without back-off', () => {
      const result = run(job({ backoffLimit: 0, ...policy('Ignore', [1]) }), scenario({ runSeconds: 4, exitCodes: [1, 1, 0] }));
      const round = t0 + 4 + batch;
      assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, round, 2 * round]);
      assert.equal(counts(jobAt(result, 3 * round)), 'active=0 succeeded=1 failed=0 terminating=0');
      assert.deepEqual(timesOf(result, 'Completed'), [3 * round]);
    });

    it('Count (and no matching rule) counts the failure as usual', () => {
      const result = run(job({ backoffLimit: 0, ...policy('Count', [1]) }), scenario({ runSeconds: 4, exitCode: 1 }));
      assert.deepEqual(timesOf(result, 'BackoffLimitExceeded'), [t0 + 4 + batch]);
    });
  });

  it('deleting a running pod counts as a failure (TerminatingOrFailed) and it is replaced after the back-off', () => {
    const deleteAt = 3;
    const result = run(job({}), scenario({}, { deleteAt }));
    assert.equal(jobAt(result, deleteAt + batch).failed, 1);
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, deleteAt + 10]);
  });

  it('the last state of a deleted pod is a frame: containers terminated before it leaves the API', () => {
    const result = run(job({ activeDeadlineSeconds: 30 }), scenario({}));
    const last = result.frames.filter((f) => f.at === 30 && f.pods.length === 1).at(-1);
    assert.ok(last, 'a frame at 30 still shows the pod');
    assert.deepEqual(last.pods[0].containers.map((c) => [c.state, c.exitCode]), [['terminated', 143]]);
    assert.equal(last.pods[0].phase, 'Failed');
    assert.deepEqual(frameAt(result, 30).pods, [], 'and the frame after it at the same instant no longer has it');
  });

  it('exitCodes is read from the annotation podlab.dev/exit-codes.<container>', () => {
    const annotated = job({ backoffLimit: 6 });
    (annotated.metadata as Json).annotations = { 'podlab.dev/exit-codes.app': '1,0', 'podlab.dev/run-seconds.app': '4' };
    const result = run(annotated, { cachedImages: ['app:1'] });
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 15]);
    assert.equal(timesOf(result, 'Completed').length, 1);
  });
});
