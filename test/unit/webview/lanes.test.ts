import { strict as assert } from 'node:assert';
import { buildPodLanes } from '../../../client/webview/lanes';
import { containerLabel, containerTone } from '../../../client/webview/states';
import { segmentAt } from '../../../client/webview/segments';
import { container, crashingPod, deletedPod, rolledDeployment } from './fixtures';

describe('webview lanes', () => {
  it('builds one container lane with merged segments, reasons and restarts', () => {
    const [pod] = buildPodLanes(crashingPod().frames, 40);
    assert.equal(pod.containers.length, 1);
    const lane = pod.containers[0];
    assert.equal(lane.role, 'app');
    assert.deepEqual(
      lane.segments.map((s) => [s.from, s.to, s.tone, s.label]),
      [
        [0, 5, 'waiting', 'ContainerCreating'],
        [5, 6, 'running', 'Running'],
        [6, 20, 'ready', 'Running · ready'],
        [20, 20.5, 'failed', 'Error (exit 1)'],
        [20.5, 30, 'problem', 'CrashLoopBackOff · 1 restart'],
        [30, 40, 'running', 'Running · 1 restart'],
      ],
    );
  });

  it('derives pod status, phase and condition lanes', () => {
    const [pod] = buildPodLanes(crashingPod().frames, 40);
    assert.deepEqual(pod.phase.map((s) => [s.from, s.to, s.label]), [
      [0, 5, 'Pending'],
      [5, 40, 'Running'],
    ]);
    assert.deepEqual(
      pod.status.map((s) => [s.label, s.tone]),
      [
        ['ContainerCreating', 'waiting'],
        ['Running', 'running'],
        ['Running', 'ready'],
        ['Error', 'failed'],
        ['CrashLoopBackOff', 'problem'],
        ['Running', 'running'],
      ],
    );
    assert.deepEqual(pod.conditions.map((c) => c.name), ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready']);
    const ready = pod.conditions.find((c) => c.name === 'Ready')!;
    assert.deepEqual(ready.segments.map((s) => [s.from, s.to, s.label]), [
      [0, 6, 'False'],
      [6, 20, 'True'],
      [20, 40, 'False'],
    ]);
  });

  it('leaves a gap where a pod does not exist', () => {
    const pods = buildPodLanes(rolledDeployment().frames, 20);
    assert.deepEqual(pods.map((p) => p.name), ['web-aaa-1', 'web-bbb-1']);
    const old = pods[0];
    assert.equal(old.status[old.status.length - 1].to, 16);
    assert.equal(old.status[old.status.length - 1].label, 'Terminating');
    assert.equal(old.status[old.status.length - 1].tone, 'terminating');
    assert.equal(segmentAt(old.status, 17), undefined);
    const fresh = pods[1];
    assert.equal(fresh.firstSeen, 10);
    assert.equal(segmentAt(fresh.status, 9), undefined);
    assert.equal(segmentAt(fresh.status, 19)?.tone, 'ready');
  });

  it('colours container states by what they mean', () => {
    assert.equal(containerTone(container('a', 'app', 'waiting', { reason: 'PodInitializing' })), 'waiting');
    assert.equal(containerTone(container('a', 'app', 'waiting', { reason: 'ImagePullBackOff' })), 'problem');
    assert.equal(containerTone(container('a', 'app', 'running')), 'running');
    assert.equal(containerTone(container('a', 'app', 'running', { ready: true })), 'ready');
    assert.equal(containerTone(container('a', 'init', 'terminated', { reason: 'Completed', exitCode: 0 })), 'completed');
    assert.equal(containerTone(container('a', 'app', 'terminated', { reason: 'OOMKilled', exitCode: 137 })), 'failed');
    assert.equal(containerLabel(container('a', 'app', 'terminated', { reason: 'OOMKilled', exitCode: 137, restartCount: 2 })), 'OOMKilled (exit 137) · 2 restarts');
  });

  it('shows a running container whose startup probe has not passed yet', () => {
    const waiting = container('a', 'app', 'running', { started: false });
    assert.equal(containerLabel(waiting), 'Running · startup probe pending');
    assert.equal(containerLabel(container('a', 'app', 'running', { started: true })), 'Running');
    const frames = [
      { at: 0, pods: [{ name: 'p', phase: 'Running', conditions: {}, containers: [waiting] }] },
      { at: 25, pods: [{ name: 'p', phase: 'Running', conditions: {}, containers: [container('a', 'app', 'running', { started: true, ready: true })] }] },
    ];
    const [pod] = buildPodLanes(frames, 40);
    assert.deepEqual(pod.containers[0].segments.map((s) => [s.from, s.to, s.label]), [
      [0, 25, 'Running · startup probe pending'],
      [25, 40, 'Running · ready'],
    ]);
  });

  it('shows a container as stopping from its Killing event until it exits (the grace period)', () => {
    const result = deletedPod();
    const [pod] = buildPodLanes(result.frames, 60, result.events);
    assert.deepEqual(
      pod.containers[0].segments.map((s) => [s.from, s.to, s.tone, s.label]),
      [
        [0, 10, 'ready', 'Running · ready'],
        [10, 25, 'terminating', 'Stopping'],
        [25, 26, 'failed', 'Error (exit 143)'],
      ],
    );
    assert.match(pod.containers[0].segments[1].detail, /Stopping container app/);
  });

  it('sums up the conditions in one lane: which are not True', () => {
    const [pod] = buildPodLanes(crashingPod().frames, 40);
    assert.deepEqual(pod.conditionSummary.map((s) => [s.from, s.to, s.tone, s.label]), [
      [0, 6, 'false', 'not True: ContainersReady, Ready'],
      [6, 20, 'true', 'all 4 True'],
      [20, 40, 'false', 'not True: ContainersReady, Ready'],
    ]);
  });

  it('finds the segment under the playhead', () => {
    const [pod] = buildPodLanes(crashingPod().frames, 40);
    const lane = pod.containers[0].segments;
    assert.equal(segmentAt(lane, 0)?.label, 'ContainerCreating');
    assert.equal(segmentAt(lane, 5)?.label, 'Running');
    assert.equal(segmentAt(lane, 25)?.label, 'CrashLoopBackOff · 1 restart');
    assert.equal(segmentAt(lane, 40), undefined);
  });
});
