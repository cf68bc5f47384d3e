import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const spec = { containers: [{ name: 'app', image: 'app:1' }] };

// lifecycle.md §4.1 and §4.2: the first restart is immediate, then the wait after each exit
// is 10, 20, 40, 80, 160, 300, 300 s; a run longer than 600 s after its restart resets it.
describe('simulation: CrashLoopBackOff', () => {
  const run1 = 1;
  const waits = [0, 10, 20, 40, 80, 160, 300, 300];
  const starts: number[] = [t0];
  for (const wait of waits) starts.push(starts[starts.length - 1] + run1 + wait);
  const horizon = starts[starts.length - 1];
  const result = run(pod(spec), { cachedImages: ['app:1'], horizon, containers: { app: { runSeconds: run1, exitCode: 1 } } });

  it('restarts at once after the first exit, then after 10, 20, 40, 80, 160, 300, 300 s', () => {
    assert.deepEqual(timesOf(result, 'Started'), starts);
  });

  it('emits BackOff each time a restart is held back, with Go-formatted durations in the waiting message', () => {
    const exits = starts.slice(1).map((s, i) => s - waits[i]);
    assert.deepEqual(timesOf(result, 'BackOff'), exits.filter((_, i) => waits[i] > 0));
    const backoff = eventsOf(result, 'BackOff')[0];
    assert.equal(backoff.type, 'Warning');
    assert.match(backoff.message, /^Back-off restarting failed container app in pod web_default\([0-9a-f-]{36}\)$/);
    const durations = ['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s'];
    durations.forEach((text, i) => {
      const exit = exits[i + 1];
      const waiting = containerAt(result, exit, 'app');
      assert.equal(waiting.reason, 'CrashLoopBackOff', `at ${exit}`);
      assert.match(waiting.message ?? '', new RegExp(`^back-off ${text} restarting failed container=app pod=web_default\\(`));
    });
  });

  it('counts restarts, keeps the last termination and stays Running (restartPolicy Always) with STATUS CrashLoopBackOff', () => {
    const at = starts[3] + run1;
    const c = containerAt(result, at, 'app');
    assert.deepEqual([c.state, c.restartCount, c.lastState], ['waiting', 3, { reason: 'Error', exitCode: 1 }]);
    assert.equal(podAt(result, at).status, 'CrashLoopBackOff');
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
    assert.equal(podAt(result, at).conditions.Ready, 'False');
    assert.equal(containerAt(result, horizon, 'app').restartCount, waits.length);
  });

  it('runs until the default horizon of 1800 s when the loop never settles', () => {
    const open = run(pod(spec), { cachedImages: ['app:1'], containers: { app: { runSeconds: run1, exitCode: 1 } } });
    assert.equal(open.horizon, 1800);
    assert.ok(open.frames.every((f) => f.at <= 1800));
  });

  describe('reset after 10 minutes of running', () => {
    // The entry is stale when the exit comes more than 600 s after the restart that recorded it.
    it('keeps backing off when each run lasts exactly 600 s', () => {
      const r = run(pod(spec), { cachedImages: ['app:1'], horizon: 2000, containers: { app: { runSeconds: 600, exitCode: 1 } } });
      assert.deepEqual(timesOf(r, 'Started'), [t0, t0 + 600, t0 + 1200 + 10, t0 + 1810 + 20]);
    });

    it('restarts at once every time when each run lasts 601 s', () => {
      const r = run(pod(spec), { cachedImages: ['app:1'], horizon: 2000, containers: { app: { runSeconds: 601, exitCode: 1 } } });
      assert.deepEqual(timesOf(r, 'Started'), [t0, t0 + 601, t0 + 1202, t0 + 1803]);
      assert.equal(eventsOf(r, 'BackOff').length, 0);
    });
  });
});
