import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const cached = ['app:1'];
const withProbes = (probes: Record<string, unknown>, podFields: Record<string, unknown> = {}): Record<string, unknown> =>
  pod({ ...podFields, containers: [{ name: 'app', image: 'app:1', ...probes }] });
const http = { httpGet: { path: '/healthz', port: 8080 } };

// lifecycle.md §5: probes run at start + initialDelaySeconds + k·periodSeconds (defaults 0, 10);
// the result flips after failureThreshold failures (default 3) or successThreshold successes (default 1).
describe('simulation: probes', () => {
  describe('liveness', () => {
    it('restarts the container on the third failed probe with the default fields', () => {
      const result = run(withProbes({ livenessProbe: http }), { cachedImages: cached, horizon: 95, containers: { app: { livenessFailsAfterSeconds: 15 } } });
      // First instance from t0: probes at t0, +10, +20, …; failing from t0+15: +20, +30, +40 fail → killed at t0+40.
      assert.deepEqual(timesOf(result, 'Unhealthy').slice(0, 3), [t0 + 20, t0 + 30, t0 + 40]);
      const killing = eventsOf(result, 'Killing');
      assert.equal(killing[0].at, t0 + 40);
      assert.equal(killing[0].message, 'Container app failed liveness probe, will be restarted');
      assert.equal(eventsOf(result, 'Unhealthy')[0].message, 'Liveness probe failed: HTTP probe failed with statuscode: 503');
      // It exits on SIGTERM at once (143); the first restart is immediate. The new instance's probes count
      // afresh from its start and fail at +20, +30, +40 again; the second restart waits 10 s (§4.2).
      const second = t0 + 40;
      assert.deepEqual(timesOf(result, 'Killing'), [second, second + 40]);
      assert.deepEqual(timesOf(result, 'Started'), [t0, second, second + 40 + 10]);
      assert.deepEqual(containerAt(result, second, 'app').lastState, { reason: 'Error', exitCode: 143 });
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
    });

    it('follows initialDelaySeconds, periodSeconds and failureThreshold', () => {
      const probe = { ...http, initialDelaySeconds: 5, periodSeconds: 4, failureThreshold: 2 };
      const result = run(withProbes({ livenessProbe: probe }), { cachedImages: cached, horizon: 16, containers: { app: { livenessFailsAfterSeconds: 9 } } });
      // Probes at t0+5, t0+9, t0+13: failing from t0+9, the second failure (t0+13) reaches the threshold.
      assert.deepEqual(timesOf(result, 'Unhealthy'), [t0 + 9, t0 + 13]);
      assert.deepEqual(timesOf(result, 'Killing'), [t0 + 13]);
    });

    it('uses the probe-level terminationGracePeriodSeconds for the kill, then SIGKILL (137)', () => {
      const probe = { ...http, periodSeconds: 5, failureThreshold: 1, terminationGracePeriodSeconds: 4 };
      const result = run(withProbes({ livenessProbe: probe }), { cachedImages: cached, horizon: 12, containers: { app: { livenessFailsAfterSeconds: 5, sigtermExitSeconds: 100 } } });
      assert.deepEqual(timesOf(result, 'Killing'), [t0 + 5]);
      assert.equal(containerAt(result, t0 + 8, 'app').state, 'running');
      assert.deepEqual(timesOf(result, 'Started'), [t0, t0 + 9]);
      assert.deepEqual(containerAt(result, t0 + 9, 'app').lastState, { reason: 'Error', exitCode: 137 });
    });

    it('under restartPolicy Never leaves the container terminated and the pod Failed', () => {
      const result = run(withProbes({ livenessProbe: { ...http, periodSeconds: 5, failureThreshold: 1 } }, { restartPolicy: 'Never' }), { cachedImages: cached, containers: { app: { livenessFailsAfterSeconds: 5 } } });
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Failed@${t0 + 5}`]);
      assert.deepEqual([containerAt(result, t0 + 5, 'app').exitCode, timesOf(result, 'Started').length], [143, 1]);
    });
  });

  describe('readiness', () => {
    it('keeps Ready False until the first successful probe; the pod is Running meanwhile and nothing restarts', () => {
      const result = run(withProbes({ readinessProbe: http }), { cachedImages: cached, containers: { app: { readyAfterSeconds: 25 } } });
      // Probes at t0, t0+10, t0+20 fail; t0+30 succeeds.
      assert.deepEqual(timesOf(result, 'Unhealthy'), [t0, t0 + 10, t0 + 20]);
      assert.equal(eventsOf(result, 'Unhealthy')[0].message, 'Readiness probe failed: HTTP probe failed with statuscode: 503');
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
      const before = podAt(result, t0 + 29);
      assert.deepEqual([before.conditions.ContainersReady, before.conditions.Ready, before.containers[0].ready], ['False', 'False', false]);
      const after = podAt(result, t0 + 30);
      assert.deepEqual([after.conditions.ContainersReady, after.conditions.Ready, after.containers[0].ready], ['True', 'True', true]);
      assert.equal(eventsOf(result, 'Killing').length, 0);
      assert.equal(result.horizon, t0 + 30);
    });

    it('needs successThreshold successes in a row', () => {
      const result = run(withProbes({ readinessProbe: { ...http, successThreshold: 2, periodSeconds: 5 } }), { cachedImages: cached, containers: { app: { readyAfterSeconds: 7 } } });
      // Probes at t0, +5 fail; +10 and +15 succeed: Ready at t0+15.
      assert.equal(podAt(result, t0 + 14).conditions.Ready, 'False');
      assert.equal(podAt(result, t0 + 15).conditions.Ready, 'True');
    });

    it('is not ready before a probe passes, even when it would pass at once', () => {
      const result = run(withProbes({ readinessProbe: { ...http, initialDelaySeconds: 5 } }), { cachedImages: cached });
      assert.equal(podAt(result, t0 + 4).conditions.Ready, 'False');
      assert.equal(podAt(result, t0 + 5).conditions.Ready, 'True');
    });

    it('leaves Ready False under readinessGates nobody sets, while ContainersReady is True', () => {
      const result = run(pod({ readinessGates: [{ conditionType: 'example.com/gate' }], containers: [{ name: 'app', image: 'app:1' }] }), { cachedImages: cached });
      assert.deepEqual([podAt(result, t0).conditions.ContainersReady, podAt(result, t0).conditions.Ready], ['True', 'False']);
    });
  });

  describe('startup', () => {
    it('holds liveness and readiness until it succeeds and kills the container after failureThreshold failures', () => {
      const probes = { startupProbe: http, livenessProbe: { ...http, failureThreshold: 1 }, readinessProbe: http };
      const result = run(withProbes(probes), { cachedImages: cached, horizon: 25, containers: { app: { startedAfterSeconds: 100, livenessFailsAfterSeconds: 0 } } });
      assert.deepEqual(eventsOf(result, 'Unhealthy').map((e) => `${e.message.split(':')[0]}@${e.at}`), [
        `Startup probe failed@${t0}`, `Startup probe failed@${t0 + 10}`, `Startup probe failed@${t0 + 20}`,
        // The restarted instance (immediate first restart) is probed from its own start.
        `Startup probe failed@${t0 + 20}`,
      ]);
      assert.equal(eventsOf(result, 'Killing')[0].message, 'Container app failed startup probe, will be restarted');
      assert.deepEqual(timesOf(result, 'Killing'), [t0 + 20]);
      assert.equal(containerAt(result, t0 + 10, 'app').started, false);
    });
  });
});
