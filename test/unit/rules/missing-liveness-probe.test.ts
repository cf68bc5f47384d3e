import rule from '../../../server/src/rules/missing-liveness-probe';
import { testRule } from './ruleTester';

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

testRule(rule, {
  valid: [
    { name: 'has a liveness probe', code: deployment('        ports: [{containerPort: 80}]\n        livenessProbe: {httpGet: {port: 80}}\n') },
    { name: 'serves no port', code: deployment('        command: [worker]\n') },
    { name: 'a Job is not checked', code: deployment('        ports: [{containerPort: 80}]\n', 'Job').replace('apps/v1', 'batch/v1') },
  ],
  invalid: [
    {
      name: 'an HTTP port: an httpGet probe on its name',
      code: deployment('        ports:\n        - name: http\n          containerPort: 8080\n'),
      errors: [{ text: 'app', severity: 'information', message: /serves port http but has no livenessProbe/ }],
      output: deployment('        ports:\n        - name: http\n          containerPort: 8080\n        livenessProbe:\n          httpGet:\n            path: /\n            port: http\n'),
    },
    {
      name: 'another port: a tcpSocket probe on its number',
      code: deployment('        ports:\n        - containerPort: 5432\n'),
      errors: [{ text: 'app' }],
      output: deployment('        ports:\n        - containerPort: 5432\n        livenessProbe:\n          tcpSocket:\n            port: 5432\n'),
    },
      {
      name: 'declares no port, but a Service in the file selects its pod',
      code: `${deployment('        command: [serve]\n')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 5432}]\n`,
      errors: [{ text: 'app', severity: 'information', message: /receives traffic from Service web \(targetPort 5432\) but has no livenessProbe/ }],
      output: `${deployment('        command: [serve]\n        livenessProbe:\n          tcpSocket:\n            port: 5432\n')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 5432}]\n`,
    },
  ],
});
