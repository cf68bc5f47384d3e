// Small hand-built simulation results in the wire shape of `podlab/simulate`.
import type { SimulatedContainer, SimulatedPod, SimulationResult } from '../../../client/webview/simulationResult';

export function container(name: string, role: SimulatedContainer['role'], state: SimulatedContainer['state'], extra: Partial<SimulatedContainer> = {}): SimulatedContainer {
  return { name, role, state, ready: false, restartCount: 0, ...extra };
}

export function pod(name: string, phase: string, containers: SimulatedContainer[], extra: Partial<SimulatedPod> = {}): SimulatedPod {
  return { name, phase, conditions: {}, containers, ...extra };
}

/** A pod whose app container crashes once: start, ready, Error, CrashLoopBackOff, restarted. */
export function crashingPod(): SimulationResult {
  const name = 'web';
  const ready = { PodScheduled: 'True', Initialized: 'True', ContainersReady: 'True', Ready: 'True' } as const;
  const notReady = { PodScheduled: 'True', Initialized: 'True', ContainersReady: 'False', Ready: 'False' } as const;
  return {
    resource: { kind: 'Pod', name },
    events: [
      { at: 0, type: 'Normal', reason: 'Scheduled', object: 'pod/web', message: 'Successfully assigned default/web to node-1' },
      { at: 0, type: 'Normal', reason: 'Pulling', object: 'pod/web', message: 'Pulling image "nginx:1.27"' },
      { at: 5, type: 'Normal', reason: 'Pulled', object: 'pod/web', message: 'Successfully pulled image "nginx:1.27" in 5s' },
      { at: 5, type: 'Normal', reason: 'Created', object: 'pod/web', message: 'Created container: app' },
      { at: 5, type: 'Normal', reason: 'Started', object: 'pod/web', message: 'Started container app' },
      { at: 30, type: 'Warning', reason: 'BackOff', object: 'pod/web', message: 'Back-off restarting failed container app in pod web_default(uid)' },
      { at: 30, type: 'Normal', reason: 'Created', object: 'pod/web', message: 'Created container: app' },
      { at: 30, type: 'Normal', reason: 'Started', object: 'pod/web', message: 'Started container app' },
    ],
    frames: [
      { at: 0, pods: [pod(name, 'Pending', [container('app', 'app', 'waiting', { reason: 'ContainerCreating' })], { conditions: { ...notReady, Initialized: 'True' } })] },
      { at: 5, pods: [pod(name, 'Running', [container('app', 'app', 'running')], { conditions: notReady })] },
      { at: 6, pods: [pod(name, 'Running', [container('app', 'app', 'running', { ready: true })], { conditions: ready })] },
      { at: 20, pods: [pod(name, 'Running', [container('app', 'app', 'terminated', { reason: 'Error', exitCode: 1 })], { conditions: notReady })] },
      { at: 20.5, pods: [pod(name, 'Running', [container('app', 'app', 'waiting', { reason: 'CrashLoopBackOff', restartCount: 1 })], { conditions: notReady })] },
      { at: 30, pods: [pod(name, 'Running', [container('app', 'app', 'running', { restartCount: 1 })], { conditions: notReady })] },
    ],
  };
}

/** A Deployment of 1 replica rolled out once: the old pod goes once the new one is ready. */
export function rolledDeployment(): SimulationResult {
  const app = (ready: boolean) => [container('web', 'app', 'running', { ready })];
  const readyConditions = { Ready: 'True' } as const;
  return {
    resource: { kind: 'Deployment', name: 'web' },
    events: [
      { at: 0, type: 'Normal', reason: 'ScalingReplicaSet', object: 'deployment/web', message: 'Scaled up replica set web-aaa from 0 to 1' },
      { at: 10, type: 'Normal', reason: 'ScalingReplicaSet', object: 'deployment/web', message: 'Scaled up replica set web-bbb from 0 to 1' },
      { at: 15, type: 'Normal', reason: 'ScalingReplicaSet', object: 'deployment/web', message: 'Scaled down replica set web-aaa to 0 from 1' },
    ],
    frames: [
      { at: 0, pods: [pod('web-aaa-1', 'Pending', app(false))], replicaSets: [{ revision: 1, name: 'web-aaa', desired: 1, current: 1, ready: 0, available: 0 }] },
      { at: 3, pods: [pod('web-aaa-1', 'Running', app(true), { conditions: readyConditions })], replicaSets: [{ revision: 1, name: 'web-aaa', desired: 1, current: 1, ready: 1, available: 1 }] },
      {
        at: 10,
        pods: [pod('web-aaa-1', 'Running', app(true), { conditions: readyConditions }), pod('web-bbb-1', 'Pending', app(false))],
        replicaSets: [
          { revision: 1, name: 'web-aaa', desired: 1, current: 1, ready: 1, available: 1 },
          { revision: 2, name: 'web-bbb', desired: 1, current: 1, ready: 0, available: 0 },
        ],
      },
      {
        at: 15,
        pods: [pod('web-aaa-1', 'Running', app(false), { terminating: true }), pod('web-bbb-1', 'Running', app(true), { conditions: readyConditions })],
        replicaSets: [
          { revision: 1, name: 'web-aaa', desired: 0, current: 0, ready: 0, available: 0 },
          { revision: 2, name: 'web-bbb', desired: 1, current: 1, ready: 1, available: 1 },
        ],
      },
      {
        at: 16,
        pods: [pod('web-bbb-1', 'Running', app(true), { conditions: readyConditions })],
        replicaSets: [
          { revision: 1, name: 'web-aaa', desired: 0, current: 0, ready: 0, available: 0 },
          { revision: 2, name: 'web-bbb', desired: 1, current: 1, ready: 1, available: 1 },
        ],
      },
    ],
  };
}

/** A running pod deleted at 10 s: Killing, the container exits on SIGTERM at 25 s, the pod leaves the API at 26 s. */
export function deletedPod(): SimulationResult {
  const ready = { PodScheduled: 'True', Initialized: 'True', ContainersReady: 'True', Ready: 'True' } as const;
  const running = () => [container('app', 'app', 'running', { ready: true, started: true })];
  return {
    resource: { kind: 'Pod', name: 'web' },
    events: [
      { at: 0, type: 'Normal', reason: 'Scheduled', object: 'pod/web', message: 'Successfully assigned default/web to node-1' },
      { at: 10, type: 'Normal', reason: 'Killing', object: 'pod/web', message: 'Stopping container app' },
    ],
    frames: [
      { at: 0, pods: [pod('web', 'Running', running(), { conditions: ready })] },
      { at: 10, pods: [pod('web', 'Running', running(), { conditions: ready, terminating: true })] },
      { at: 25, pods: [pod('web', 'Failed', [container('app', 'app', 'terminated', { reason: 'Error', exitCode: 143 })], { conditions: { ...ready, ContainersReady: 'False', Ready: 'False' }, terminating: true })] },
      { at: 26, pods: [] },
    ],
  };
}

/**
 * A pod with an init container, a native sidecar and two app containers, one of which has a
 * startup probe that passes at 25 s: every condition the kubelet reports.
 */
export function sidecarPod(): SimulationResult {
  const all = (value: 'True' | 'False', ready: 'True' | 'False') =>
    ({ PodReadyToStartContainers: 'True', PodScheduled: 'True', Initialized: value, ContainersReady: ready, Ready: ready }) as const;
  const init = (state: SimulatedContainer['state'], extra: Partial<SimulatedContainer> = {}) => container('setup', 'init', state, extra);
  const proxy = (ready: boolean) => container('proxy', 'sidecar', 'running', { ready, started: true });
  const api = (started: boolean) => container('api', 'app', 'running', { ready: started, started });
  const worker = () => container('worker', 'app', 'running', { ready: true, started: true });
  return {
    resource: { kind: 'Pod', name: 'shop' },
    events: [
      { at: 0, type: 'Normal', reason: 'Scheduled', object: 'pod/shop', message: 'Successfully assigned default/shop to node-1' },
      { at: 1, type: 'Normal', reason: 'Started', object: 'pod/shop', message: 'Started container setup' },
      { at: 3, type: 'Normal', reason: 'Started', object: 'pod/shop', message: 'Started container proxy' },
      { at: 3, type: 'Normal', reason: 'Started', object: 'pod/shop', message: 'Started container api' },
      { at: 3, type: 'Normal', reason: 'Started', object: 'pod/shop', message: 'Started container worker' },
    ],
    frames: [
      { at: 0, pods: [pod('shop', 'Pending', [init('waiting', { reason: 'PodInitializing' }), container('proxy', 'sidecar', 'waiting', { reason: 'PodInitializing' }), container('api', 'app', 'waiting', { reason: 'PodInitializing' }), container('worker', 'app', 'waiting', { reason: 'PodInitializing' })], { conditions: all('False', 'False') })] },
      { at: 1, pods: [pod('shop', 'Pending', [init('running'), container('proxy', 'sidecar', 'waiting', { reason: 'PodInitializing' }), container('api', 'app', 'waiting', { reason: 'PodInitializing' }), container('worker', 'app', 'waiting', { reason: 'PodInitializing' })], { conditions: all('False', 'False') })] },
      { at: 3, pods: [pod('shop', 'Running', [init('terminated', { reason: 'Completed', exitCode: 0 }), proxy(true), api(false), worker()], { conditions: all('True', 'False') })] },
      { at: 25, pods: [pod('shop', 'Running', [init('terminated', { reason: 'Completed', exitCode: 0 }), proxy(true), api(true), worker()], { conditions: all('True', 'True') })] },
    ],
  };
}

/**
 * A Job with backoffLimit 2 whose container fails after 4 s: pods at 0, 15 and 40 s, each failing;
 * FailureTarget and Failed (BackoffLimitExceeded) at 45 and 46 s.
 */
export function failingJob(): SimulationResult {
  const job = (at: number, active: number, failed: number, conditions: NonNullable<SimulationResult['frames'][number]['jobs']>[number]['conditions'] = []) => ({
    at,
    name: 'pi',
    active,
    ready: 0,
    succeeded: 0,
    failed,
    terminating: 0,
    conditions,
  });
  const running = (name: string) => pod(name, 'Running', [container('pi', 'app', 'running', { ready: true, started: true })], { conditions: { Ready: 'True' } });
  const failed = (name: string) => pod(name, 'Failed', [container('pi', 'app', 'terminated', { reason: 'Error', exitCode: 1 })], { conditions: { Ready: 'False' } });
  const backoff = { type: 'FailureTarget' as const, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', at: 45 };
  const frames: SimulationResult['frames'] = [
    { at: 0, pods: [running('pi-aaaaa')], jobs: [job(0, 1, 0)] },
    { at: 4, pods: [failed('pi-aaaaa')], jobs: [job(4, 1, 0)] },
    { at: 5, pods: [failed('pi-aaaaa')], jobs: [job(5, 0, 1)] },
    { at: 15, pods: [failed('pi-aaaaa'), running('pi-bbbbb')], jobs: [job(15, 1, 1)] },
    { at: 19, pods: [failed('pi-aaaaa'), failed('pi-bbbbb')], jobs: [job(19, 1, 1)] },
    { at: 20, pods: [failed('pi-aaaaa'), failed('pi-bbbbb')], jobs: [job(20, 0, 2)] },
    { at: 40, pods: [failed('pi-aaaaa'), failed('pi-bbbbb'), running('pi-ccccc')], jobs: [job(40, 1, 2)] },
    { at: 44, pods: [failed('pi-aaaaa'), failed('pi-bbbbb'), failed('pi-ccccc')], jobs: [job(44, 1, 2)] },
    { at: 45, pods: [failed('pi-aaaaa'), failed('pi-bbbbb'), failed('pi-ccccc')], jobs: [job(45, 0, 3, [backoff])] },
    { at: 46, pods: [failed('pi-aaaaa'), failed('pi-bbbbb'), failed('pi-ccccc')], jobs: [job(46, 0, 3, [backoff, { ...backoff, type: 'Failed', at: 46 }])] },
  ].map(({ at, pods, jobs }) => ({ at, pods, jobs: jobs.map(({ at: _at, ...rest }) => rest) }));
  return {
    resource: { kind: 'Job', name: 'pi' },
    events: [
      { at: 0, type: 'Normal', reason: 'SuccessfulCreate', object: 'job/pi', message: 'Created pod: pi-aaaaa' },
      { at: 15, type: 'Normal', reason: 'SuccessfulCreate', object: 'job/pi', message: 'Created pod: pi-bbbbb' },
      { at: 40, type: 'Normal', reason: 'SuccessfulCreate', object: 'job/pi', message: 'Created pod: pi-ccccc' },
      { at: 46, type: 'Warning', reason: 'BackoffLimitExceeded', object: 'job/pi', message: 'Job has reached the specified backoff limit' },
    ],
    frames,
  };
}

/** rolledDeployment with its Service's endpoints and the Deployment's status, as the engine adds them. */
export function rolloutWithService(): SimulationResult {
  const base = rolledDeployment();
  const endpoint = (pod: string, ready: boolean, terminating = false) => ({ pod, ready: ready && !terminating, serving: ready, terminating, traffic: ready && !terminating });
  const endpoints: Record<number, ReturnType<typeof endpoint>[]> = {
    0: [endpoint('web-aaa-1', false)],
    3: [endpoint('web-aaa-1', true)],
    10: [endpoint('web-aaa-1', true), endpoint('web-bbb-1', false)],
    15: [endpoint('web-aaa-1', false, true), endpoint('web-bbb-1', true)],
    16: [endpoint('web-bbb-1', true)],
  };
  const progressing = (reason: string, message: string) => ({ type: 'Progressing', status: 'True' as const, reason, message });
  const available = (ok: boolean) =>
    ok
      ? { type: 'Available', status: 'True' as const, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False' as const, reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  const status: Record<number, { updated: number; ready: number; available: number; rollout: string; ok: boolean; reason: string; message: string }> = {
    0: { updated: 1, ready: 0, available: 0, rollout: 'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...', ok: false, reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-aaa" is progressing.' },
    3: { updated: 1, ready: 1, available: 1, rollout: 'deployment "web" successfully rolled out', ok: true, reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-aaa" has successfully progressed.' },
    10: { updated: 1, ready: 1, available: 1, rollout: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', ok: true, reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-bbb" is progressing.' },
    15: { updated: 1, ready: 1, available: 1, rollout: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', ok: true, reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-bbb" is progressing.' },
    16: { updated: 1, ready: 1, available: 1, rollout: 'deployment "web" successfully rolled out', ok: true, reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-bbb" has successfully progressed.' },
  };
  return {
    ...base,
    frames: base.frames.map((frame) => {
      const s = status[frame.at];
      return {
        ...frame,
        services: [{ name: 'web', endpoints: endpoints[frame.at] }],
        deployment: {
          name: 'web',
          replicas: 1,
          updated: s.updated,
          ready: s.ready,
          available: s.available,
          unavailable: 1 - s.available,
          conditions: [available(s.ok), progressing(s.reason, s.message)],
          rolloutStatus: s.rollout,
        },
      };
    }),
  };
}

/** A Deployment whose pod template spells `containers` wrong: refused, as the engine answers it. */
export function refusedDeployment(): SimulationResult {
  const message = 'Not simulated: the API server would refuse it.';
  return {
    resource: { kind: 'Deployment', name: 'web' },
    events: [{ at: 0, type: 'Warning', reason: 'NotSimulated', object: 'deployment/web', message, source: 'podlab' }],
    frames: [{ at: 0, pods: [] }],
    horizon: 0,
    refused: [
      { message: 'strict decoding error: unknown field "spec.template.spec.contaners" (did you mean "containers"?)', range: { start: { line: 14, character: 6 }, end: { line: 14, character: 14 } } },
      { message: 'spec.template.spec.containers: Required value', range: { start: { line: 13, character: 4 }, end: { line: 13, character: 8 } } },
    ],
  };
}
