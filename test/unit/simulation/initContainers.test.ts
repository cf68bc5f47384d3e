import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, containerStory, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const images = ['init-a:1', 'init-b:1', 'app:1'];
const t0 = SANDBOX_SECONDS;

// lifecycle.md §1.2, §2.1, §2.3, §3, W-init: init containers run one by one, each to exit 0, before any app container.
describe('simulation: init containers', () => {
  const spec = {
    initContainers: [{ name: 'init-a', image: 'init-a:1' }, { name: 'init-b', image: 'init-b:1' }],
    containers: [{ name: 'app', image: 'app:1' }],
  };

  describe('two init containers that succeed', () => {
    const result = run(pod(spec), { cachedImages: images, containers: { 'init-a': { runSeconds: 3 }, 'init-b': { runSeconds: 4 } } });

    it('runs them in spec order, each after the previous exits 0, then the app container', () => {
      assert.deepEqual(containerStory(result, 'init-a'), [`Created@${t0}`, `Started@${t0}`]);
      assert.deepEqual(containerStory(result, 'init-b'), [`Created@${t0 + 3}`, `Started@${t0 + 3}`]);
      assert.deepEqual(containerStory(result, 'app'), [`Created@${t0 + 7}`, `Started@${t0 + 7}`]);
    });

    it('shows PodInitializing, Init:i/N and Completed init containers while the pod stays Pending', () => {
      assert.equal(containerAt(result, 0, 'app').reason, 'PodInitializing');
      assert.equal(containerAt(result, 0, 'init-a').reason, 'PodInitializing');
      assert.equal(podAt(result, t0).status, 'Init:0/2');
      assert.equal(podAt(result, t0 + 3).status, 'Init:1/2');
      const done = containerAt(result, t0 + 3, 'init-a');
      assert.deepEqual([done.state, done.reason, done.exitCode], ['terminated', 'Completed', 0]);
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${t0 + 7}`]);
    });

    it('keeps Initialized False until the last init container completes', () => {
      assert.equal(podAt(result, t0 + 6).conditions.Initialized, 'False');
      assert.equal(podAt(result, t0 + 7).conditions.Initialized, 'True');
      assert.equal(podAt(result, t0 + 7).conditions.Ready, 'True');
    });

    it('uses a short default run that exits 0 for init containers the scenario does not describe', () => {
      const plain = run(pod(spec), { cachedImages: images });
      const [appStart] = timesOf(plain, 'Started', 'container app');
      assert.ok(appStart > t0, 'the app waits for both init runs');
      assert.equal(podAt(plain, plain.horizon).phase, 'Running');
    });
  });

  describe('an init container that fails', () => {
    const failing = { cachedImages: images, containers: { 'init-a': { runSeconds: 3, exitCode: 1 } } };

    it('fails the pod at once under restartPolicy Never; app containers never start', () => {
      const result = run(pod({ ...spec, restartPolicy: 'Never' }), failing);
      assert.deepEqual(phaseChanges(result), ['Pending@0', `Failed@${t0 + 3}`]);
      const init = containerAt(result, t0 + 3, 'init-a');
      assert.deepEqual([init.state, init.reason, init.exitCode, init.restartCount], ['terminated', 'Error', 1, 0]);
      assert.equal(podAt(result, t0 + 3).status, 'Init:Error');
      assert.equal(containerAt(result, t0 + 3, 'app').reason, 'PodInitializing');
      assert.deepEqual(containerStory(result, 'init-b'), []);
      assert.deepEqual(containerStory(result, 'app'), []);
      assert.equal(result.horizon, t0 + 3, 'nothing happens after the pod failed');
    });

    for (const restartPolicy of ['Always', 'OnFailure']) {
      it(`retries it with the crash back-off under restartPolicy ${restartPolicy}; the pod stays Pending (Init:CrashLoopBackOff)`, () => {
        const result = run(pod({ ...spec, restartPolicy }), { ...failing, horizon: 120 });
        // Runs of 3 s; first restart at once, then waits of 10, 20, 40 s after each exit (§4.2).
        const starts = [t0, t0 + 3, t0 + 6 + 10, t0 + 19 + 20, t0 + 42 + 40];
        assert.deepEqual(timesOf(result, 'Started', 'container init-a'), starts);
        assert.deepEqual(phaseChanges(result), ['Pending@0']);
        const waiting = containerAt(result, t0 + 7, 'init-a');
        assert.deepEqual([waiting.state, waiting.reason, waiting.restartCount, waiting.lastState], ['waiting', 'CrashLoopBackOff', 1, { reason: 'Error', exitCode: 1 }]);
        assert.equal(podAt(result, t0 + 7).status, 'Init:CrashLoopBackOff');
        assert.equal(podAt(result, t0 + 7).conditions.Initialized, 'False');
        assert.deepEqual(containerStory(result, 'init-b'), []);
        assert.deepEqual(timesOf(result, 'BackOff'), [t0 + 6, t0 + 19, t0 + 42, t0 + 85]);
      });
    }

    it('does not re-run an init container that exited 0, even under Always', () => {
      const result = run(pod(spec), { cachedImages: images, horizon: 600, containers: { app: { runSeconds: 5, exitCode: 1 } } });
      assert.equal(timesOf(result, 'Started', 'container init-a').length, 1);
      assert.ok(timesOf(result, 'Started', 'container app').length > 3, 'the app container crash-loops meanwhile');
      assert.equal(eventsOf(result, 'BackOff', 'init-a').length, 0);
    });
  });
});
