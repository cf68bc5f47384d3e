import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate, type Scenario, type SimulationResult } from '../../../server/src/simulation';
import { MAX_DEFAULT_HORIZON } from '../../../server/src/simulation/defaults';
import { deployment, pod, type Json } from './helpers';

const probe = { httpGet: { path: '/', port: 80 }, periodSeconds: 5 };
const RESOURCES: Json[] = [
  pod({ containers: [{ name: 'app', image: 'app:1' }] }),
  pod({
    restartPolicy: 'OnFailure',
    initContainers: [{ name: 'init', image: 'init:1' }, { name: 'side', image: 'side:1', restartPolicy: 'Always', startupProbe: probe }],
    containers: [{ name: 'app', image: 'app:1', readinessProbe: probe, livenessProbe: probe, lifecycle: { preStop: { sleep: { seconds: 3 } } } }],
  }),
  pod({ restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }, { name: 'side', image: 'side:1' }] }),
  deployment({ replicas: 3, minReadySeconds: 2 }, { name: 'app', image: 'app:1', readinessProbe: probe }),
  deployment({ replicas: 2, strategy: { type: 'Recreate' } }),
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'job' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } } } },
];

const seconds = fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined });
const containerKnobs = fc.record({
  runSeconds: seconds, exitCode: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), pullFails: fc.option(fc.boolean(), { nil: undefined }),
  readyAfterSeconds: seconds, livenessFailsAfterSeconds: seconds, startedAfterSeconds: seconds, sigtermExitSeconds: seconds,
  oomKilled: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: [] });
const scenarios: fc.Arbitrary<Scenario> = fc.record({
  horizon: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  pullSeconds: seconds,
  cachedImages: fc.option(fc.subarray(['app:1', 'init:1', 'side:1', 'app:2']), { nil: undefined }),
  deleteAt: seconds, nodeLostAt: seconds, rolloutAt: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  rolloutImage: fc.option(fc.constant('app:2'), { nil: undefined }),
  containers: fc.option(fc.record({ app: containerKnobs, init: containerKnobs, side: containerKnobs }, { requiredKeys: [] }), { nil: undefined }),
}, { requiredKeys: [] });

/** Drops undefined fields, which fast-check leaves in records, so the scenario looks like one a client sends. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function checkInvariants(result: SimulationResult, scenario: Scenario): void {
  const limit = scenario.horizon ?? MAX_DEFAULT_HORIZON;
  assert.ok(result.horizon <= limit, `ran to ${result.horizon} past ${limit}`);
  let previous = -Infinity;
  for (const frame of result.frames) {
    assert.ok(frame.at >= previous && frame.at <= result.horizon, `frame at ${frame.at}`);
    previous = frame.at;
  }
  previous = -Infinity;
  for (const event of result.events) {
    assert.ok(event.at >= previous && event.at <= result.horizon, `event ${event.reason} at ${event.at} after ${previous}`);
    previous = event.at;
  }
  const ended = new Map<string, string>();
  const restarts = new Map<string, number>();
  for (const frame of result.frames) {
    for (const p of frame.pods) {
      const terminal = ended.get(p.name);
      if (terminal) assert.equal(p.phase, terminal, `${p.name} left ${terminal} at ${frame.at}`);
      if (p.phase === 'Succeeded' || p.phase === 'Failed') ended.set(p.name, p.phase);
      for (const c of p.containers) {
        const key = `${p.name}/${c.name}`;
        assert.ok(c.restartCount >= (restarts.get(key) ?? 0), `${key} restartCount went down at ${frame.at}`);
        restarts.set(key, c.restartCount);
        if (c.state === 'terminated') assert.equal(typeof c.exitCode, 'number');
      }
      if (p.conditions.Ready === 'True') assert.equal(p.conditions.ContainersReady, 'True');
    }
  }
}

// Properties over many generated scenarios: determinism, time order, sticky terminal phases, bounded runs.
describe('simulation: properties', () => {
  it('gives the same result for the same input, and keeps its invariants', () => {
    fc.assert(fc.property(fc.constantFrom(...RESOURCES), scenarios, (resource, generated) => {
      const scenario = plain(generated) as Scenario;
      const first = simulate({ resource }, scenario);
      const second = simulate({ resource: structuredClone(resource) }, structuredClone(scenario));
      assert.deepEqual(second, first);
      assert.equal(first.events.filter((e) => e.reason === 'InvalidScenario' && !/no container named|only a Deployment/.test(e.message)).length, 0);
      checkInvariants(first, scenario);
    }), { numRuns: 250, seed: 5 });
  });

  it('does not modify the resource or the scenario it is given', () => {
    const resource = structuredClone(RESOURCES[3]);
    const scenario: Scenario = { rolloutAt: 20, rolloutImage: 'app:2', containers: { app: { readyAfterSeconds: 3 } } };
    const before = JSON.stringify([resource, scenario]);
    simulate({ resource }, scenario);
    assert.equal(JSON.stringify([resource, scenario]), before);
  });

  it('stays within the engine limits on a pathological scenario', () => {
    const flapping = pod({ containers: [{ name: 'app', image: 'app:1', livenessProbe: { exec: { command: ['true'] }, periodSeconds: 1, failureThreshold: 1 } }] });
    const result = simulate({ resource: flapping }, { horizon: 7 * 24 * 3600, containers: { app: { runSeconds: 0, livenessFailsAfterSeconds: 0 } } });
    assert.ok(result.horizon <= 7 * 24 * 3600);
    assert.ok(result.events.length <= 20_001);
  });
});
