import * as assert from 'node:assert/strict';
import { simulate, type Scenario, type ServiceFrame, type SimulationResult } from '../../../server/src/simulation';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';
import { deployment, frameAt, type Json } from './helpers';

// workloads.md §3: endpoints for pods with an IP (after the sandbox), serving = Ready, terminating = deleted,
// ready = publishNotReadyAddresses || (serving && !terminating); changes land at once (batch period 0);
// kube-proxy sends traffic to ready endpoints, else to serving terminating ones.
const t0 = SANDBOX_SECONDS;
const readiness = { readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 } };
const app = { name: 'app', image: 'app:1', ports: [{ name: 'http', containerPort: 8080 }], ...readiness };

function service(spec: Json, name = 'web'): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec } };
}

function play(resource: Json, scenario: Scenario, services: Json[], workloads: Json[] = []): SimulationResult {
  return simulate({ resource, related: { services, workloads } }, { cachedImages: ['app:1', 'app:2'], ...scenario });
}

function svc(result: SimulationResult, at: number, name = 'web'): ServiceFrame {
  const found = frameAt(result, at).services?.find((s) => s.name === name);
  if (!found) throw new Error(`no Service ${name} at ${at}`);
  return found;
}

/** `pod:ready/serving/terminating/traffic` per endpoint, with R/S/T/> for true and - for false. */
function endpoints(result: SimulationResult, at: number, name = 'web'): string[] {
  return svc(result, at, name).endpoints.map((e) => `${e.pod}:${e.ready ? 'R' : '-'}${e.serving ? 'S' : '-'}${e.terminating ? 'T' : '-'}${e.traffic ? '>' : '-'}`);
}

function podNames(result: SimulationResult, at: number): string[] {
  return frameAt(result, at).pods.map((p) => p.name);
}

describe('simulation: Services and their endpoints', () => {
  const one = deployment({ replicas: 1 }, app);

  it('an endpoint appears once the pod has an IP, not serving until the readiness probe passes', () => {
    const r = play(one, { containers: { app: { readyAfterSeconds: 3 } } }, [service({})]);
    assert.deepEqual(svc(r, 0).endpoints, []);
    const [pod] = podNames(r, 0);
    assert.deepEqual(endpoints(r, t0), [`${pod}:----`]);
    // Probes at t0, t0+5: the first pass is at t0+5.
    assert.deepEqual(endpoints(r, t0 + 4), [`${pod}:----`]);
    assert.deepEqual(endpoints(r, t0 + 5), [`${pod}:RS->`]);
  });

  it('a named targetPort is resolved in each pod\'s container ports; a name no container has is left out', () => {
    const r = play(one, {}, [service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 'metrics' }, { port: 81, targetPort: 7000 }] })]);
    assert.deepEqual(svc(r, t0 + 5).endpoints[0].ports, [{ name: 'http', port: 8080, protocol: 'TCP' }, { port: 7000, protocol: 'TCP' }]);
  });

  it('deletion: the endpoint turns terminating and not ready at once; with no ready endpoint left, traffic falls back to serving terminating ones', () => {
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [app] } };
    const r = play(bare, { deleteAt: 50, containers: { app: { sigtermExitSeconds: 10 } } }, [service({})]);
    assert.deepEqual(endpoints(r, 49), ['web:RS->']);
    assert.deepEqual(endpoints(r, 50), ['web:-ST>']);
    assert.deepEqual(svc(r, 60).endpoints, [], 'gone once the pod is gone');
    const replaced = play(one, { deleteAt: 50, containers: { app: { sigtermExitSeconds: 10 } } }, [service({})]);
    const traffic = (at: number): string[] => svc(replaced, at).endpoints.map((e) => `${e.terminating ? 'old' : 'new'}:${e.traffic}`);
    assert.deepEqual(traffic(50), ['old:true'], 'the replacement has no IP yet');
    assert.deepEqual(traffic(50 + t0), ['old:false', 'new:true']);
  });

  it('publishNotReadyAddresses: endpoints are ready (and get traffic) before the pod is Ready', () => {
    const r = play(one, { containers: { app: { readyAfterSeconds: 3 } } }, [service({ publishNotReadyAddresses: true })]);
    const [pod] = podNames(r, 0);
    assert.deepEqual(endpoints(r, t0), [`${pod}:R-->`]);
  });

  it('only Services that select the pods, in their namespace, with a selector, and not ExternalName, are listed', () => {
    const r = play(one, {}, [
      service({}, 'web'), service({ selector: { app: 'other' } }, 'other'), service({ selector: undefined }, 'manual'),
      service({ type: 'ExternalName', externalName: 'example.com' }, 'external'),
      { ...service({}, 'elsewhere'), metadata: { name: 'elsewhere', namespace: 'prod' } },
    ]);
    assert.deepEqual(frameAt(r, 0).services?.map((s) => s.name), ['web']);
  });

  it('a rolling update moves traffic from the old pods to the new ones as each becomes ready', () => {
    const r = play(deployment({ replicas: 2 }, app), { rolloutAt: 100, rolloutImage: 'app:2', containers: { app: { sigtermExitSeconds: 3 } } }, [service({})]);
    const revisionOf = new Map<string, number>();
    for (const frame of r.frames) for (const p of frame.pods) revisionOf.set(p.name, p.revision ?? 0);
    const trafficBy = (at: number): number[] => svc(r, at).endpoints.filter((e) => e.traffic).map((e) => revisionOf.get(e.pod) ?? 0).sort();
    assert.deepEqual(trafficBy(99), [1, 1]);
    assert.deepEqual(trafficBy(100 + t0), [1, 2]);
    const terminating = svc(r, 100 + t0).endpoints.filter((e) => e.terminating);
    assert.deepEqual(terminating.map((e) => [revisionOf.get(e.pod), e.ready, e.serving, e.traffic]), [[1, false, true, false]],
      'the old pod stays an endpoint while it terminates, without traffic while others are ready');
    assert.deepEqual(trafficBy(r.horizon), [2, 2]);
    for (const frame of r.frames) assert.ok((frame.services?.[0].endpoints.filter((e) => e.traffic).length ?? 0) > 0 || frame.at < t0 + 5, `traffic goes somewhere at ${frame.at}`);
  });

  it('blue/green: a Service selector switch moves all traffic from one Deployment to the other in one instant', () => {
    const colour = (name: string): Json => {
      const d = deployment({ replicas: 2 }, app, name);
      const spec = d.spec as Json;
      spec.selector = { matchLabels: { app: 'web', version: name } };
      spec.template = { metadata: { labels: { app: 'web', version: name } }, spec: { containers: [app] } };
      return d;
    };
    const blue = colour('blue');
    const green = colour('green');
    const r = play(blue, { serviceSelectorAt: 60, serviceSelector: { app: 'web', version: 'green' } },
      [service({ selector: { app: 'web', version: 'blue' } })], [blue, green]);
    const owners = new Map<string, string | undefined>();
    for (const frame of r.frames) for (const p of frame.pods) owners.set(p.name, p.owner);
    const trafficTo = (at: number): string[] => svc(r, at).endpoints.filter((e) => e.traffic).map((e) => owners.get(e.pod) ?? '?');
    assert.deepEqual(trafficTo(59), ['deployment/blue', 'deployment/blue']);
    assert.deepEqual(trafficTo(60), ['deployment/green', 'deployment/green']);
    assert.deepEqual(svc(r, 60).selector, { app: 'web', version: 'green' });
    assert.equal(frameAt(r, 0).pods.length, 4, 'both colours run from the start');
    assert.equal(frameAt(r, 0).deployment?.name, 'blue');
  });
});
