import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

// lifecycle.md §8: a normal start reads Scheduled → Pulling → Pulled → Created → Started;
// §1.1: Pending until a container runs, then Running; §3: the conditions.
describe('simulation: a normal pod start', () => {
  const spec = { containers: [{ name: 'app', image: 'nginx:1.27' }] };
  const pull = 7;
  const result = run(pod(spec), { pullSeconds: pull });
  const started = SANDBOX_SECONDS + pull;

  it('records Scheduled, Pulling, Pulled, Created, Started in that order with the scheduler and kubelet as sources', () => {
    assert.deepEqual(result.events.map((e) => `${e.reason}@${e.at}`), [
      'Scheduled@0', `Pulling@${SANDBOX_SECONDS}`, `Pulled@${started}`, `Created@${started}`, `Started@${started}`,
    ]);
    assert.equal(result.events[0].source, 'default-scheduler');
    assert.match(result.events[0].message, /^Successfully assigned default\/web to node-\d$/);
    assert.equal(eventsOf(result, 'Pulling')[0].message, 'Pulling image "nginx:1.27"');
    assert.match(eventsOf(result, 'Pulled')[0].message, /^Successfully pulled image "nginx:1\.27" in 7s \(7s including waiting\)\.$/);
    assert.equal(eventsOf(result, 'Created')[0].message, 'Created container: app');
    assert.equal(eventsOf(result, 'Started')[0].message, 'Started container app');
    assert.ok(result.events.every((e) => e.object === 'pod/web' && e.type === 'Normal'));
  });

  it('is Pending with ContainerCreating until the container starts, then Running', () => {
    assert.deepEqual(phaseChanges(result), ['Pending@0', `Running@${started}`]);
    const waiting = containerAt(result, started - 1, 'app');
    assert.deepEqual([waiting.state, waiting.reason, waiting.ready, waiting.restartCount], ['waiting', 'ContainerCreating', false, 0]);
    assert.equal(podAt(result, started - 1).status, 'ContainerCreating');
    const running = containerAt(result, started, 'app');
    assert.deepEqual([running.state, running.ready, running.started], ['running', true, true]);
    assert.equal(podAt(result, started).status, 'Running');
  });

  it('derives the conditions: scheduled at once, initialized at once without init containers, ready once the container runs', () => {
    assert.deepEqual(podAt(result, 0).conditions, {
      PodScheduled: 'True', PodReadyToStartContainers: 'False', Initialized: 'True', ContainersReady: 'False', Ready: 'False',
    });
    assert.equal(podAt(result, SANDBOX_SECONDS).conditions.PodReadyToStartContainers, 'True');
    assert.deepEqual(podAt(result, started).conditions, {
      PodScheduled: 'True', PodReadyToStartContainers: 'True', Initialized: 'True', ContainersReady: 'True', Ready: 'True',
    });
  });

  it('stops once nothing changes any more when no horizon is given', () => {
    assert.equal(result.horizon, started);
    assert.deepEqual(result.resource, { kind: 'Pod', name: 'web' });
  });

  it('skips the pull of an image already on the node under IfNotPresent', () => {
    const cached = run(pod(spec), { cachedImages: ['nginx:1.27'] });
    assert.deepEqual(cached.events.map((e) => e.reason), ['Scheduled', 'Pulled', 'Created', 'Started']);
    assert.equal(eventsOf(cached, 'Pulled')[0].message, 'Container image "nginx:1.27" already present on machine');
    assert.deepEqual(timesOf(cached, 'Started'), [SANDBOX_SECONDS]);
  });

  it('checks the registry on every start for :latest (default pull policy Always) even when the image is cached', () => {
    const latest = run(pod({ containers: [{ name: 'app', image: 'nginx' }] }), { cachedImages: ['nginx'] });
    assert.deepEqual(latest.events.map((e) => e.reason), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('never pulls under imagePullPolicy Never and waits with ErrImageNeverPull when the image is absent', () => {
    const never = run(pod({ containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Never' }] }));
    const event = eventsOf(never, 'ErrImageNeverPull')[0];
    assert.equal(event.type, 'Warning');
    assert.equal(event.message, 'Container image "nginx:1.27" is not present with pull policy of Never');
    assert.equal(containerAt(never, never.horizon, 'app').reason, 'ErrImageNeverPull');
    assert.equal(eventsOf(never, 'Pulling').length, 0);
    assert.equal(podAt(never, never.horizon).phase, 'Pending');
  });

  it('starts app containers one after another in spec order, pulling each image inside the sync', () => {
    const two = run(pod({ containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] }), { pullSeconds: 3 });
    assert.deepEqual(two.events.slice(1).map((e) => `${e.reason}@${e.at}`), [
      `Pulling@${SANDBOX_SECONDS}`, `Pulled@${SANDBOX_SECONDS + 3}`, `Created@${SANDBOX_SECONDS + 3}`, `Started@${SANDBOX_SECONDS + 3}`,
      `Pulling@${SANDBOX_SECONDS + 3}`, `Pulled@${SANDBOX_SECONDS + 6}`, `Created@${SANDBOX_SECONDS + 6}`, `Started@${SANDBOX_SECONDS + 6}`,
    ]);
    // One container running and one still waiting: the pod is Pending (§1.1 step D2).
    assert.equal(podAt(two, SANDBOX_SECONDS + 3).phase, 'Pending');
    assert.equal(podAt(two, SANDBOX_SECONDS + 6).phase, 'Running');
  });
});
