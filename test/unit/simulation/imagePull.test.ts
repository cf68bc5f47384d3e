import * as assert from 'node:assert/strict';
import { PULL_FAIL_SECONDS, SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, eventsOf, phaseChanges, pod, podAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const f = PULL_FAIL_SECONDS;

// lifecycle.md §4.3: a failed pull gives ErrImagePull; syncs inside the back-off window give
// ImagePullBackOff; the next pull comes 10 s after the first failure, then 20, 40, 80, 160, 300, 300 s.
describe('simulation: image pull failure', () => {
  const waits = [10, 20, 40, 80, 160, 300, 300];
  const pulls = [t0];
  for (const wait of waits) pulls.push(pulls[pulls.length - 1] + f + wait);
  const failures = pulls.map((p) => p + f);
  const horizon = pulls[pulls.length - 1];
  const result = run(pod({ containers: [{ name: 'app', image: 'registry.example.com/team/app:9' }] }), { horizon, containers: { app: { pullFails: true } } });

  it('pulls again 10, 20, 40, 80, 160, 300, 300 s after each failure', () => {
    assert.deepEqual(timesOf(result, 'Pulling'), pulls);
    assert.deepEqual(timesOf(result, 'Failed', 'Error: ErrImagePull'), failures.slice(0, -1), 'the last pull is still under way at the horizon');
  });

  it('reports the failure in the kubelet\'s words and waits with ErrImagePull', () => {
    const [pullError] = eventsOf(result, 'Failed', 'Failed to pull image');
    assert.equal(pullError.type, 'Warning');
    assert.match(pullError.message, /^Failed to pull image "registry\.example\.com\/team\/app:9": rpc error: code = NotFound desc = failed to pull and unpack image "registry\.example\.com\/team\/app:9"/);
    const c = containerAt(result, failures[0], 'app');
    assert.deepEqual([c.state, c.reason], ['waiting', 'ErrImagePull']);
    assert.equal(podAt(result, failures[0]).status, 'ErrImagePull');
  });

  it('shows ImagePullBackOff after each failure while the window is open, with a Normal BackOff event', () => {
    for (let i = 0; i < waits.length; i++) {
      const inWindow = result.frames.filter((fr) => fr.at > failures[i] && fr.at < pulls[i + 1]);
      assert.ok(inWindow.some((fr) => fr.pods[0].containers[0].reason === 'ImagePullBackOff'), `no ImagePullBackOff between ${failures[i]} and ${pulls[i + 1]}`);
      assert.ok(timesOf(result, 'BackOff').some((at) => at > failures[i] && at < pulls[i + 1]));
    }
    const backoff = eventsOf(result, 'BackOff')[0];
    assert.deepEqual([backoff.type, backoff.message], ['Normal', 'Back-off pulling image "registry.example.com/team/app:9"']);
    assert.ok(eventsOf(result, 'Failed', 'Error: ImagePullBackOff').length >= waits.length);
  });

  it('keeps the pod Pending and never creates the container', () => {
    assert.deepEqual(phaseChanges(result), ['Pending@0']);
    assert.equal(eventsOf(result, 'Created').length, 0);
    assert.equal(podAt(result, horizon).conditions.Ready, 'False');
  });

  it('uses the pull time from the scenario, and the default when absent', () => {
    const slow = run(pod({ containers: [{ name: 'app', image: 'app:1' }] }), { pullSeconds: 42 });
    assert.deepEqual(timesOf(slow, 'Started'), [t0 + 42]);
  });

  it('pulls an image once per node: a second container with the same image waits for that pull', () => {
    const two = run(pod({ containers: [{ name: 'a', image: 'app:1' }, { name: 'b', image: 'app:1' }] }), { pullSeconds: 4 });
    assert.deepEqual(timesOf(two, 'Started'), [t0 + 4, t0 + 4]);
    assert.equal(eventsOf(two, 'Pulled', 'already present on machine').length, 1);
  });
});
