import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/pvc-not-found';
import { withoutBreakingFixes } from '../../../server/src/analysis/store';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { testRule } from './ruleTester';
import { applyFixInWorkspace, runInWorkspace, underlined, type Files } from './workspaceTester';

const pod = (claim: string, namespace = '') => `apiVersion: v1
kind: Pod
metadata:
  name: db
${namespace}spec:
  containers:
    - name: db
      image: postgres:16
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ${claim} # the database files
`;

const claim = (name: string, namespace = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
${namespace}spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`;

describe('rule pvc-not-found', () => {
  it('valid: the claim is in another file of the workspace', () => {
    assert.deepEqual(runInWorkspace(rule, { 'pod.yaml': pod('data'), 'pvc.yaml': claim('data') }, 'pod.yaml'), []);
  });

  it('valid: the claim in the same file', () => {
    assert.deepEqual(runInWorkspace(rule, { 'pod.yaml': `${pod('data')}---\n${claim('data')}` }, 'pod.yaml'), []);
  });

  it('invalid: no such claim: Information, and the fix appends one in the pod\'s namespace', () => {
    const files: Files = { 'pod.yaml': pod('data', '  namespace: shop\n'), 'pvc.yaml': claim('data', '  namespace: other\n') };
    const findings = runInWorkspace(rule, files, 'pod.yaml');
    assert.deepEqual(underlined(files['pod.yaml'], findings), ['data']);
    assert.equal(findings[0].severity, 'information');
    assert.match(findings[0].message, /It may exist in the cluster; if it does not, the pod stays Pending/);
    const output = applyFixInWorkspace(rule, files, 'pod.yaml', findings[0].fixes![0]);
    assert.equal(output, `${pod('data', '  namespace: shop\n')}---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`);
  });

  it('invalid: CRLF file: the new claim uses CRLF too', () => {
    const text = pod('data').replace(/\n/g, '\r\n');
    const [finding] = runInWorkspace(rule, { 'pod.yaml': text }, 'pod.yaml');
    const output = applyFixInWorkspace(rule, { 'pod.yaml': text }, 'pod.yaml', finding.fixes![0]);
    assert.ok(!/[^\r]\n/.test(output), output);
  });

  it('the fix survives the server YAML guard (issue 11: it was refused as breaking the document)', () => {
    for (const text of [pod('data'), pod('data').trimEnd(), pod('data').replace(/\n/g, '\r\n')]) {
      const findings = runInWorkspace(rule, { 'pod.yaml': text }, 'pod.yaml');
      const refused: string[] = [];
      const [kept] = withoutBreakingFixes(parseManifest(text), findings, (what) => refused.push(what));
      assert.deepEqual(kept.fixes?.map((fix) => fix.title), ['Create PersistentVolumeClaim "data" in this file (1Gi, ReadWriteOnce; adjust)']);
      assert.deepEqual(refused, []);
      const output = applyFixInWorkspace(rule, { 'pod.yaml': text }, 'pod.yaml', kept.fixes![0]);
      assert.deepEqual(parseManifest(output).resources.map((resource) => resource.kind), ['Pod', 'PersistentVolumeClaim']);
    }
  });
});

testRule(rule, {
  valid: [
    { name: 'the claim in another file of the workspace (several files)', code: pod('data'), files: { 'claims/data.yaml': claim('data'), 'claims/logs.yaml': claim('logs') } },
  ],
  invalid: [
    {
      name: 'the workspace has other claims only, in another namespace',
      code: pod('data', '  namespace: shop\n'),
      files: { 'claims/data.yaml': claim('data', '  namespace: other\n'), 'claims/logs.yaml': claim('logs', '  namespace: shop\n') },
      errors: [{ text: 'data', severity: 'information' }],
      output: `${pod('data', '  namespace: shop\n')}---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`,
    },
  ],
});
