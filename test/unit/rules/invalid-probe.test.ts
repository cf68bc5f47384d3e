import rule from '../../../server/src/rules/invalid-probe';
import { testRule } from './ruleTester';

const withProbe = (probe: string, list = 'containers', extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ${list}:
    - name: app
      image: nginx:1.27${extra}
${probe}`;

testRule(rule, {
  valid: [
    { name: 'one handler, readiness successThreshold 2, period 0 (defaulted)', code: withProbe('      readinessProbe:\n        httpGet: {path: /, port: 80}\n        successThreshold: 2\n        periodSeconds: 0\n') },
    { name: 'a probe on a native sidecar', code: withProbe('      startupProbe:\n        tcpSocket: {port: 80}\n', 'initContainers', '\n      restartPolicy: Always') },
  ],
  invalid: [
    { name: 'no handler', code: withProbe('      livenessProbe:\n        periodSeconds: 5\n'), errors: [{ text: 'livenessProbe', message: /has no handler/ }] },
    {
      name: 'two handlers: keep one',
      code: withProbe('      livenessProbe:\n        exec:\n          command: [cat, /tmp/ok]\n        tcpSocket:\n          port: 80\n        periodSeconds: 5\n'),
      errors: [{ text: 'livenessProbe', message: /has 2 handlers \(exec, tcpSocket\)/ }],
      fixTitle: /Keep only the tcpSocket/,
      output: withProbe('      livenessProbe:\n        tcpSocket:\n          port: 80\n        periodSeconds: 5\n'),
    },
    {
      name: 'liveness successThreshold 2',
      code: withProbe('      livenessProbe:\n        tcpSocket: {port: 80}\n        successThreshold: 2\n'),
      errors: [{ text: '2', message: /successThreshold of the livenessProbe of container "app" must be 1/ }],
      output: withProbe('      livenessProbe:\n        tcpSocket: {port: 80}\n        successThreshold: 1\n'),
    },
    { name: 'a negative timing', code: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n        periodSeconds: -1\n'), errors: [{ text: '-1', message: /must not be negative/ }] },
    {
      name: 'a probe on a plain init container: remove it',
      code: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n      command: [sh]\n', 'initContainers'),
      errors: [{ text: 'readinessProbe', message: /is forbidden: init containers run to completion/ }],
      output: withProbe('      command: [sh]\n', 'initContainers'),
    },
    {
      name: 'a probe on a plain init container: make it a sidecar',
      code: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n', 'initContainers'),
      errors: [{ text: 'readinessProbe' }],
      fixTitle: /native sidecar/,
      output: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n      restartPolicy: Always\n', 'initContainers'),
    },
    {
      name: 'terminationGracePeriodSeconds on a readiness probe',
      code: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n        terminationGracePeriodSeconds: 10\n'),
      errors: [{ text: 'terminationGracePeriodSeconds' }],
      output: withProbe('      readinessProbe:\n        tcpSocket: {port: 80}\n'),
    },
  ],
});
