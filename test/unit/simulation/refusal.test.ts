import * as assert from 'node:assert/strict';
import type { SimulationResult } from '../../../server/src/simulation';
import { deployment, run, type Json } from './helpers';

// rules.md §1: what the API server refuses (strict decoding first, then field validation); a refused resource never runs.
function refusal(result: SimulationResult): string[] {
  return (result.refused ?? []).map((e) => `${e.path.join('.')}: ${e.message}`);
}

const job = (podSpec: Json): Json => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: podSpec } } });
const pod = (spec: Json): Json => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec });

describe('simulation: what the API server refuses is not simulated', () => {
  const cases: { name: string; resource: Json; refused: string[] }[] = [
    {
      name: '`contaners:` misspelt: an unknown field, and no containers',
      resource: (() => {
        const d = deployment({ replicas: 2 });
        const template = (d.spec as Json).template as Json;
        template.spec = { contaners: [{ name: 'app', image: 'app:1' }] };
        return d;
      })(),
      refused: [
        'spec.template.spec.contaners: strict decoding error: unknown field "spec.template.spec.contaners" (did you mean "containers"?)',
        'spec.template.spec.containers: spec.template.spec.containers: Required value',
      ],
    },
    {
      name: 'a Pod with an empty containers list',
      resource: pod({ containers: [] }),
      refused: ['spec.containers: spec.containers: Required value'],
    },
    {
      name: 'a Job whose restartPolicy defaults to Always',
      resource: job({ containers: [{ name: 'app', image: 'app:1' }] }),
      refused: ['spec.template.spec: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
    },
    {
      name: 'a Deployment with restartPolicy Never',
      resource: deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } } }),
      refused: ['spec.template.spec.restartPolicy: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'a selector that does not match the template labels',
      resource: deployment({ selector: { matchLabels: { app: 'other' } } }),
      refused: ['spec.template.metadata.labels: spec.template.metadata.labels: Invalid value: `selector` does not match template `labels`'],
    },
    {
      name: 'an Indexed Job without completions, before what its pod template lacks',
      resource: { ...job({ containers: [{ name: 'app', image: 'app:1' }] }), spec: { completionMode: 'Indexed', parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app' }] } } } },
      refused: [
        'spec.completions: spec.completions: Required value: when completion mode is Indexed',
        'spec.template.spec.containers.0.image: spec.template.spec.containers[0].image: Required value',
      ],
    },
    {
      name: 'two containers of one name, and one without an image',
      resource: pod({ containers: [{ name: 'app', image: 'app:1' }, { name: 'app' }] }),
      refused: ['spec.containers.1.name: spec.containers[1].name: Duplicate value: "app"', 'spec.containers.1.image: spec.containers[1].image: Required value'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = run(c.resource, {});
      assert.deepEqual(refusal(result), c.refused);
      assert.deepEqual(result.frames, [{ at: 0, pods: [] }], 'nothing runs: no pods, no ReplicaSet claiming to be ready');
      assert.equal(result.events.length, 1);
      assert.match(result.events[0].message, /^Not simulated: the API server would refuse it\. /);
    });
  }

  it('says it the way kubectl apply prints it', () => {
    const result = run(pod({ containers: [] }), {});
    assert.equal(result.events[0].message, 'Not simulated: the API server would refuse it. The Pod "web" is invalid: spec.containers: Required value');
  });

  it('accepts a valid resource', () => {
    assert.equal(run(deployment({}), {}).refused, undefined);
    assert.equal(run(job({ restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] }), {}).refused, undefined);
  });
});
