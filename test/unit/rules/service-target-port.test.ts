import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/service-target-port';
import { applyFixInWorkspace, runInWorkspace, underlined, type Files } from './workspaceTester';

const service = (targetPort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: ${targetPort} # where the app listens
`;

const pod = (name: string, ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
${ports}`;

describe('rule service-target-port', () => {
  it('valid: the named port is declared by every selected pod', () => {
    const files: Files = { 'svc.yaml': service('http'), 'a.yaml': pod('a', '        - name: http\n          containerPort: 8080\n'), 'b.yaml': pod('b', '        - name: http\n          containerPort: 9090\n') };
    assert.deepEqual(runInWorkspace(rule, files, 'svc.yaml'), []);
  });

  it('valid: a number needs no declaration, and nothing selected means nothing to check', () => {
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('8080'), 'a.yaml': pod('a', '        - containerPort: 80\n') }, 'svc.yaml'), []);
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('http') }, 'svc.yaml'), []);
  });

  it('valid: a half-written pod (no containers yet) declares nothing to compare with', () => {
    const halfWritten = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: web\nspec:\n  containers: []\n';
    assert.deepEqual(runInWorkspace(rule, { 'svc.yaml': service('http'), 'a.yaml': halfWritten }, 'svc.yaml'), []);
  });

  it('invalid: one of two pods lacks the name; the fix renames to the declared port and keeps the comment', () => {
    const files: Files = { 'svc.yaml': service('htp'), 'a.yaml': pod('a', '        - name: http\n          containerPort: 8080\n') };
    const findings = runInWorkspace(rule, files, 'svc.yaml');
    assert.deepEqual(underlined(files['svc.yaml'], findings), ['htp']);
    assert.match(findings[0].message, /targetPort "htp" is not a port name in Pod a .*they declare "http"/);
    const fix = findings[0].fixes?.[0];
    assert.equal(fix?.title, 'Change targetPort to "http"');
    assert.equal(applyFixInWorkspace(rule, files, 'svc.yaml', fix!), service('http'));
  });

  it('invalid: no named ports at all: no fix', () => {
    const files: Files = { 'svc.yaml': service('http'), 'a.yaml': pod('a', '        - containerPort: 8080\n') };
    const findings = runInWorkspace(rule, files, 'svc.yaml');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /they declare no named ports/);
    assert.deepEqual(findings[0].fixes, []);
  });
});
