import { strict as assert } from 'node:assert';
import { buildJobLanes, jobStatus, podsStatuses } from '../../../client/webview/jobs';
import { frameSummary } from '../../../client/webview/summary';
import { frameAt } from '../../../client/webview/timeline';
import { buildViewModel } from '../../../client/webview/viewModel';
import { failingJob } from './fixtures';

describe('webview Job row', () => {
  const result = failingJob();
  const jobAt = (t: number) => frameAt(result.frames, t)!.jobs![0];

  it('says what kubectl says: STATUS of get jobs and the Pods Statuses of describe job', () => {
    assert.equal(jobStatus(jobAt(10)), 'Running');
    assert.equal(jobStatus(jobAt(45)), 'FailureTarget');
    assert.equal(jobStatus(jobAt(50)), 'Failed');
    const suspended = { ...jobAt(10), active: 0, conditions: [{ type: 'Suspended' as const, reason: 'JobSuspended', message: 'Job suspended', at: 0 }] };
    assert.equal(jobStatus(suspended), 'Suspended');
    assert.equal(podsStatuses({ ...jobAt(16), completedIndexes: '0-2,4' }), '1 Active (0 Ready) / 0 Succeeded / 1 Failed; Completed Indexes: 0-2,4');
    assert.equal(podsStatuses({ ...jobAt(16), completedIndexes: '' }), '1 Active (0 Ready) / 0 Succeeded / 1 Failed; Completed Indexes: <none>');
    assert.equal(podsStatuses({ ...jobAt(16), completedIndexes: '0', failedIndexes: '1,2' }), '1 Active (0 Ready) / 0 Succeeded / 1 Failed; Completed Indexes: 0; Failed Indexes: 1,2');
    assert.equal(podsStatuses(jobAt(16)), '1 Active (0 Ready) / 0 Succeeded / 1 Failed');
    assert.equal(podsStatuses({ ...jobAt(16), terminating: 2 }), '1 Active (0 Ready) / 0 Succeeded / 1 Failed / 2 Terminating');
  });

  it('draws the Job\'s status and conditions over time', () => {
    const [lane] = buildJobLanes(result.frames, 60);
    assert.equal(lane.name, 'pi');
    assert.deepEqual(lane.status.map((s) => [s.from, s.to, s.tone, s.label]), [
      [0, 5, 'running', 'Running · 1 active · 0 succeeded · 0 failed'],
      [5, 15, 'waiting', 'Running · 0 active · 0 succeeded · 1 failed'],
      [15, 20, 'running', 'Running · 1 active · 0 succeeded · 1 failed'],
      [20, 40, 'waiting', 'Running · 0 active · 0 succeeded · 2 failed'],
      [40, 45, 'running', 'Running · 1 active · 0 succeeded · 2 failed'],
      [45, 46, 'terminating', 'FailureTarget · 0 active · 0 succeeded · 3 failed'],
      [46, 60, 'failed', 'Failed · 0 active · 0 succeeded · 3 failed'],
    ]);
    assert.deepEqual(lane.conditions.map((s) => [s.from, s.label]), [
      [45, 'FailureTarget'],
      [46, 'FailureTarget, Failed'],
    ]);
    assert.match(lane.conditions[1].detail, /Failed \(BackoffLimitExceeded: Job has reached the specified backoff limit\)/);
  });

  it('lists every pod of the Job, and sums up the Job at the playhead', () => {
    const model = buildViewModel(result);
    assert.deepEqual(model.jobLanes.map((l) => l.name), ['pi']);
    assert.deepEqual(model.groups?.map((g) => [g.title, g.pods.map((p) => p.name)]), [['Pods of job/pi', ['pi-aaaaa', 'pi-bbbbb', 'pi-ccccc']]]);
    assert.equal(frameSummary('Job', frameAt(result.frames, 50)), '0 of 3 pods ready; job pi Failed: 0 Active (0 Ready) / 0 Succeeded / 3 Failed');
  });
});
