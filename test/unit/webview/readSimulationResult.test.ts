import { strict as assert } from 'node:assert';
import { readSimulationResult } from '../../../client/webview/readSimulationResult';
import { crashingPod } from './fixtures';

describe('webview reading a simulation answer', () => {
  it('keeps a well-formed result as it is', () => {
    const result = crashingPod();
    assert.deepEqual(readSimulationResult(JSON.parse(JSON.stringify(result))), result);
  });

  it('keeps the horizon, event sources and Job status, and drops malformed Job parts', () => {
    const result = readSimulationResult({
      ...crashingPod(),
      horizon: 120,
      events: [{ at: 0, type: 'Normal', reason: 'SuccessfulCreate', object: 'job/pi', message: 'Created pod: pi-abcde', source: 'job-controller' }],
      frames: [
        {
          at: 0,
          pods: [],
          jobs: [
            { name: 'pi', active: 1, ready: 0, succeeded: 0, failed: 2, terminating: 0, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', at: 46 }, { type: 'Bogus', status: 'True' }] },
            { active: 3 },
          ],
        },
      ],
    });
    assert.ok(result);
    assert.equal(result.horizon, 120);
    assert.equal(result.events[0].source, 'job-controller');
    assert.deepEqual(result.frames[0].jobs, [
      { name: 'pi', active: 1, ready: 0, succeeded: 0, failed: 2, terminating: 0, conditions: [{ type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', at: 46 }] },
    ]);
  });

  it('answers undefined for "nothing to simulate" and for non-results', () => {
    for (const answer of [null, undefined, 0, 'x', [], {}, { resource: { kind: 'Pod', name: 'a' }, events: [], frames: [] }, { resource: 'Pod', events: [], frames: [{ at: 0, pods: [] }] }]) {
      assert.equal(readSimulationResult(answer), undefined, JSON.stringify(answer));
    }
  });

  it('drops malformed parts and sorts by time', () => {
    const result = readSimulationResult({
      resource: { kind: 'Pod', name: 'p', extra: 1 },
      events: [
        { at: 3, type: 'Warning', reason: 'BackOff', object: 'pod/p', message: 'm' },
        { at: 1, type: 'Normal', reason: 'Scheduled', object: 'pod/p', message: 'ok' },
        { at: 'soon', type: 'Normal', reason: 'Bad', object: 'pod/p', message: '' },
        { at: 2, type: '<b>', reason: 'Bad', object: 'pod/p', message: '' },
      ],
      frames: [
        { at: 5, pods: [{ name: 'p', phase: 'Running', conditions: { Ready: true, Initialized: 'False', Bogus: 7 }, containers: [{ name: 'c', role: 'app', state: 'running', ready: 'yes', restartCount: -4 }, { name: 'x', role: 'hacker', state: 'running' }] }] },
        { at: 0, pods: [] },
        { at: Number.NaN, pods: [] },
        { at: 1, pods: 'none' },
      ],
    });
    assert.ok(result);
    assert.deepEqual(result.events.map((e) => e.reason), ['Scheduled', 'BackOff']);
    assert.deepEqual(result.frames.map((f) => f.at), [0, 5]);
    const p = result.frames[1].pods[0];
    assert.deepEqual(p.conditions, { Ready: 'True', Initialized: 'False' });
    assert.deepEqual(p.containers, [{ name: 'c', role: 'app', state: 'running', ready: false, restartCount: 0 }]);
  });

  it('keeps hostile strings as plain data, cut to a bounded length', () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    const result = readSimulationResult({
      resource: { kind: 'Pod', name: payload },
      events: [{ at: 0, type: 'Normal', reason: 'Pulling', object: `pod/${payload}`, message: 'x'.repeat(100_000) }],
      frames: [{ at: 0, pods: [{ name: payload, phase: 'Pending', conditions: {}, containers: [] }] }],
    });
    assert.ok(result);
    assert.equal(result.resource.name, payload);
    assert.equal(result.frames[0].pods[0].name, payload);
    assert.ok(result.events[0].message.length <= 4000);
  });

  it('reads the engine extras it can show: STATUS, last state, revision, deletion', () => {
    const result = readSimulationResult({
      resource: { kind: 'Deployment', name: 'd' },
      events: [],
      frames: [
        {
          at: 0,
          pods: [{ name: 'd-1', phase: 'Running', status: 'Terminating', terminating: true, revision: 2, conditions: {}, containers: [{ name: 'c', role: 'app', state: 'running', ready: true, restartCount: 1, started: true, lastState: { reason: 'Error', exitCode: 1 } }] }],
          replicaSets: [{ revision: 2, name: 'd-abc', desired: 3, current: 3, ready: 1, available: 1 }, { revision: 'x' }],
        },
      ],
    });
    const pod = result!.frames[0].pods[0];
    assert.equal(pod.status, 'Terminating');
    assert.equal(pod.terminating, true);
    assert.equal(pod.revision, 2);
    assert.deepEqual(pod.containers[0].lastState, { reason: 'Error', exitCode: 1 });
    assert.deepEqual(result!.frames[0].replicaSets, [{ revision: 2, name: 'd-abc', desired: 3, current: 3, ready: 1, available: 1 }]);
  });
});
