import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/service-no-match';
import { applyFixInWorkspace, runInWorkspace, underlined, type Files } from './workspaceTester';

const service = (selector: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${extra}  selector:
${selector}  ports:
    - port: 80 # the public port
`;

const deployment = (labels: string, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace}spec:
  selector:
    matchLabels:
${labels.replace(/^(?=.)/gm, '  ')}  template:
    metadata:
      labels:
${labels.replace(/^(?=.)/gm, '    ')}    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

describe('rule service-no-match', () => {
  it('valid: the selector matches a Deployment in another file', () => {
    const files: Files = { 'svc.yaml': service('    app: web\n'), 'deploy.yaml': deployment('    app: web\n    tier: front\n') };
    assert.deepEqual(runInWorkspace(rule, files, 'svc.yaml'), []);
  });

  it('valid: labels alone decide: a half-written Deployment (template labels, no containers or no pod spec yet) matches', () => {
    const noContainers = deployment('    app: web\n').replace('      containers:\n        - name: web\n          image: nginx:1.27\n', '      containers: []\n');
    assert.match(noContainers, /containers: \[\]\n$/);
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('    app: web\n'), 'deploy.yaml': noContainers }, 'svc.yaml'), []);
    const noSpec = deployment('    app: web\n').replace('    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n', '');
    assert.ok(noSpec.endsWith('        app: web\n'), noSpec);
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('    app: web\n'), 'deploy.yaml': noSpec }, 'svc.yaml'), []);
  });

  it('valid: no selector, an ExternalName Service, or a workspace still being indexed', () => {
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n    - port: 5432\n' }, 'svc.yaml'), []);
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('    app: web\n', '  type: ExternalName\n  externalName: db.example.com\n') }, 'svc.yaml'), []);
  });

  it('valid: pods in another namespace than the Service are not counted, but an unset namespace may be any', () => {
    const files: Files = { 'svc.yaml': service('    app: web\n'), 'deploy.yaml': deployment('    app: web\n', '  namespace: shop\n') };
    assert.deepEqual(runInWorkspace(rule, files, 'svc.yaml'), []);
  });

  it('invalid: a value typo; the fix aligns the selector with the Deployment and keeps the comment', () => {
    const files: Files = { 'svc.yaml': service('    app: webb\n'), 'deploy.yaml': deployment('    app: web\n') };
    const findings = runInWorkspace(rule, files, 'svc.yaml');
    assert.deepEqual(underlined(files['svc.yaml'], findings), ['selector']);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /No pod template in the workspace has the labels app=webb/);
    const fix = findings[0].fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Select the pods of Deployment web (app=web)');
    assert.equal(fix.preferred, true);
    assert.equal(applyFixInWorkspace(rule, files, 'svc.yaml', fix), service('    app: web\n'));
  });

  it('invalid: a key the pods lack; the fix drops it', () => {
    const files: Files = { 'svc.yaml': service('    app: web\n    tier: backend\n'), 'deploy.yaml': deployment('    app: web\n') };
    const [finding] = runInWorkspace(rule, files, 'svc.yaml');
    assert.ok(finding?.fixes?.[0]);
    assert.equal(applyFixInWorkspace(rule, files, 'svc.yaml', finding.fixes[0]), service('    app: web\n'));
  });

  it('invalid: nothing shares a key: reported without a fix', () => {
    const files: Files = { 'svc.yaml': service('    app: web\n'), 'deploy.yaml': deployment('    name: api\n') };
    const findings = runInWorkspace(rule, files, 'svc.yaml');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('invalid: a label value that reads as a number is quoted by the fix', () => {
    const files: Files = { 'svc.yaml': service('    app: web\n    version: v2\n'), 'deploy.yaml': deployment('    app: web\n    version: "2"\n') };
    const [finding] = runInWorkspace(rule, files, 'svc.yaml');
    assert.equal(applyFixInWorkspace(rule, files, 'svc.yaml', finding.fixes![0]), service('    app: web\n    version: "2"\n'));
  });
});
