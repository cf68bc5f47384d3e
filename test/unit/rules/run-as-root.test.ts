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
    { name: 'a non-zero runAsGroup on the container over runAsGroup 0 on the pod', code: pod('  securityContext:\n    runAsNonRoot: true\n    runAsGroup: 0\n', '      securityContext:\n        runAsGroup: 3000\n') },
  ],
  invalid: [
    { name: 'runAsUser 0', code: pod('', '      securityContext:\n        runAsUser: 0\n'), errors: [{ text: '0', severity: 'warning', message: /runs as root \(runAsUser: 0\)/ }] },
    { name: 'runAsUser 0 on the pod', code: pod('  securityContext:\n    runAsUser: 0\n', ''), errors: [{ text: '0', line: 7 }] },
    {
      name: 'runAsUser 0 on the container over a non-root pod: the container setting wins',
      code: pod('  securityContext:\n    runAsUser: 1000\n', '      securityContext:\n        runAsUser: 0\n'),
      errors: [{ text: '0', line: 12, severity: 'warning', message: /runs as root \(runAsUser: 0\)/ }],
    },
    {
      name: 'runAsUser 0 on the container under a pod-level runAsNonRoot: the kubelet refuses it',
      code: pod('  securityContext:\n    runAsNonRoot: true\n', '      securityContext:\n        runAsUser: 0\n'),
      errors: [{ text: '0', line: 12, severity: 'warning', message: /sets runAsUser: 0 under runAsNonRoot: true: the kubelet refuses to start it \(CreateContainerConfigError/ }],
    },
    {
      name: 'runAsGroup 0 with a non-root user',
      code: pod('', '      securityContext:\n        runAsUser: 10001\n        runAsGroup: 0\n'),
      errors: [{ text: '0', line: 11, severity: 'warning', message: /^Container "app" runs with the root group \(runAsGroup: 0\)/ }],
    },
    {
      name: 'runAsGroup 0 on the pod, not overridden by the container',
      code: pod('  securityContext:\n    runAsNonRoot: true\n    runAsGroup: 0\n', '      securityContext:\n        runAsUser: 10001\n'),
      errors: [{ text: '0', line: 8, message: /root group/ }],
    },
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
