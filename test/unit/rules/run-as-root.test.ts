import rule from '../../../server/src/rules/run-as-root';
import { testRule } from './ruleTester';

const pod = (podContext: string, container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podContext}  containers:
    - name: app
      image: nginx:1.27
${container}`;

testRule(rule, {
  valid: [
    { name: 'runAsNonRoot on the pod', code: pod('  securityContext:\n    runAsNonRoot: true\n', '') },
    { name: 'a non-zero runAsUser on the container', code: pod('', '      securityContext:\n        runAsUser: 10001\n') },
  ],
  invalid: [
    { name: 'runAsUser 0', code: pod('', '      securityContext:\n        runAsUser: 0\n'), errors: [{ text: '0', severity: 'warning', message: /runs as root \(runAsUser: 0\)/ }] },
    { name: 'runAsUser 0 on the pod', code: pod('  securityContext:\n    runAsUser: 0\n', ''), errors: [{ text: '0', line: 7 }] },
    {
      name: 'nothing set: a hint, and the fix adds runAsNonRoot',
      code: pod('', '      ports: [{containerPort: 80}]\n'),
      errors: [{ text: 'app', severity: 'hint', message: /Nothing stops container "app" from running as root/ }],
      output: pod('', '      ports: [{containerPort: 80}]\n      securityContext:\n        runAsNonRoot: true\n'),
    },
    {
      name: 'runAsNonRoot false on the container: the fix flips it',
      code: pod('', '      securityContext: {runAsNonRoot: false}\n'),
      errors: [{ text: 'false', severity: 'hint' }],
      output: pod('', '      securityContext: {runAsNonRoot: true}\n'),
    },
  ],
});
