import { strict as assert } from 'node:assert';
import { groupPodsByReplicaSet, replicaSetPrefix } from '../../../client/webview/replicaSets';
import { buildPodLanes } from '../../../client/webview/lanes';
import { frameSummary } from '../../../client/webview/summary';
import { frameAt } from '../../../client/webview/timeline';
import { buildViewModel } from '../../../client/webview/viewModel';
import { crashingPod, rolledDeployment } from './fixtures';

describe('webview view model', () => {
  it('groups a Deployment\'s pods by ReplicaSet, old before new', () => {
    const model = buildViewModel(rolledDeployment());
    assert.deepEqual(
      model.groups?.map((g) => [g.revision, g.name, g.pods.map((p) => p.name)]),
      [
        [1, 'web-aaa', ['web-aaa-1']],
        [2, 'web-bbb', ['web-bbb-1']],
      ],
    );
  });

  it('groups by name prefix when the pods carry no revision', () => {
    assert.equal(replicaSetPrefix('web-6d4cf56db6-x2x8p'), 'web-6d4cf56db6');
    assert.equal(replicaSetPrefix('plain'), 'plain');
    const frames = [{ at: 0, pods: ['a-1-x', 'a-1-y', 'a-2-z'].map((name) => ({ name, phase: 'Running', conditions: {}, containers: [] })), replicaSets: [] }];
    const groups = groupPodsByReplicaSet(buildPodLanes(frames, 10), frames);
    assert.deepEqual(groups.map((g) => [g.revision, g.name, g.pods.length]), [
      [1, 'a-1', 2],
      [2, 'a-2', 1],
    ]);
  });

  it('draws replica counts per ReplicaSet over time', () => {
    const model = buildViewModel(rolledDeployment());
    assert.deepEqual(
      model.replicaSetLanes.map((l) => [l.revision, l.segments.map((s) => [s.from, s.to, s.label, s.tone])]),
      [
        [1, [[0, 3, '0/1 ready', 'running'], [3, 15, '1/1 ready', 'ready']]],
        [2, [[10, 15, '0/1 ready', 'running'], [15, model.end, '1/1 ready', 'ready']]],
      ],
    );
  });

  it('has no ReplicaSet groups for a bare Pod, and lists its containers for the scenario form', () => {
    const model = buildViewModel(crashingPod());
    assert.equal(model.groups, undefined);
    assert.deepEqual(model.containers, [{ name: 'app', role: 'app' }]);
    assert.equal(model.eventRows.length, 6);
  });

  it('sums up the state at the playhead in words', () => {
    const pod = crashingPod();
    assert.equal(frameSummary('Pod', frameAt(pod.frames, 25)), 'pod web CrashLoopBackOff, phase Running, 0/1 containers ready, 1 restart');
    const deployment = rolledDeployment();
    assert.equal(
      frameSummary('Deployment', frameAt(deployment.frames, 12)),
      '1 of 2 pods ready; revision 2: 0/1 ready, 0 available; revision 1: 1/1 ready, 1 available',
    );
    assert.equal(frameSummary('Deployment', frameAt(deployment.frames, 15)), '1 of 2 pods ready; 1 terminating; revision 2: 1/1 ready, 1 available; revision 1: 0/0 ready, 0 available');
    assert.equal(frameSummary('Pod', undefined), 'no pods');
  });

  it('groups the pods of two workloads played together (blue/green) by the workload that made them', () => {
    const base = rolledDeployment();
    const result = {
      ...base,
      frames: base.frames.map((f) => ({ ...f, pods: f.pods.map((p) => ({ ...p, owner: p.name.startsWith('web-aaa') ? 'deployment/blue' : 'deployment/green' })) })),
    };
    assert.deepEqual(buildViewModel(result).groups?.map((g) => [g.title, g.pods.map((p) => p.name)]), [
      ['Pods of deployment/blue', ['web-aaa-1']],
      ['Pods of deployment/green', ['web-bbb-1']],
    ]);
  });
});
