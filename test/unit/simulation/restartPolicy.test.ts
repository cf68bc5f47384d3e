import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const cached = ['app:1'];
const app = (restartPolicy: string): Record<string, unknown> => ({ restartPolicy, containers: [{ name: 'app', image: 'app:1' }] });

// lifecycle.md §1.1 (getPhase) and §1.2 (restartPolicy table).
describe('simulation: restartPolicy outcomes', () => {
  it('Never + exit 1: the container stays terminated (Error) and the pod is Failed', () => {
    const result = run(pod(app('Never')), { cachedImages: cached, containers: { app: { runSeconds: 5, exitCode: 1 } } });
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Failed@${t0 + 5}`]);
    const c = containerAt(result, t0 + 5, 'app');
    assert.deepEqual([c.state, c.reason, c.exitCode, c.restartCount, c.ready], ['terminated', 'Error', 1, 0, false]);
    assert.equal(podAt(result, t0 + 5).status, 'Error');
    assert.equal(podAt(result, t0 + 5).conditions.Ready, 'False');
    assert.equal(timesOf(result, 'Started').length, 1);
  });

  it('Never + exit 0: Succeeded', () => {
    const result = run(pod(app('Never')), { cachedImages: cached, containers: { app: { runSeconds: 5 } } });
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Succeeded@${t0 + 5}`]);
  });

  it('OnFailure + exit 0: Succeeded, no restart, Completed', () => {
    const result = run(pod(app('OnFailure')), { cachedImages: cached, containers: { app: { runSeconds: 5, exitCode: 0 } } });
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Succeeded@${t0 + 5}`]);
    const c = containerAt(result, t0 + 5, 'app');
    assert.deepEqual([c.state, c.reason, c.exitCode, c.restartCount], ['terminated', 'Completed', 0, 0]);
    assert.equal(podAt(result, t0 + 5).status, 'Completed');
    assert.equal(timesOf(result, 'Started').length, 1);
    assert.equal(result.horizon, t0 + 5);
  });

  it('OnFailure + exit 1: restarted, the pod stays Running', () => {
    const result = run(pod(app('OnFailure')), { cachedImages: cached, horizon: 30, containers: { app: { runSeconds: 5, exitCode: 1 } } });
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
    // First restart at once, then 10 s after the second exit (§4.2).
    assert.deepEqual(timesOf(result, 'Started'), [t0, t0 + 5, t0 + 10 + 10]);
  });

  it('Always + exit 0: restarted like a crash, the pod stays Running', () => {
    const result = run(pod(app('Always')), { cachedImages: cached, horizon: 30, containers: { app: { runSeconds: 5 } } });
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
    assert.deepEqual(timesOf(result, 'Started'), [t0, t0 + 5, t0 + 20]);
    assert.deepEqual(containerAt(result, t0 + 11, 'app').lastState, { reason: 'Completed', exitCode: 0 });
  });

  it('an OOM kill ends the run with exit 137 and reason OOMKilled', () => {
    const result = run(pod(app('Never')), { cachedImages: cached, containers: { app: { runSeconds: 5, oomKilled: true } } });
    const c = containerAt(result, t0 + 5, 'app');
    assert.deepEqual([c.state, c.reason, c.exitCode], ['terminated', 'OOMKilled', 137]);
    assert.equal(podAt(result, t0 + 5).phase, 'Failed');
    assert.equal(eventsOf(result, 'Killing').length, 0);
  });

  it('defaults to Always when restartPolicy is absent', () => {
    const result = run(pod({ containers: [{ name: 'app', image: 'app:1' }] }), { cachedImages: cached, horizon: 12, containers: { app: { runSeconds: 5, exitCode: 1 } } });
    assert.deepEqual(timesOf(result, 'Started'), [t0, t0 + 5]);
  });
});
