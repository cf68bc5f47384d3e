// The real engine's answers through the panel's reading and view model: what the panel draws
// for a failing Job and a deleted pod comes from the simulation, not from hand-made fixtures.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSimulationResult } from '../../../client/webview/readSimulationResult';
import { segmentAt } from '../../../client/webview/segments';
import { buildViewModel } from '../../../client/webview/viewModel';
import { simulate } from '../../../server/src/simulation';

const fixtures = join(import.meta.dirname, '../../e2e/fixtures');

function panelModel(resource: Record<string, unknown>, scenario: Record<string, unknown> = {}) {
  const result = readSimulationResult(JSON.parse(JSON.stringify(simulate({ resource }, scenario))));
  assert.ok(result, 'the panel could not read the engine\'s answer');
  return buildViewModel(result);
}

describe('webview: the engine\'s answers as the panel reads them', () => {
  it('a Job with backoffLimit 2 whose container fails: three pods and the Job Failed with BackoffLimitExceeded', () => {
    const model = panelModel(parse(readFileSync(join(fixtures, 'failing-job.yaml'), 'utf8')));
    assert.equal(model.pods.length, 3);
    const [job] = model.jobLanes;
    const last = job.status[job.status.length - 1];
    assert.match(last.label, /^Failed · 0 active · 0 succeeded · 3 failed$/);
    assert.match(job.conditions[job.conditions.length - 1].detail, /Failed \(BackoffLimitExceeded: Job has reached the specified backoff limit\)/);
    assert.deepEqual(model.groups?.map((g) => g.title), ['Pods of job/pi']);
  });

  it('a deleted pod: its container is shown stopping during the grace period', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { terminationGracePeriodSeconds: 20, containers: [{ name: 'app', image: 'nginx:1.27' }] },
    };
    const model = panelModel(pod, { deleteAt: 30, containers: { app: { sigtermExitSeconds: 8 } } });
    const lane = model.pods[0].containers[0].segments;
    assert.equal(segmentAt(lane, 33)?.tone, 'terminating');
    assert.equal(segmentAt(lane, 33)?.label, 'Stopping');
    assert.equal(segmentAt(lane, 29)?.tone, 'ready');
  });
});
