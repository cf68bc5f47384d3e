import { strict as assert } from 'node:assert';
import { kubectlPodStatus, podDisplayStatus, podReadyColumn, podRestarts } from '../../../client/webview/podStatus';
import { container, pod } from './fixtures';

describe('webview kubectl STATUS column', () => {
  it('shows init progress and init failures', () => {
    const inits = (a: ReturnType<typeof container>, b: ReturnType<typeof container>) =>
      pod('p', 'Pending', [a, b, container('app', 'app', 'waiting', { reason: 'PodInitializing' })], { conditions: { Initialized: 'False' } });
    assert.equal(kubectlPodStatus(inits(container('a', 'init', 'running'), container('b', 'init', 'waiting', { reason: 'PodInitializing' }))), 'Init:0/2');
    assert.equal(kubectlPodStatus(inits(container('a', 'init', 'terminated', { exitCode: 0, reason: 'Completed' }), container('b', 'init', 'running'))), 'Init:1/2');
    assert.equal(kubectlPodStatus(inits(container('a', 'init', 'waiting', { reason: 'CrashLoopBackOff' }), container('b', 'init', 'waiting'))), 'Init:CrashLoopBackOff');
    assert.equal(kubectlPodStatus(inits(container('a', 'init', 'terminated', { exitCode: 2, reason: 'Error' }), container('b', 'init', 'waiting'))), 'Init:Error');
    assert.equal(kubectlPodStatus(inits(container('a', 'init', 'terminated', { exitCode: 2 }), container('b', 'init', 'waiting'))), 'Init:ExitCode:2');
  });

  it('skips started sidecars and then reads the app containers from last to first', () => {
    const p = pod('p', 'Running', [container('side', 'sidecar', 'running', { ready: true }), container('a', 'app', 'running', { ready: true }), container('b', 'app', 'waiting', { reason: 'CrashLoopBackOff', restartCount: 3 })], { conditions: { Initialized: 'True' } });
    assert.equal(kubectlPodStatus(p), 'CrashLoopBackOff');
    assert.equal(podReadyColumn(p), '2/3');
    assert.equal(podRestarts(p), 3);
  });

  it('says Running for a Completed container beside a ready one, and Terminating when deleted', () => {
    const p = pod('p', 'Running', [container('a', 'app', 'running', { ready: true }), container('b', 'app', 'terminated', { reason: 'Completed', exitCode: 0 })], { conditions: { Initialized: 'True', Ready: 'True' } });
    assert.equal(kubectlPodStatus(p), 'Running');
    assert.equal(kubectlPodStatus({ ...p, conditions: { Initialized: 'True', Ready: 'False' } }), 'NotReady');
    assert.equal(kubectlPodStatus({ ...p, terminating: true }), 'Terminating');
  });

  it('uses the status the engine computed when there is one', () => {
    const p = pod('p', 'Running', [container('a', 'app', 'running')], { status: 'Unknown' });
    assert.equal(podDisplayStatus(p), 'Unknown');
  });
});
