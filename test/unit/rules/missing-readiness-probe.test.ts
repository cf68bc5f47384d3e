import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/missing-readiness-probe';
import { testRule } from './ruleTester';
import { applyFixInWorkspace, runInWorkspace, underlined, type Files } from './workspaceTester';

const deployment = (container: string, kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
${container}`;

const service = (ports: string, extra = '') => `---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${extra}  selector: {app: web}
  ports: ${ports}
`;

testRule(rule, {
  valid: [
    { name: 'has a readiness probe', code: deployment('        ports: [{containerPort: 80}]\n        readinessProbe: {httpGet: {port: 80}}\n') },
    { name: 'serves no port', code: deployment('        command: [worker]\n') },
    { name: 'serves no port, and the Service in the file selects other pods', code: deployment('        command: [worker]\n') + service('[{port: 80}]').replace('{app: web}', '{app: api}') },
    { name: 'serves no port, and the Service is an ExternalName', code: deployment('        command: [worker]\n') + service('[{port: 80}]', '  type: ExternalName\n  externalName: db.example.com\n') },
    { name: 'a Job is not checked', code: deployment('        ports: [{containerPort: 80}]\n', 'Job').replace('apps/v1', 'batch/v1') },
  ],
  invalid: [
    {
      name: 'an HTTP port: an httpGet probe on its name',
      code: deployment('        ports:\n        - name: http\n          containerPort: 8080\n'),
      errors: [{ text: 'app', severity: 'warning', message: /serves port http but has no readinessProbe/ }],
      output: deployment('        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /\n            port: http\n'),
    },
    {
      name: 'another port: a tcpSocket probe on its number',
      code: deployment('        ports:\n        - containerPort: 5432\n'),
      errors: [{ text: 'app' }],
      output: deployment('        ports:\n        - containerPort: 5432\n        readinessProbe:\n          tcpSocket:\n            port: 5432\n'),
    },
      {
      name: 'declares no port, but a Service in the file selects its pod: probed on the Service\'s targetPort',
      code: deployment('        command: [serve]\n') + service('[{port: 80, targetPort: 8080}]'),
      errors: [{ text: 'app', severity: 'warning', message: /^Container "app" receives traffic from Service web \(targetPort 8080\) but has no readinessProbe\./ }],
      output: deployment('        command: [serve]\n        readinessProbe:\n          httpGet:\n            path: /\n            port: 8080\n') + service('[{port: 80, targetPort: 8080}]'),
    },
    {
      name: 'declares no port, the Service has no targetPort: its port is the target',
      code: deployment('        command: [serve]\n') + service('[{port: 5432}]'),
      errors: [{ text: 'app', message: /targetPort 5432/ }],
      output: deployment('        command: [serve]\n        readinessProbe:\n          tcpSocket:\n            port: 5432\n') + service('[{port: 5432}]'),
    },
  ],
});

describe('rule missing-readiness-probe across the workspace', () => {
  const files = (targetPort: string): Files => ({
    'deploy.yaml': deployment('        command: [serve]\n'),
    'svc.yaml': service(`[{port: 80, targetPort: ${targetPort}}]`).replace('---\n', ''),
  });

  it('a Service in another file selects the pod of a container that declares no port', () => {
    const findings = runInWorkspace(rule, files('8080'), 'deploy.yaml');
    assert.deepEqual(underlined(files('8080')['deploy.yaml'], findings), ['app']);
    assert.equal(applyFixInWorkspace(rule, files('8080'), 'deploy.yaml', findings[0].fixes![0]), deployment('        command: [serve]\n        readinessProbe:\n          httpGet:\n            path: /\n            port: 8080\n'));
  });

  it('a named targetPort the container does not declare: reported, with no probe to offer', () => {
    const findings = runInWorkspace(rule, files('http'), 'deploy.yaml');
    assert.match(findings[0].message, /targetPort http/);
    assert.deepEqual(findings[0].fixes ?? [], []);
  });

  it('no Service selects the pod: nothing', () => {
    assert.deepEqual(runInWorkspace(rule, { 'deploy.yaml': files('80')['deploy.yaml'] }, 'deploy.yaml'), []);
  });
});
