import { strict as assert } from 'node:assert';
import { groupEvents } from '../../../client/webview/eventRows';
import { describePod } from '../../../client/webview/kubectlDescribe';
import { watchLines } from '../../../client/webview/kubectlWatch';
import { frameAt } from '../../../client/webview/timeline';
import { crashingPod, deletedPod } from './fixtures';

describe('webview kubectl text', () => {
  it('prints `kubectl get pods -w`: the first list, then a line per change of a row, and the row of a pod that left', () => {
    assert.deepEqual(watchLines(crashingPod().frames), [
      { at: 0, text: 'NAME   READY   STATUS              RESTARTS   AGE' },
      { at: 0, text: 'web    0/1     ContainerCreating   0          0s' },
      { at: 5, text: 'web    0/1     Running             0          5s' },
      { at: 6, text: 'web    1/1     Running             0          6s' },
      { at: 20, text: 'web    0/1     Error               0          20s' },
      { at: 20.5, text: 'web    0/1     CrashLoopBackOff    1          20s' },
      { at: 30, text: 'web    0/1     Running             1          30s' },
    ]);
    const deleted = watchLines(deletedPod().frames).map((l) => [l.at, l.text.replace(/\s+/g, ' ')]);
    assert.deepEqual(deleted.slice(2), [
      [10, 'web 1/1 Terminating 0 10s'],
      [25, 'web 0/1 Terminating 0 25s'],
      [26, 'web 0/1 Terminating 0 26s'],
    ]);
  });

  it('prints `kubectl describe pod` at the playhead, with the pod\'s events so far', () => {
    const result = { ...crashingPod(), events: crashingPod().events.map((e) => ({ ...e, source: e.reason === 'Scheduled' ? 'default-scheduler' : 'kubelet' })) };
    const pod = { ...frameAt(result.frames, 25)!.pods[0], node: 'node-1' };
    pod.containers = [{ ...pod.containers[0], lastState: { reason: 'Error', exitCode: 1 } }];
    const text = describePod(pod, groupEvents(result.events), 25);
    assert.equal(
      text,
      [
        'Name:    web',
        'Node:    node-1',
        'Status:  Running',
        'Containers:',
        '  app:',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '    Ready:          False',
        '    Restart Count:  1',
        'Conditions:',
        '  Type             Status',
        '  PodScheduled     True',
        '  Initialized      True',
        '  ContainersReady  False',
        '  Ready            False',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  25s   default-scheduler  Successfully assigned default/web to node-1',
        '  Normal  Pulling    25s   kubelet            Pulling image "nginx:1.27"',
        '  Normal  Pulled     20s   kubelet            Successfully pulled image "nginx:1.27" in 5s',
        '  Normal  Created    20s   kubelet            Created container: app',
        '  Normal  Started    20s   kubelet            Started container app',
      ].join('\n'),
    );
  });
});
