// The real engine's answers through the panel's reading and view model: what the panel draws
// for a failing Job and a deleted pod comes from the simulation, not from hand-made fixtures.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { readSimulationResult } from '../../../client/webview/readSimulationResult';
import { segmentAt } from '../../../client/webview/segments';
import { buildViewModel } from '../../../client/webview/viewModel';
import { simulate } from '../../../server/src/simulation';

const fixtures = join(import.meta.dirname, '../../e2e/fixtures');

function panelModel(resource: Record<string, unknown>, scenario: Record<string, unknown> = {}, services: Record<string, unknown>[] = []) {
  const result = readSimulationResult(JSON.parse(JSON.stringify(simulate({ resource, related: { services } }, scenario))));
  assert.ok(result, 'the panel could not read the engine\'s answer');
  return buildViewModel(result);
}

describe('webview: the engine\'s answers as the panel reads them', () => {
  it('a Job with backoffLimit 2 whose container fails: three pods and the Job Failed with BackoffLimitExceeded', () => {
    const model = panelModel(parse(readFileSync(join(fixtures, 'failing-job.yaml'), 'utf8')));
    assert.equal(model.pods.length, 3);
    const [job] = model.jobLanes;
    const last = job.status[job.status.length - 1];
    assert.match(last.label, /^Failed · 0 active · 0 succeeded · 3 failed$/);
    assert.match(job.conditions[job.conditions.length - 1].detail, /Failed \(BackoffLimitExceeded: Job has reached the specified backoff limit\)/);
    assert.deepEqual(model.groups?.map((g) => g.title), ['Pods of job/pi']);
  });

  it('a suspended Job: no pod, the Job row says Suspended with its condition', () => {
    const job = parse(readFileSync(join(fixtures, 'failing-job.yaml'), 'utf8'));
    const model = panelModel({ ...job, spec: { ...job.spec, suspend: true } });
    assert.deepEqual(model.pods, []);
    const [lane] = model.jobLanes;
    assert.match(lane.status[0].label, /^Suspended · 0 active · 0 succeeded · 0 failed$/);
    assert.match(lane.conditions[0].detail, /Suspended \(JobSuspended: Job suspended\)/);
  });

  it('an Indexed Job: pods named by index, and the completed indexes read from the engine', () => {
    const job = {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' },
      spec: { completionMode: 'Indexed', completions: 3, parallelism: 3, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.40' }] } } },
    };
    const model = panelModel(job, { containers: { pi: { runSeconds: 2 } } });
    assert.deepEqual(model.pods.map((pod) => pod.name.replace(/-[a-z0-9]{5}$/, '')), ['pi-0', 'pi-1', 'pi-2']);
    const [lane] = model.jobLanes;
    assert.match(lane.status.at(-1)!.detail ?? '', /Completed Indexes: 0-2$/);
  });

  it('a deleted pod: its container is shown stopping during the grace period', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { terminationGracePeriodSeconds: 20, containers: [{ name: 'app', image: 'nginx:1.27' }] },
    };
    const model = panelModel(pod, { deleteAt: 30, containers: { app: { sigtermExitSeconds: 8 } } });
    const lane = model.pods[0].containers[0].segments;
    assert.equal(segmentAt(lane, 33)?.tone, 'terminating');
    assert.equal(segmentAt(lane, 33)?.label, 'Stopping');
    assert.equal(segmentAt(lane, 29)?.tone, 'ready');
  });

  it('a paused Deployment: no pods, the rollout waiting, Progressing Unknown because it is paused', () => {
    const [deployment] = parseAllDocuments(readFileSync(join(fixtures, 'rollout-service.yaml'), 'utf8')).map((d) => d.toJS());
    const model = panelModel({ ...deployment, spec: { ...deployment.spec, paused: true } });
    assert.deepEqual(model.pods, []);
    const d = model.deployment;
    assert.ok(d, 'no Deployment status');
    assert.deepEqual(d.rollout.map((s) => s.label), [`Waiting for deployment "web" rollout to finish: 0 out of ${deployment.spec.replicas} new replicas have been updated...`]);
    const progressing = d.conditions.find((c) => c.type === 'Progressing');
    assert.match(progressing?.segments[0].label ?? '', /Unknown · DeploymentPaused/);
  });

  it('a rollout behind a Service: the rollout status line, the conditions, and traffic moving to the new pods', () => {
    const [deployment, service] = parseAllDocuments(readFileSync(join(fixtures, 'rollout-service.yaml'), 'utf8')).map((d) => d.toJS());
    const model = panelModel(deployment, {}, [service]);
    const d = model.deployment;
    assert.ok(d, 'no Deployment status');
    assert.match(d.rollout[d.rollout.length - 1].label, /deployment "web" successfully rolled out/);
    assert.ok(d.rollout.some((s) => /Waiting for deployment "web" rollout to finish/.test(s.label)));
    assert.deepEqual(d.conditions.map((c) => c.type).sort(), ['Available', 'Progressing']);
    const [lanes] = model.serviceLanes;
    assert.equal(lanes.name, 'web');
    const revisions = new Set(model.groups?.map((g) => g.revision));
    assert.equal(revisions.size, 2, 'two ReplicaSets');
    const traffic = (pod: string) => lanes.endpoints.find((e) => e.pod === pod)?.segments.some((s) => s.label === 'gets traffic');
    for (const group of model.groups ?? []) for (const pod of group.pods) assert.ok(traffic(pod.name), `${pod.name} never got traffic`);
  });

  it('a Deployment with `contaners:` is refused: no pod, the errors with their places', () => {
    const resource = parse(readFileSync(join(fixtures, 'misspelt.yaml'), 'utf8'));
    const result = readSimulationResult(JSON.parse(JSON.stringify(simulate({ resource }))));
    assert.ok(result?.refused, 'not refused');
    assert.ok(result.refused.some((r) => /contaners/.test(r.message)));
    assert.equal(buildViewModel(result).pods.length, 0);
  });
});
