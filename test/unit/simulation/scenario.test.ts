import * as assert from 'node:assert/strict';
import { MAX_HORIZON, SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { readScenario, scenarioFromAnnotations } from '../../../server/src/simulation';
import { CONTAINER_ANNOTATIONS, TOP_ANNOTATIONS } from '../../../server/src/simulation/scenario';
import { containerAt, deployment, eventsOf, goneAt, pod, run, timesOf, type Json } from './helpers';

const t0 = SANDBOX_SECONDS;
const annotated = (annotations: Record<string, string>, spec: Json = { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] }): Json =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', annotations }, spec });

describe('simulation: scenario knobs written as annotations', () => {
  it('reads podlab.dev/scenario as a whole scenario in JSON', () => {
    const resource = annotated({ 'podlab.dev/scenario': JSON.stringify({ cachedImages: ['app:1'], containers: { app: { runSeconds: 4, exitCode: 3 } } }) });
    const result = run(resource);
    assert.deepEqual([containerAt(result, t0 + 4, 'app').exitCode, timesOf(result, 'Started')], [3, [t0]]);
  });

  it('reads one knob per annotation: podlab.dev/<knob> and podlab.dev/<knob>.<container>, as strings', () => {
    const resource = annotated({
      'podlab.dev/cached-images': 'app:1, other:2',
      'podlab.dev/delete-at': '30',
      'podlab.dev/delete-grace-period-seconds': '5',
      'podlab.dev/sigterm-exit-seconds.app': '60',
    });
    assert.deepEqual(scenarioFromAnnotations(resource), {
      cachedImages: ['app:1', 'other:2'], deleteAt: 30, deleteGracePeriodSeconds: 5, containers: { app: { sigtermExitSeconds: 60 } },
    });
    assert.equal(goneAt(run(resource), 'web'), 35);
  });

  it('maps every documented annotation to its knob', () => {
    const top: Record<string, [string, string, unknown]> = {
      horizon: ['horizon', '90', 90], 'pull-seconds': ['pullSeconds', '3', 3], 'cached-images': ['cachedImages', 'a:1', ['a:1']],
      'delete-at': ['deleteAt', '9', 9], 'delete-grace-period-seconds': ['deleteGracePeriodSeconds', '4', 4], 'node-lost-at': ['nodeLostAt', '8', 8],
      'rollout-at': ['rolloutAt', '7', 7], 'rollout-image': ['rolloutImage', 'a:2', 'a:2'], 'unbound-claims': ['unboundClaims', 'data', ['data']],
      'service-selector-at': ['serviceSelectorAt', '60', 60], 'service-selector': ['serviceSelector', 'app=web, version=green', { app: 'web', version: 'green' }],
      'start-time': ['startTime', '2026-03-01T08:59:00Z', '2026-03-01T08:59:00Z'], 'max-container-restart-period': ['maxContainerRestartPeriod', '30', 30],
    };
    assert.deepEqual(Object.keys(top).sort(), Object.keys(TOP_ANNOTATIONS).sort(), 'every top-level annotation of knobs.ts is tried here');
    for (const [annotation, [knob, text, value]] of Object.entries(top)) {
      assert.deepEqual(scenarioFromAnnotations(annotated({ [`podlab.dev/${annotation}`]: text })), { [knob]: value }, annotation);
    }
    const perContainer: Record<string, [string, string, unknown]> = {
      'run-seconds': ['runSeconds', '5', 5], 'exit-code': ['exitCode', '2', 2], 'oom-killed': ['oomKilled', 'true', true],
      'pull-fails': ['pullFails', 'true', true], 'ready-after-seconds': ['readyAfterSeconds', '6', 6],
      'liveness-fails-after-seconds': ['livenessFailsAfterSeconds', '7', 7], 'started-after-seconds': ['startedAfterSeconds', '8', 8],
      'sigterm-exit-seconds': ['sigtermExitSeconds', '9', 9], 'sigterm-exit-code': ['sigtermExitCode', '0', 0], 'prestop-seconds': ['preStopSeconds', '3', 3],
      'exit-codes': ['exitCodes', '1,1,0', [1, 1, 0]],
    };
    assert.deepEqual(Object.keys(perContainer).sort(), Object.keys(CONTAINER_ANNOTATIONS).sort(), 'every container annotation of knobs.ts is tried here');
    for (const [annotation, [knob, text, value]] of Object.entries(perContainer)) {
      assert.deepEqual(scenarioFromAnnotations(annotated({ [`podlab.dev/${annotation}.app`]: text })), { containers: { app: { [knob]: value } } }, annotation);
    }
  });

  it('says what a malformed selector or time looks like', () => {
    assert.deepEqual(readScenario({ serviceSelector: 'app', startTime: 'tomorrow' }).problems, [
      'scenario.serviceSelector: expected labels (an object of strings, or key=value pairs separated by commas), got "app"; ignored.',
      'scenario.startTime: expected a time (RFC 3339, e.g. 2026-01-01T09:00:00Z), got "tomorrow"; ignored.',
    ]);
  });

  it('applies the JSON first, then the single-knob annotations; at each step the resource\'s own win over its template\'s', () => {
    const resource = deployment({ replicas: 1 });
    (resource.metadata as Json).annotations = { 'podlab.dev/scenario': '{"containers":{"app":{"runSeconds":4,"exitCode":1}}}', 'podlab.dev/exit-code.app': '2' };
    const template = (resource.spec as Json).template as Json;
    (template.metadata as Json).annotations = { 'podlab.dev/run-seconds.app': '9', 'podlab.dev/exit-code.app': '5' };
    assert.deepEqual(scenarioFromAnnotations(resource), { containers: { app: { runSeconds: 9, exitCode: 2 } } });
  });

  it('lets the request\'s knobs win over the annotations, merging container knobs by name', () => {
    const resource = annotated({ 'podlab.dev/run-seconds.app': '4', 'podlab.dev/exit-code.app': '3' });
    const result = run(resource, { cachedImages: ['app:1'], containers: { app: { exitCode: 7 } } });
    assert.deepEqual([timesOf(result, 'Started'), containerAt(result, t0 + 4, 'app').exitCode], [[t0], 7]);
  });

  it('reports annotations it cannot read instead of ignoring them silently', () => {
    const result = run(annotated({ 'podlab.dev/scenario': '{not json', 'podlab.dev/run-secs.app': '3', 'podlab.dev/exit-code.app': 'x' }));
    assert.deepEqual(eventsOf(result, 'InvalidScenario').map((e) => e.message), [
      'annotation podlab.dev/scenario: expected a JSON object; ignored.',
      'annotation podlab.dev/run-secs.app: not a scenario annotation; ignored.',
      'scenario.containers.app.exitCode: expected an exit code (an integer 0-255), got "x"; ignored.',
    ]);
  });
});

describe('simulation: invalid scenario input', () => {
  const plain = pod({ containers: [{ name: 'app', image: 'app:1' }] });

  it('drops malformed knobs, keeps the rest, and says what it dropped in a Warning InvalidScenario event', () => {
    const result = run(plain, { horizon: -5, pullSeconds: 'soon', cachedImages: 'app:1', runSecond: 3, containers: { app: { exitCode: 300, runSeconds: Number.NaN }, ghost: {} } } as unknown as Json);
    const problems = eventsOf(result, 'InvalidScenario');
    assert.ok(problems.every((e) => e.type === 'Warning' && e.at === 0 && e.object === 'pod/web' && e.source === 'podlab'));
    assert.deepEqual(problems.map((e) => e.message), [
      'scenario.runSecond: not a scenario knob; ignored.',
      'scenario.horizon: expected seconds (a number >= 0), got -5; ignored.',
      'scenario.pullSeconds: expected seconds (a number >= 0), got "soon"; ignored.',
      'scenario.containers.app.exitCode: expected an exit code (an integer 0-255), got 300; ignored.',
      'scenario.containers.app.runSeconds: expected seconds (a number >= 0), got null; ignored.',
      'scenario.containers.ghost: no container named "ghost" in this Pod; ignored.',
    ]);
    assert.deepEqual(timesOf(result, 'Pulled', 'already present'), [t0], 'the well-formed cachedImages string still applies');
  });

  it('clamps a horizon beyond the engine limit and says so', () => {
    const { scenario, problems } = readScenario({ horizon: MAX_HORIZON * 2 });
    assert.equal(scenario.horizon, MAX_HORIZON);
    assert.deepEqual(problems, [`scenario.horizon: ${MAX_HORIZON * 2} s is beyond the engine's limit; clamped to ${MAX_HORIZON} s.`]);
  });

  it('rejects rollout knobs on kinds that do not roll out, and a rollout at 0', () => {
    assert.match(eventsOf(run(plain, { rolloutAt: 10 }), 'InvalidScenario')[0].message, /^scenario\.rolloutAt: only a Deployment rolls out/);
    const d = run(deployment({ replicas: 1 }), { rolloutAt: 0 });
    assert.match(eventsOf(d, 'InvalidScenario')[0].message, /^scenario\.rolloutAt: a rollout needs a time after 0/);
    assert.equal(eventsOf(d, 'ScalingReplicaSet').length, 1);
  });

  it('treats a scenario that is not an object as empty, with a warning', () => {
    for (const bad of ['fast', 42, [1, 2]]) {
      const result = run(plain, bad as unknown as Json);
      assert.equal(eventsOf(result, 'InvalidScenario').length, 1, JSON.stringify(bad));
      assert.ok(timesOf(result, 'Started').length === 1);
    }
  });

  it('never throws on input that is not a Kubernetes object, and says there is nothing to simulate', () => {
    for (const resource of [null, 7, 'Pod', [], {}, { kind: 'Service', metadata: { name: 's' } }, { kind: 'Pod', spec: 'x' }]) {
      const result = run(resource as unknown as Json);
      assert.ok(Array.isArray(result.frames) && result.frames.length >= 1);
    }
    assert.equal(eventsOf(run({ kind: 'ConfigMap', metadata: { name: 'c' } }), 'NotSimulated').length, 1);
  });
});
