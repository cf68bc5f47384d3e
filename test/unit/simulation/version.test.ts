import * as assert from 'node:assert/strict';
import { simulate, type Scenario, type SimulationResult } from '../../../server/src/simulation';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { containerAt, deployment, frameAt, phaseChanges, pod, timesOf, type Json } from './helpers';

// workloads.md §5.2: ContainerRestartRules is beta and on in 1.35 (off in 1.34, where the API server forbids a
// regular container's restartPolicy); restarts by rule use the usual crash back-off (first at once, then 10 s).
// §4.11: DeploymentReplicaSetTerminatingReplicas is on in 1.35.
const t0 = SANDBOX_SECONDS;

function play(resource: Json, scenario: Scenario, kubernetesVersion?: string): SimulationResult {
  return simulate({ resource, ...(kubernetesVersion ? { kubernetesVersion } : {}) }, { cachedImages: ['app:1'], ...scenario });
}

const withRules = (container: Json): Json => pod({ restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1', ...container }] });
const retry42 = { restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }] };

describe('simulation: podlab.kubernetesVersion', () => {
  it('1.34 (the default): the API server forbids restartPolicy on a regular container', () => {
    for (const version of [undefined, '1.34']) {
      const result = play(withRules(retry42), {}, version);
      assert.deepEqual(result.refused?.map((e) => e.message), ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']);
    }
  });

  describe('1.35: container restart rules', () => {
    const cases: { name: string; container: Json; exitCodes: number[]; restarts: number; phases: string[] }[] = [
      {
        name: 'a rule restarts on its exit codes in a Never pod; another exit code ends the pod',
        container: retry42, exitCodes: [42, 42, 0], restarts: 2, phases: ['Pending@0', `Running@${t0}`, `Succeeded@${t0 + 4 + 4 + 10 + 4}`],
      },
      {
        name: 'NotIn: restarts on every code but the listed ones',
        container: { restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'NotIn', values: [0, 3] } }] },
        exitCodes: [1, 3], restarts: 1, phases: ['Pending@0', `Running@${t0}`, `Failed@${t0 + 4 + 4}`],
      },
      {
        name: 'the container\'s own policy wins over the pod\'s: Always in a Never pod keeps it Running',
        container: { restartPolicy: 'Always' }, exitCodes: [1], restarts: 3, phases: ['Pending@0', `Running@${t0}`],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const result = play(withRules(c.container), { horizon: 60, containers: { app: { runSeconds: 4, exitCodes: c.exitCodes } } }, '1.35');
        assert.equal(result.refused, undefined);
        assert.equal(containerAt(result, 60, 'app').restartCount, c.restarts);
        assert.deepEqual(phaseChanges(result), c.phases);
      });
    }

    it('restarts by rule keep the crash back-off: at once, then 10 s after the exit', () => {
      const result = play(withRules(retry42), { containers: { app: { runSeconds: 4, exitCodes: [42, 42, 0] } } }, '1.35');
      assert.deepEqual(timesOf(result, 'Started'), [t0, t0 + 4, t0 + 8 + 10]);
    });
  });

  describe('1.35: the node\'s maxContainerRestartPeriod caps the crash back-off (KubeletCrashLoopBackOffMax)', () => {
    // A run of 2 s exiting 1: restarts at once, then after 10, 20, 40 ... s, or at most the node's maximum.
    const crashing: Scenario = { horizon: 120, containers: { app: { runSeconds: 2, exitCode: 1 } } };
    const bare = pod({ containers: [{ name: 'app', image: 'app:1' }] });
    const starts = (result: SimulationResult): number[] => timesOf(result, 'Started');
    const cases: { name: string; version: string; max?: number; expected: number[]; problem?: string }[] = [
      { name: 'the default (300 s) in 1.35', version: '1.35', expected: [t0, t0 + 2, t0 + 14, t0 + 36, t0 + 78] },
      { name: '30 s in 1.35: 10, 20, then 30 s', version: '1.35', max: 30, expected: [t0, t0 + 2, t0 + 14, t0 + 36, t0 + 68, t0 + 100] },
      { name: '5 s in 1.35: the first wait is 5 s too', version: '1.35', max: 5, expected: [t0, t0 + 2, t0 + 9, t0 + 16, t0 + 23, t0 + 30] },
      {
        name: '1.34: the gate is off, the knob is dropped with a warning', version: '1.34', max: 30, expected: [t0, t0 + 2, t0 + 14, t0 + 36, t0 + 78],
        problem: 'scenario.maxContainerRestartPeriod: needs Kubernetes 1.35 (KubeletCrashLoopBackOffMax is off in 1.34); ignored.',
      },
      {
        name: 'outside 1-300 s: dropped', version: '1.35', max: 301, expected: [t0, t0 + 2, t0 + 14, t0 + 36, t0 + 78],
        problem: 'scenario.maxContainerRestartPeriod: the kubelet accepts 1 to 300 s, got 301; ignored.',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const result = play(bare, { ...crashing, ...(c.max !== undefined ? { maxContainerRestartPeriod: c.max } : {}) }, c.version);
        assert.deepEqual(starts(result).slice(0, c.expected.length), c.expected);
        assert.deepEqual(result.events.filter((e) => e.reason === 'InvalidScenario').map((e) => e.message), c.problem ? [c.problem] : []);
      });
    }
  });

  it('1.35 adds terminatingReplicas to the Deployment status; 1.34 has none', () => {
    const resource = deployment({ replicas: 2 });
    const scenario: Scenario = { deleteAt: 50, containers: { app: { sigtermExitSeconds: 5 } } };
    assert.equal(frameAt(play(resource, scenario, '1.35'), 50).deployment?.terminating, 2);
    assert.equal(frameAt(play(resource, scenario, '1.34'), 50).deployment?.terminating, undefined);
  });
});
