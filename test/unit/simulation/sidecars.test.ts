import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, containerStory, eventsOf, goneAt, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const images = ['proxy:1', 'log:1', 'migrate:1', 'app:1'];

// lifecycle.md §6 (KEP-753): a sidecar is an init container with restartPolicy Always.
describe('simulation: native sidecars', () => {
  describe('start order', () => {
    // The startup probe ticks at start + 3 + 2k: t0+3 and t0+5 fail (under 6 s), t0+7 succeeds (§5).
    const spec = {
      initContainers: [
        { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', startupProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 2 } },
        { name: 'migrate', image: 'migrate:1' },
      ],
      containers: [{ name: 'app', image: 'app:1' }],
    };
    const result = run(pod(spec), { cachedImages: images, containers: { proxy: { startedAfterSeconds: 6 }, migrate: { runSeconds: 2 } } });

    it('starts the next init container only once the sidecar runs and its startup probe succeeded', () => {
      assert.deepEqual(timesOf(result, 'Unhealthy', 'Startup probe failed'), [t0 + 3, t0 + 5]);
      assert.deepEqual(timesOf(result, 'Started', 'container migrate'), [t0 + 7]);
      assert.deepEqual(timesOf(result, 'Started', 'container app'), [t0 + 9]);
      assert.equal(containerAt(result, t0 + 5, 'proxy').started, false);
      assert.equal(containerAt(result, t0 + 7, 'proxy').started, true);
    });

    it('keeps the pod Pending while the sidecar has not started, and counts it toward readiness once running', () => {
      assert.equal(podAt(result, t0 + 5).phase, 'Pending');
      assert.equal(podAt(result, t0 + 5).status, 'Init:0/2');
      assert.equal(podAt(result, t0 + 7).status, 'Init:1/2');
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0 + 9}`]);
      assert.equal(podAt(result, t0 + 9).conditions.Ready, 'True');
    });

    it('does not wait for the sidecar readiness probe before the next init container', () => {
      const ready = {
        initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 } }],
        containers: [{ name: 'app', image: 'app:1' }],
      };
      const r = run(pod(ready), { cachedImages: images, containers: { proxy: { readyAfterSeconds: 25 } } });
      assert.deepEqual(timesOf(r, 'Started', 'container app'), [t0]);
      // The sidecar's readiness counts toward ContainersReady (§3): probes at t0, t0+10, t0+20 fail, t0+30 passes.
      assert.equal(podAt(r, t0 + 29).conditions.ContainersReady, 'False');
      assert.equal(podAt(r, t0 + 30).conditions.ContainersReady, 'True');
    });
  });

  describe('stop order', () => {
    const spec = {
      initContainers: [
        { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' },
        { name: 'log', image: 'log:1', restartPolicy: 'Always' },
      ],
      containers: [{ name: 'app', image: 'app:1' }],
    };
    const deleteAt = 20;
    const result = run(pod(spec), {
      cachedImages: images, deleteAt,
      containers: { app: { sigtermExitSeconds: 5 }, log: { sigtermExitSeconds: 3 }, proxy: { sigtermExitSeconds: 1 } },
    });

    it('records Killing for every container when the kill starts', () => {
      assert.deepEqual(eventsOf(result, 'Killing').map((e) => `${e.message}@${e.at}`).sort(), [
        `Stopping container app@${deleteAt}`, `Stopping container log@${deleteAt}`, `Stopping container proxy@${deleteAt}`,
      ]);
    });

    it('stops app containers first, then the sidecars in reverse spec order', () => {
      // app exits 5 s after its SIGTERM; log gets SIGTERM then and exits 3 s later; proxy last, 1 s later.
      assert.equal(containerAt(result, deleteAt + 4, 'app').state, 'running');
      assert.equal(containerAt(result, deleteAt + 5, 'app').state, 'terminated');
      assert.equal(containerAt(result, deleteAt + 5, 'log').state, 'running');
      assert.equal(containerAt(result, deleteAt + 7, 'log').state, 'running');
      assert.equal(containerAt(result, deleteAt + 8, 'log').state, 'terminated');
      assert.equal(containerAt(result, deleteAt + 8, 'proxy').state, 'running');
      assert.equal(goneAt(result, 'web'), deleteAt + 9);
      assert.equal(podAt(result, deleteAt + 8).status, 'Terminating');
    });

    it('spends one grace budget: when it runs out, the running sidecar is SIGKILLed and the waiting one gets the 2 s minimum', () => {
      const slow = run(pod({ ...spec, terminationGracePeriodSeconds: 10 }), {
        cachedImages: images, deleteAt, containers: { app: { sigtermExitSeconds: 6 }, log: { sigtermExitSeconds: 60 }, proxy: { sigtermExitSeconds: 60 } },
      });
      // app exits at +6; log gets SIGTERM then with the 4 s left, so SIGKILL at +10 (exit 137);
      // proxy's turn-wait ends with the grace at +10 and it is stopped with the 2 s minimum grace (§6, §7.1).
      assert.equal(containerAt(slow, deleteAt + 9, 'log').state, 'running');
      const log = containerAt(slow, deleteAt + 10, 'log');
      assert.deepEqual([log.state, log.exitCode], ['terminated', 137]);
      assert.equal(containerAt(slow, deleteAt + 11, 'proxy').state, 'running');
      assert.equal(goneAt(slow, 'web'), deleteAt + 12);
    });
  });

  describe('completion', () => {
    const spec = {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'app:1' }],
    };

    it('does not keep the pod from Succeeded: the kubelet stops the sidecar and the phase follows the app containers', () => {
      const result = run(pod(spec), { cachedImages: images, containers: { app: { runSeconds: 5 }, proxy: { sigtermExitSeconds: 2, sigtermExitCode: 1 } } });
      // While the sidecar still runs the pod is Running (§1.1 step D3); once it stopped, Succeeded from the app's exit 0.
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`, `Succeeded@${t0 + 7}`]);
      assert.deepEqual(eventsOf(result, 'Killing').map((e) => `${e.message}@${e.at}`), [`Stopping container proxy@${t0 + 5}`]);
      const sidecar = containerAt(result, t0 + 7, 'proxy');
      assert.deepEqual([sidecar.state, sidecar.exitCode], ['terminated', 1]);
      assert.equal(podAt(result, t0 + 7).status, 'Completed');
      assert.equal(podAt(result, t0 + 7).conditions.ContainersReady, 'False');
      assert.equal(result.horizon, t0 + 7);
    });

    it('is restarted whatever it exits with while the app runs, without moving the pod back to Pending', () => {
      const result = run(pod({ ...spec, restartPolicy: 'Always' }), { cachedImages: images, horizon: 60, containers: { proxy: { runSeconds: 4, exitCode: 0 } } });
      assert.deepEqual(timesOf(result, 'Started', 'container proxy'), [t0, t0 + 4, t0 + 8 + 10, t0 + 22 + 20]);
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0}`]);
      assert.equal(podAt(result, t0 + 9).conditions.Initialized, 'True');
      assert.deepEqual(containerStory(result, 'app'), [`Created@${t0}`, `Started@${t0}`]);
    });
  });
});
