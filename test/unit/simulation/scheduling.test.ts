import * as assert from 'node:assert/strict';
import { deployment, eventsOf, pod, podAt, run, timesOf, type Json } from './helpers';

const claimPod = pod({ containers: [{ name: 'app', image: 'app:1' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] });
const claim = (spec: Json, status?: Json): Json => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec, ...(status ? { status } : {}) });
const unboundMessage = '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

// lifecycle.md §10 (VolumeBinding PreFilter) and §8 (FailedScheduling wording).
describe('simulation: scheduling', () => {
  function expectUnschedulable(result: ReturnType<typeof run>, message: string): void {
    const [failed] = eventsOf(result, 'FailedScheduling');
    assert.deepEqual([failed.type, failed.source, failed.at, failed.message], ['Warning', 'default-scheduler', 0, message]);
    assert.equal(eventsOf(result, 'Scheduled').length, 0);
    const p = podAt(result, result.horizon);
    assert.deepEqual([p.phase, p.status, p.node, p.conditions], ['Pending', 'Pending', undefined, { PodScheduled: 'False' }]);
    assert.ok(p.containers.every((c) => c.state === 'waiting' && c.reason === undefined), 'no container status before binding');
  }

  it('keeps a pod whose claim is Pending (unbound) in Pending with FailedScheduling', () => {
    expectUnschedulable(run(claimPod, {}, { persistentVolumeClaims: [claim({ storageClassName: 'standard' }, { phase: 'Pending' })] }), unboundMessage);
  });

  it('treats a claim of the static class "" without a volumeName as unbound', () => {
    expectUnschedulable(run(claimPod, {}, { persistentVolumeClaims: [claim({ storageClassName: '' })] }), unboundMessage);
  });

  it('treats the claims named by the unboundClaims knob as unbound', () => {
    expectUnschedulable(run(claimPod, { unboundClaims: ['data'] }), unboundMessage);
  });

  it('reports a claim being deleted and a Lost claim in the PreFilter words', () => {
    const deleting = { ...claim({}), metadata: { name: 'data', deletionTimestamp: '2024-01-01T00:00:00Z' } };
    expectUnschedulable(run(claimPod, {}, { persistentVolumeClaims: [deleting] }),
      '0/3 nodes are available: persistentvolumeclaim "data" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
    expectUnschedulable(run(claimPod, {}, { persistentVolumeClaims: [claim({ volumeName: 'pv-1' }, { phase: 'Lost' })] }),
      '0/3 nodes are available: persistentvolumeclaim "data" bound to non-existent persistentvolume "pv-1". preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });

  it('schedules a pod whose claim is bound, will be provisioned, or is not among the known claims', () => {
    for (const claims of [[claim({ volumeName: 'pv-1' }, { phase: 'Bound' })], [claim({ storageClassName: 'standard' })], []]) {
      const result = run(claimPod, {}, { persistentVolumeClaims: claims });
      assert.equal(timesOf(result, 'Scheduled').length, 1, JSON.stringify(claims));
    }
  });

  it('fails to schedule requests no node can hold (4 CPU and 16 GiB per node)', () => {
    const big = pod({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '5', memory: '1Gi' } } }] });
    expectUnschedulable(run(big),
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.');
    const memory = pod({ containers: [{ name: 'app', image: 'app:1', resources: { limits: { memory: '20Gi' } } }] });
    assert.match(eventsOf(run(memory), 'FailedScheduling')[0].message, /^0\/3 nodes are available: 3 Insufficient memory\./);
  });

  it('places replicas while they fit and leaves the rest Pending', () => {
    const result = run(deployment({ replicas: 5 }, { name: 'app', image: 'app:1', resources: { requests: { cpu: '3' } } }), { cachedImages: ['app:1'] });
    const pods = result.frames[result.frames.length - 1].pods;
    assert.equal(pods.filter((p) => p.phase === 'Running').length, 3);
    assert.equal(new Set(pods.filter((p) => p.node).map((p) => p.node)).size, 3);
    assert.equal(pods.filter((p) => p.conditions.PodScheduled === 'False').length, 2);
    assert.equal(eventsOf(result, 'FailedScheduling').length, 2);
  });

  it('counts an init container\'s request against the node as the pod\'s effective request', () => {
    const initHeavy = pod({
      initContainers: [{ name: 'warm', image: 'warm:1', resources: { requests: { cpu: '4500m' } } }],
      containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m' } } }],
    });
    assert.equal(eventsOf(run(initHeavy), 'FailedScheduling').length, 1);
  });
});
