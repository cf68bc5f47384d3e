import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import type { SimulationResult } from '../../../server/src/simulation';
import { deployment, eventsOf, frameAt, run, timesOf } from './helpers';

const t0 = SANDBOX_SECONDS;
const images = ['app:1', 'app:2'];
const rolloutAt = 100;

/** `[desired, current, ready, available]` of the old and the new ReplicaSet at `at`. */
function counts(result: SimulationResult, at: number): number[][] {
  const sets = frameAt(result, at).replicaSets ?? [];
  return sets.map((rs) => [rs.desired, rs.current, rs.ready, rs.available]);
}

/** Every frame from the rollout on keeps Σcurrent ≤ replicas + maxSurge and Σavailable ≥ replicas − maxUnavailable. */
function assertFences(result: SimulationResult, replicas: number, surge: number, unavailable: number): void {
  for (const frame of result.frames.filter((f) => f.at >= rolloutAt)) {
    const sets = frame.replicaSets ?? [];
    const current = sets.reduce((n, rs) => n + rs.current, 0);
    const available = sets.reduce((n, rs) => n + rs.available, 0);
    assert.ok(current <= replicas + surge, `${current} pods at ${frame.at}`);
    assert.ok(available >= replicas - unavailable, `${available} available at ${frame.at}`);
    const live = frame.pods.filter((p) => !p.terminating).length;
    assert.equal(live, current, `pods in the frame match the ReplicaSet counts at ${frame.at}`);
  }
}

// lifecycle.md §9: defaults, ResolveFenceposts and the rolling-update algorithm (rolling.go).
// Pods use a cached image, so each is Ready one sandbox set-up (t0) after its creation.
describe('simulation: Deployment rolling update', () => {
  describe('replicas 4, maxSurge 1, maxUnavailable 0', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    const result = run(deployment({ replicas: 4, strategy }), { cachedImages: images, rolloutAt, rolloutImage: 'app:2' });

    it('creates the first ReplicaSet with all 4 replicas', () => {
      assert.deepEqual(counts(result, 0), [[4, 4, 0, 0]]);
      assert.deepEqual(counts(result, t0), [[4, 4, 4, 4]]);
      const [first] = eventsOf(result, 'ScalingReplicaSet');
      assert.match(first.message, /^Scaled up replica set web-[a-z0-9]+ from 0 to 4$/);
      assert.deepEqual([first.at, first.object, first.source], [0, 'deployment/web', 'deployment-controller']);
    });

    it('adds one new pod, and removes an old one only once the new one is available, at every step', () => {
      // Each step: a new pod becomes available one t0 later, one old pod goes, one more new pod comes.
      assert.deepEqual(counts(result, rolloutAt), [[4, 4, 4, 4], [1, 1, 0, 0]]);
      assert.deepEqual(counts(result, rolloutAt + t0), [[3, 3, 3, 3], [2, 2, 1, 1]]);
      assert.deepEqual(counts(result, rolloutAt + 2 * t0), [[2, 2, 2, 2], [3, 3, 2, 2]]);
      assert.deepEqual(counts(result, rolloutAt + 3 * t0), [[1, 1, 1, 1], [4, 4, 3, 3]]);
      assert.deepEqual(counts(result, rolloutAt + 4 * t0), [[0, 0, 0, 0], [4, 4, 4, 4]]);
      assert.equal(result.horizon, rolloutAt + 4 * t0);
      assertFences(result, 4, 1, 0);
    });

    it('records ScalingReplicaSet, SuccessfulCreate and SuccessfulDelete in the controllers\' words', () => {
      const scaling = eventsOf(result, 'ScalingReplicaSet').map((e) => `${e.at} ${e.message.replace(/web-[a-z0-9]+/, 'RS')}`);
      assert.deepEqual(scaling, [
        '0 Scaled up replica set RS from 0 to 4',
        `${rolloutAt} Scaled up replica set RS from 0 to 1`,
        `${rolloutAt + 1} Scaled down replica set RS to 3 from 4`,
        `${rolloutAt + 1} Scaled up replica set RS to 2 from 1`,
        `${rolloutAt + 2} Scaled down replica set RS to 2 from 3`,
        `${rolloutAt + 2} Scaled up replica set RS to 3 from 2`,
        `${rolloutAt + 3} Scaled down replica set RS to 1 from 2`,
        `${rolloutAt + 3} Scaled up replica set RS to 4 from 3`,
        `${rolloutAt + 4} Scaled down replica set RS to 0 from 1`,
      ]);
      assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 0, 0, 0, rolloutAt, rolloutAt + 1, rolloutAt + 2, rolloutAt + 3]);
      assert.deepEqual(timesOf(result, 'SuccessfulDelete'), [rolloutAt + 1, rolloutAt + 2, rolloutAt + 3, rolloutAt + 4]);
      const [created] = eventsOf(result, 'SuccessfulCreate');
      assert.match(created.message, /^Created pod: web-[a-z0-9]+-[a-z0-9]{5}$/);
      assert.deepEqual([created.source, created.object.startsWith('replicaset/web-')], ['replicaset-controller', true]);
      assert.match(eventsOf(result, 'SuccessfulDelete')[0].message, /^Deleted pod: web-/);
    });

    it('runs the new revision\'s image in the new pods', () => {
      const newPods = frameAt(result, result.horizon).pods;
      assert.ok(newPods.every((p) => p.revision === 2));
      assert.equal(eventsOf(result, 'Pulled', 'Container image "app:2"').length, 4);
    });
  });

  describe('the defaults (25%/25%) with replicas 4: surge 1, unavailable 1', () => {
    const result = run(deployment({ replicas: 4 }), { cachedImages: images, rolloutAt, rolloutImage: 'app:2' });

    it('scales in steps of two: one surge pod plus one unavailable slot', () => {
      // At the rollout: new RS 1 (surge), old down to 3 (one may be unavailable), new up to 2.
      assert.deepEqual(counts(result, rolloutAt), [[3, 3, 3, 3], [2, 2, 0, 0]]);
      // Both new pods available: old down by 2 to 1, new up to 4.
      assert.deepEqual(counts(result, rolloutAt + t0), [[1, 1, 1, 1], [4, 4, 2, 2]]);
      assert.deepEqual(counts(result, rolloutAt + 2 * t0), [[0, 0, 0, 0], [4, 4, 4, 4]]);
      assertFences(result, 4, 1, 1);
    });
  });

  describe('minReadySeconds', () => {
    const strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    const result = run(deployment({ replicas: 4, strategy, minReadySeconds: 5 }), { cachedImages: images, rolloutAt, rolloutImage: 'app:2' });

    it('counts a pod available only 5 s after it became Ready, and paces the rollout by it', () => {
      const step = t0 + 5;
      assert.deepEqual(counts(result, rolloutAt + t0), [[4, 4, 4, 4], [1, 1, 1, 0]]);
      assert.deepEqual(counts(result, rolloutAt + step), [[3, 3, 3, 3], [2, 2, 1, 1]]);
      assert.deepEqual(counts(result, rolloutAt + 4 * step), [[0, 0, 0, 0], [4, 4, 4, 4]]);
      assertFences(result, 4, 1, 0);
    });
  });

  describe('a new revision that never becomes ready', () => {
    const strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    const container = { name: 'app', image: 'app:1', readinessProbe: { httpGet: { path: '/', port: 80 } } };
    const result = run(deployment({ replicas: 4, strategy }, container), {
      cachedImages: images, rolloutAt, rolloutImage: 'app:2', horizon: 400,
      rolloutContainers: { app: { readyAfterSeconds: 100000 } },
    });

    it('stops at one surge pod and keeps all old pods', () => {
      assert.deepEqual(counts(result, 400), [[4, 4, 4, 4], [1, 1, 0, 0]]);
      assertFences(result, 4, 1, 0);
    });
  });
});

// lifecycle.md §9.4: Recreate scales the old ReplicaSets to 0, waits until no old pod is left, then creates the new one.
describe('simulation: Deployment Recreate', () => {
  it('waits for every old pod to stop before creating the new ReplicaSet at full size', () => {
    const result = run(deployment({ replicas: 3, strategy: { type: 'Recreate' } }), {
      cachedImages: images, rolloutAt, rolloutImage: 'app:2', containers: { app: { sigtermExitSeconds: 8 } },
    });
    assert.deepEqual(counts(result, rolloutAt), [[0, 0, 0, 0]]);
    assert.equal(frameAt(result, rolloutAt).pods.filter((p) => p.terminating).length, 3);
    assert.deepEqual(counts(result, rolloutAt + 7), [[0, 0, 0, 0]]);
    assert.deepEqual(counts(result, rolloutAt + 8), [[0, 0, 0, 0], [3, 3, 0, 0]]);
    assert.deepEqual(counts(result, rolloutAt + 8 + t0), [[0, 0, 0, 0], [3, 3, 3, 3]]);
    const scaling = eventsOf(result, 'ScalingReplicaSet').map((e) => `${e.at} ${e.message.replace(/web-[a-z0-9]+/, 'RS')}`);
    assert.deepEqual(scaling, ['0 Scaled up replica set RS from 0 to 3', `${rolloutAt} Scaled down replica set RS to 0 from 3`, `${rolloutAt + 8} Scaled up replica set RS from 0 to 3`]);
    assert.deepEqual(timesOf(result, 'SuccessfulDelete'), [rolloutAt, rolloutAt, rolloutAt]);
  });
});

describe('simulation: rolling update arithmetic (ResolveFenceposts)', () => {
  // lifecycle.md §9.2 examples, observed through the first step of a rollout.
  const cases: Array<[number, unknown, unknown, number]> = [
    // replicas, maxSurge, maxUnavailable, pods right after the rollout starts (old + new, not terminating)
    [10, undefined, undefined, 10 + 3],
    [1, undefined, undefined, 1 + 1],
  ];
  for (const [replicas, maxSurge, maxUnavailable, total] of cases) {
    it(`replicas ${replicas} with the defaults allows ${total - replicas} surge pod(s)`, () => {
      const rollingUpdate = { ...(maxSurge !== undefined ? { maxSurge } : {}), ...(maxUnavailable !== undefined ? { maxUnavailable } : {}) };
      const result = run(deployment({ replicas, strategy: { rollingUpdate } }), { cachedImages: images, rolloutAt, rolloutImage: 'app:2' });
      const sets = frameAt(result, rolloutAt).replicaSets ?? [];
      assert.equal(sets.reduce((n, rs) => n + rs.current, 0), total);
    });
  }

  it('replicas 2 with maxSurge 0 and maxUnavailable 1%: both round to 0, so one pod may be unavailable', () => {
    const result = run(deployment({ replicas: 2, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '1%' } } }), { cachedImages: images, rolloutAt, rolloutImage: 'app:2' });
    assert.deepEqual(counts(result, rolloutAt), [[1, 1, 1, 1], [1, 1, 0, 0]]);
    assertFences(result, 2, 0, 1);
  });
});
