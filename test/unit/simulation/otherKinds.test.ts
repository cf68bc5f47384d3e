import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { eventsOf, phaseChanges, run, timesOf, type Json } from './helpers';

const t0 = SANDBOX_SECONDS;
const template = (spec: Json = {}): Json => ({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'app', image: 'app:1' }], ...spec } });

describe('simulation: other Pod-making kinds', () => {
  it('Job: one pod from the job-controller that runs to Succeeded', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: template({ restartPolicy: 'Never' }) } };
    const result = run(job, { cachedImages: ['app:1'], containers: { app: { runSeconds: 4 } } });
    const [created] = eventsOf(result, 'SuccessfulCreate');
    assert.deepEqual([created.object, created.source], ['job/once', 'job-controller']);
    assert.match(created.message, /^Created pod: once-[a-z0-9]{5}$/);
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Succeeded@${t0 + 4}`]);
  });

  it('CronJob: one Job created at 0, and its pod', () => {
    const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }) } } } };
    const result = run(cron, { cachedImages: ['app:1'] });
    assert.match(eventsOf(result, 'SuccessfulCreate')[0].message, /^Created job nightly-\d+$/);
    assert.equal(result.frames[result.frames.length - 1].pods.length, 1);
  });

  it('DaemonSet: one pod on each of the three nodes', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'x' } }, template: template() } };
    const pods = run(ds, { cachedImages: ['app:1'] }).frames.at(-1)?.pods ?? [];
    assert.deepEqual(pods.map((p) => p.node).sort(), ['node-1', 'node-2', 'node-3']);
  });

  it('StatefulSet OrderedReady: each ordinal is created once the previous one is Running and Ready', () => {
    const readiness = { readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } };
    const sts = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'app', image: 'app:1', ...readiness }] } } },
    };
    const result = run(sts, { cachedImages: ['app:1'], containers: { app: { readyAfterSeconds: 3 } } });
    // Probes at start, +5: the first pass at +5, so each pod is Ready t0 + 5 after its creation.
    const step = t0 + 5;
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, step, 2 * step]);
    assert.deepEqual(eventsOf(result, 'SuccessfulCreate').map((e) => e.message), [
      'create Pod db-0 in StatefulSet db successful', 'create Pod db-1 in StatefulSet db successful', 'create Pod db-2 in StatefulSet db successful',
    ]);
    const parallel = run({ ...sts, spec: { ...sts.spec, podManagementPolicy: 'Parallel' } }, { cachedImages: ['app:1'] });
    assert.deepEqual(timesOf(parallel, 'SuccessfulCreate'), [0, 0, 0]);
  });
});
