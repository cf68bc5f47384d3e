import * as assert from 'node:assert/strict';
import type { Scenario, SimulationResult } from '../../../server/src/simulation';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { deployment, frameAt, run, type Json } from './helpers';

// workloads.md §4: conditions in SetDeploymentCondition order (a changed condition moves last), the progress
// deadline counted from lastUpdateTime and seen one second after it passes, kubectl rollout status wording.
// Images are cached, so a pod is Ready one sandbox set-up (t0) after its creation.
const t0 = SANDBOX_SECONDS;
const rolloutAt = 100;
const images = { cachedImages: ['app:1', 'app:2'] };

function conditions(result: SimulationResult, at: number): string[] {
  return (frameAt(result, at).deployment?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}`);
}

/** The rollout status lines from `from` on, each once, in order (what `kubectl rollout status` prints, deduplicated). */
function statusLines(result: SimulationResult, from = 0): string[] {
  const lines: string[] = [];
  for (const frame of result.frames) {
    const line = frame.deployment?.rolloutStatus;
    if (frame.at >= from && line && line !== lines.at(-1)) lines.push(line);
  }
  return lines;
}

const three = (spec: Json = {}): Json => deployment({ replicas: 3, ...spec });

describe('simulation: Deployment status', () => {
  const cases: { name: string; resource: Json; scenario: Scenario; check: (r: SimulationResult) => void }[] = [
    {
      name: 'a new Deployment: NewReplicaSetCreated and MinimumReplicasUnavailable, then MinimumReplicasAvailable and NewReplicaSetAvailable',
      resource: three(), scenario: images,
      check: (r) => {
        assert.deepEqual(conditions(r, 0), ['Progressing=True NewReplicaSetCreated', 'Available=False MinimumReplicasUnavailable']);
        assert.deepEqual(conditions(r, t0), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetAvailable']);
        const [available, progressing] = frameAt(r, t0).deployment?.conditions ?? [];
        assert.equal(available.message, 'Deployment has minimum availability.');
        const rs = frameAt(r, 0).replicaSets?.[0].name;
        assert.equal(frameAt(r, 0).deployment?.conditions[0].message, `Created new replica set "${rs}"`);
        assert.equal(progressing.message, `ReplicaSet "${rs}" has successfully progressed.`);
        assert.deepEqual([progressing.at, progressing.updatedAt], [0, t0], 'the transition time stays while the status stays True');
        assert.deepEqual(statusLines(r), ['Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...', 'deployment "web" successfully rolled out']);
      },
    },
    {
      name: 'a rolling update: rollout status walks through updated, pending termination and done, as kubectl prints it',
      resource: three(), scenario: { ...images, rolloutAt, rolloutImage: 'app:2' },
      check: (r) => {
        assert.deepEqual(statusLines(r, rolloutAt), [
          'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
          'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
          'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
          'deployment "web" successfully rolled out',
        ]);
        assert.deepEqual(conditions(r, rolloutAt), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetCreated']);
        assert.deepEqual(conditions(r, rolloutAt + t0), ['Available=True MinimumReplicasAvailable', 'Progressing=True ReplicaSetUpdated']);
        const newRS = frameAt(r, rolloutAt).replicaSets?.[1].name;
        assert.equal(frameAt(r, rolloutAt + t0).deployment?.conditions[1].message, `ReplicaSet "${newRS}" is progressing.`);
      },
    },
    {
      name: 'a new image that never pulls: ProgressDeadlineExceeded one second after progressDeadlineSeconds without progress',
      resource: three({ progressDeadlineSeconds: 30 }),
      scenario: { ...images, rolloutAt, rolloutImage: 'app:3', rolloutContainers: { app: { pullFails: true } } },
      check: (r) => {
        const deadline = rolloutAt + 30 + 1;
        assert.deepEqual(conditions(r, deadline - 1), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetCreated']);
        assert.deepEqual(conditions(r, deadline), ['Available=True MinimumReplicasAvailable', 'Progressing=False ProgressDeadlineExceeded']);
        const newRS = frameAt(r, rolloutAt).replicaSets?.[1].name;
        assert.equal(frameAt(r, deadline).deployment?.conditions[1].message, `ReplicaSet "${newRS}" has timed out progressing.`);
        assert.equal(frameAt(r, deadline).deployment?.rolloutStatus, 'error: deployment "web" exceeded its progress deadline');
        assert.deepEqual(frameAt(r, deadline).replicaSets?.map((rs) => rs.desired), [3, 1], 'the timeout does not stop or roll back anything');
      },
    },
    {
      name: 'the default progress deadline is 600 s',
      resource: three(), scenario: { ...images, rolloutAt, rolloutImage: 'app:3', rolloutContainers: { app: { pullFails: true } }, horizon: 800 },
      check: (r) => {
        assert.equal(conditions(r, rolloutAt + 600).at(-1), 'Progressing=True NewReplicaSetCreated');
        assert.equal(conditions(r, rolloutAt + 601).at(-1), 'Progressing=False ProgressDeadlineExceeded');
      },
    },
    {
      name: 'progressDeadlineSeconds at MaxInt32: no Progressing condition at all',
      resource: three({ progressDeadlineSeconds: 2147483647 }), scenario: images,
      check: (r) => assert.deepEqual(conditions(r, t0), ['Available=True MinimumReplicasAvailable']),
    },
    {
      name: 'paused: no ReplicaSet and no pod, Progressing Unknown DeploymentPaused, and no progress deadline',
      resource: three({ paused: true, progressDeadlineSeconds: 30 }), scenario: { ...images, rolloutAt, rolloutImage: 'app:2', horizon: 200 },
      check: (r) => {
        assert.deepEqual(conditions(r, 0), ['Progressing=Unknown DeploymentPaused', 'Available=False MinimumReplicasUnavailable']);
        assert.equal(frameAt(r, 0).deployment?.conditions[0].message, 'Deployment is paused');
        assert.deepEqual(conditions(r, 200), conditions(r, 0), 'the deadline does not run while paused; the new template is not rolled out');
        assert.deepEqual(r.frames.flatMap((frame) => frame.pods), []);
        assert.deepEqual(r.frames.flatMap((frame) => frame.replicaSets ?? []), []);
        assert.deepEqual(r.events, []);
        assert.deepEqual(statusLines(r), ['Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...']);
      },
    },
    {
      name: 'paused: false is an ordinary Deployment',
      resource: three({ paused: false }), scenario: images,
      check: (r) => assert.deepEqual(conditions(r, t0), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetAvailable']),
    },
    {
      name: 'minReadySeconds: pods count as available only that long after Ready',
      resource: three({ minReadySeconds: 10 }), scenario: images,
      check: (r) => {
        assert.deepEqual([frameAt(r, t0).deployment?.ready, frameAt(r, t0).deployment?.available], [3, 0]);
        assert.equal(frameAt(r, t0 + 9).deployment?.rolloutStatus, 'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...');
        assert.deepEqual(conditions(r, t0 + 10), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetAvailable']);
        assert.equal(frameAt(r, t0 + 10).deployment?.available, 3);
      },
    },
    {
      name: 'Available needs replicas - maxUnavailable: 4 replicas (25%: one may be unavailable) stay Available through a stuck rollout',
      resource: deployment({ replicas: 4 }), scenario: { ...images, rolloutAt, rolloutImage: 'app:3', rolloutContainers: { app: { pullFails: true } } },
      check: (r) => {
        assert.deepEqual(frameAt(r, rolloutAt + 50).replicaSets?.map((rs) => rs.desired), [3, 2]);
        assert.deepEqual([frameAt(r, rolloutAt + 50).deployment?.available, frameAt(r, rolloutAt + 50).deployment?.unavailable], [3, 2]);
        assert.equal(conditions(r, rolloutAt + 50)[0], 'Available=True MinimumReplicasAvailable');
      },
    },
    {
      name: 'Recreate allows no unavailable pod: Available=False while the new revision starts',
      resource: three({ strategy: { type: 'Recreate' } }), scenario: { ...images, rolloutAt, rolloutImage: 'app:2' },
      check: (r) => {
        assert.equal(conditions(r, rolloutAt)[0], 'Available=False MinimumReplicasUnavailable');
        assert.equal(frameAt(r, rolloutAt).deployment?.conditions[0].message, 'Deployment does not have minimum availability.');
        assert.deepEqual(conditions(r, rolloutAt + t0), ['Available=True MinimumReplicasAvailable', 'Progressing=True NewReplicaSetAvailable']);
      },
    },
    {
      name: 'revisionHistoryLimit 0: the old ReplicaSet is deleted once the rollout is complete',
      resource: three({ revisionHistoryLimit: 0 }), scenario: { ...images, rolloutAt, rolloutImage: 'app:2' },
      check: (r) => {
        assert.equal(frameAt(r, rolloutAt).replicaSets?.length, 2);
        const done = r.frames.find((f) => f.at >= rolloutAt && f.deployment?.rolloutStatus.startsWith('deployment "web" successfully'));
        assert.ok(done);
        assert.deepEqual(frameAt(r, done.at).replicaSets?.map((rs) => rs.revision), [2]);
      },
    },
    {
      name: 'the default revisionHistoryLimit (10) keeps the old ReplicaSet at 0 replicas',
      resource: three(), scenario: { ...images, rolloutAt, rolloutImage: 'app:2' },
      check: (r) => assert.deepEqual(r.frames.at(-1)?.replicaSets?.map((rs) => [rs.revision, rs.desired]), [[1, 0], [2, 3]]),
    },
  ];
  for (const c of cases) it(c.name, () => c.check(run(c.resource, c.scenario)));
});
