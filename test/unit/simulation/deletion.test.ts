import * as assert from 'node:assert/strict';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, deployment, eventsOf, goneAt, pod, podAt, run, timesOf, type Json } from './helpers';

const t0 = SANDBOX_SECONDS;
const cached = ['app:1'];
const withPreStop = (preStop: Json | undefined, podFields: Json = {}): Json =>
  pod({ ...podFields, containers: [{ name: 'app', image: 'app:1', ...(preStop ? { lifecycle: { preStop } } : {}) }] });

// lifecycle.md §7.1: Killing, preStop (its time comes out of the grace), SIGTERM, SIGKILL when the
// grace (default 30 s) ends; the runtime always gets at least 2 s; the pod then leaves the API.
describe('simulation: deletion', () => {
  const deleteAt = 50;

  it('runs preStop, sends SIGTERM, and SIGKILLs a slow process when the default 30 s grace ends', () => {
    const result = run(withPreStop({ sleep: { seconds: 5 } }), { cachedImages: cached, deleteAt, containers: { app: { sigtermExitSeconds: 100 } } });
    const [killing] = eventsOf(result, 'Killing');
    assert.deepEqual([killing.at, killing.type, killing.message], [deleteAt, 'Normal', 'Stopping container app']);
    const during = podAt(result, deleteAt + 29);
    assert.deepEqual([during.status, during.terminating, during.phase, during.containers[0].state], ['Terminating', true, 'Running', 'running']);
    assert.equal(goneAt(result, 'web'), deleteAt + 30);
  });

  it('lets a process that exits on SIGTERM end the deletion early: preStop time plus its exit time', () => {
    const result = run(withPreStop({ exec: { command: ['sh', '-c', 'sleep 5'] } }), { cachedImages: cached, deleteAt, containers: { app: { sigtermExitSeconds: 10 } } });
    assert.equal(containerAt(result, deleteAt + 14, 'app').state, 'running');
    assert.equal(goneAt(result, 'web'), deleteAt + 15);
  });

  it('follows terminationGracePeriodSeconds and the deletion\'s own grace period', () => {
    const slow = { cachedImages: cached, deleteAt, containers: { app: { sigtermExitSeconds: 100 } } };
    assert.equal(goneAt(run(withPreStop(undefined, { terminationGracePeriodSeconds: 10 }), slow), 'web'), deleteAt + 10);
    assert.equal(goneAt(run(withPreStop(undefined), { ...slow, deleteGracePeriodSeconds: 3 }), 'web'), deleteAt + 3);
  });

  it('gives a preStop hook that outlasts the grace a one-off 2 s extension before SIGKILL', () => {
    const result = run(withPreStop({ sleep: { seconds: 40 } }), { cachedImages: cached, deleteAt, containers: { app: { sigtermExitSeconds: 100 } } });
    assert.equal(containerAt(result, deleteAt + 31, 'app').state, 'running');
    assert.equal(goneAt(result, 'web'), deleteAt + 32);
  });

  it('skips preStop with a zero grace and still gives the runtime 2 s', () => {
    const result = run(withPreStop({ sleep: { seconds: 5 } }), { cachedImages: cached, deleteAt, deleteGracePeriodSeconds: 0, containers: { app: { sigtermExitSeconds: 100 } } });
    assert.equal(goneAt(result, 'web'), deleteAt + 2);
  });

  it('removes a pod that was never scheduled at once', () => {
    const unschedulable = pod({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '64' } } }] });
    const result = run(unschedulable, { deleteAt });
    assert.equal(goneAt(result, 'web'), deleteAt);
    assert.equal(eventsOf(result, 'Killing').length, 0);
  });

  it('deletes every pod of a Deployment, and its ReplicaSet replaces them at once', () => {
    const result = run(deployment({ replicas: 2 }), { cachedImages: cached, deleteAt, containers: { app: { sigtermExitSeconds: 5 } } });
    const first = podAt(result, t0).name;
    assert.equal(goneAt(result, first), deleteAt + 5);
    assert.equal(eventsOf(result, 'SuccessfulCreate').length, 4);
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, 0, deleteAt, deleteAt]);
    const frame = result.frames[result.frames.length - 1];
    assert.equal(frame.pods.length, 2);
    assert.ok(frame.pods.every((p) => p.phase === 'Running' && !p.terminating));
  });
});

// lifecycle.md §7.4: the node stops reporting; after node-monitor-grace-period (40 s) the node
// controller marks the pods not ready; 300 s later (DefaultTolerationSeconds) they are evicted and
// stay Terminating because the kubelet cannot confirm; a ReplicaSet replaces them at once.
describe('simulation: node lost', () => {
  const lostAt = 100;

  it('marks the pod not ready after 40 s and evicts it 300 s later; it stays Terminating', () => {
    const result = run(pod({ containers: [{ name: 'app', image: 'app:1' }] }), { cachedImages: cached, nodeLostAt: lostAt, horizon: 1000 });
    assert.equal(podAt(result, lostAt + 39).conditions.Ready, 'True');
    const notReady = podAt(result, lostAt + 40);
    assert.deepEqual([notReady.conditions.Ready, notReady.phase], ['False', 'Running']);
    assert.deepEqual(eventsOf(result, 'NodeNotReady').map((e) => [e.at, e.type, e.message, e.source]), [[lostAt + 40, 'Warning', 'Node is not ready', 'node-controller']]);
    assert.deepEqual(timesOf(result, 'TaintManagerEviction'), [lostAt + 340]);
    const evicted = podAt(result, 1000);
    assert.deepEqual([evicted.status, evicted.terminating, evicted.phase], ['Terminating', true, 'Running']);
    assert.equal(eventsOf(result, 'Killing').length, 0, 'the lost kubelet kills nothing');
  });

  it('freezes the container statuses: a crash loop on the lost node stops moving', () => {
    const result = run(pod({ containers: [{ name: 'app', image: 'app:1' }] }), { cachedImages: cached, nodeLostAt: lostAt, horizon: 600, containers: { app: { runSeconds: 7, exitCode: 1 } } });
    assert.ok(timesOf(result, 'Started').every((at) => at < lostAt));
  });

  it('lets a ReplicaSet replace an evicted pod on another node', () => {
    const result = run(deployment({ replicas: 1 }), { cachedImages: cached, nodeLostAt: lostAt, horizon: 1000 });
    const original = podAt(result, t0);
    const end = result.frames[result.frames.length - 1].pods;
    const replacement = end.find((p) => p.name !== original.name);
    assert.ok(replacement, 'a replacement pod exists');
    assert.notEqual(replacement.node, original.node);
    assert.equal(replacement.phase, 'Running');
    assert.deepEqual(timesOf(result, 'SuccessfulCreate'), [0, lostAt + 340]);
  });
});
