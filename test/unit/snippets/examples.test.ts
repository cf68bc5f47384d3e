import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis/analyze';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const examples = join(__dirname, '..', '..', '..', 'examples');

const expectedKinds: Record<string, string[]> = {
  'pod.yaml': ['Pod'],
  'deployment-service.yaml': ['Deployment', 'Service'],
  'native-sidecar-pod.yaml': ['Pod'],
  'pvc-pod.yaml': ['PersistentVolumeClaim', 'Pod'],
  'job.yaml': ['Job'],
  'cronjob.yaml': ['CronJob'],
};

describe('examples/', () => {
  it('holds the sample manifests people open first', () => {
    assert.deepEqual(readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort(), Object.keys(expectedKinds).sort());
  });

  for (const [name, kinds] of Object.entries(expectedKinds)) {
    it(`${name} is valid: no syntax problems and no Error findings`, () => {
      const text = readFileSync(join(examples, name), 'utf8');
      const file = parseManifest(text);
      assert.deepEqual(file.syntaxProblems, []);
      assert.deepEqual(file.resources.map((r) => r.kind), kinds);
      const failures: string[] = [];
      const errors = analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => failures.push(`${rule.meta.id}: ${String(error)}`) })
        .filter((f) => f.severity === 'error');
      assert.deepEqual(failures, []);
      assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), []);
    });
  }

  it('native-sidecar-pod.yaml has a native sidecar (an init container with restartPolicy Always)', () => {
    const pod = parseManifest(readFileSync(join(examples, 'native-sidecar-pod.yaml'), 'utf8')).resources[0].object as { spec: { initContainers: Array<{ name: string; restartPolicy?: string }> } };
    assert.deepEqual(pod.spec.initContainers.map((c) => [c.name, c.restartPolicy]), [['prepare', undefined], ['log-shipper', 'Always']]);
  });
});
