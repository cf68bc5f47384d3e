import rule from '../../../server/src/rules/invalid-port';
import { testRule } from './ruleTester';

const container = (ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
${ports}`;

testRule(rule, {
  valid: [
    { name: 'ports in range; hostPort 0 means none', code: container('        - containerPort: 65535\n          hostPort: 0\n') },
    { name: 'named targetPort and quoted numbers are other rules\' business', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n    - port: 81\n      targetPort: "81"\n' },
  ],
  invalid: [
    { name: 'containerPort 0', code: container('        - containerPort: 0\n'), errors: [{ text: '0', message: /containerPort 0 is not a valid port/ }] },
    { name: 'containerPort above 65535', code: container('        - containerPort: 70000\n'), errors: [{ text: '70000' }] },
    { name: 'hostPort negative', code: container('        - containerPort: 80\n          hostPort: -1\n'), errors: [{ text: '-1', message: /or 0 for none/ }] },
    { name: 'Service port and targetPort', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 0\n      targetPort: 99999\n', errors: [{ text: '0' }, { text: '99999' }] },
    {
      name: 'a probe port',
      code: container('        - containerPort: 80\n') + '      livenessProbe:\n        tcpSocket:\n          port: 123456\n',
      errors: [{ text: '123456' }],
    },
  ],
});
