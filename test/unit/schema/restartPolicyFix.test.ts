import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analyze';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n    - name: app\n      image: nginx:1.27\n';
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Sometimes\n      containers:\n        - name: app\n          image: busybox:1.36\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      restartPolicy: Sometimes\n      containers:\n        - name: app\n          image: nginx:1.27\n';

function enumFixes(text: string): string[] {
  const finding = analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (_rule, error) => { throw error; } }).find((candidate) => candidate.code === 'invalid-enum');
  assert.ok(finding, 'an invalid-enum finding');
  return (finding.fixes ?? []).map((fix) => `${fix.title}${fix.preferred ? ' (preferred)' : ''}`);
}

// issue 11: on restartPolicy: Sometimes the preferred fix was the nearest word (Never), not the default.
describe('schema: an invalid pod restartPolicy is fixed to the kind\'s default first', () => {
  it('a Pod: Always (SetDefaults_PodSpec) is preferred, the other values follow', () => {
    assert.deepEqual(enumFixes(POD), ['Change to "Always" (preferred)', 'Change to "OnFailure"', 'Change to "Never"']);
  });

  it('a Deployment: only Always is accepted, so only Always is offered', () => {
    assert.deepEqual(enumFixes(DEPLOYMENT), ['Change to "Always" (preferred)']);
  });

  it('a Job: no default is accepted (Always is rejected), so OnFailure and Never, nearest first', () => {
    assert.deepEqual(enumFixes(JOB), ['Change to "Never" (preferred)', 'Change to "OnFailure"']);
  });

  it('other enums keep the nearest value', () => {
    const text = POD.replace('restartPolicy: Sometimes', 'dnsPolicy: ClusterFirs');
    assert.deepEqual(enumFixes(text), ['Change to "ClusterFirst" (preferred)']);
  });
});
