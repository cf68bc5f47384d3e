import rule from '../../../server/src/rules/requests-exceed-limits';
import { testRule } from './ruleTester';

const resources = (body: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
${body}`;

testRule(rule, {
  valid: [
    { name: 'equal and lower, across units', code: resources('            requests: {cpu: 500m, memory: 1Gi}\n            limits: {cpu: "1", memory: 1024Mi}\n') },
    { name: 'a request without a limit', code: resources('            requests: {cpu: "4"}\n            limits: {memory: 1Gi}\n') },
  ],
  invalid: [
    {
      name: 'cpu request above the limit: raise the limit',
      code: resources('            requests:\n              cpu: 2\n            limits:\n              cpu: 1500m\n'),
      errors: [{ text: '2', message: /The cpu request \(2\) of the container "app" is larger than its limit \(1500m\)/ }],
      output: resources('            requests:\n              cpu: 2\n            limits:\n              cpu: 2\n'),
    },
    {
      name: 'memory across units: lower the request, keeping quotes',
      code: resources('            requests:\n              memory: "2Gi"\n            limits:\n              memory: 1000M\n'),
      errors: [{ text: '"2Gi"' }],
      fixTitle: /Lower the request/,
      output: resources('            requests:\n              memory: "1000M"\n            limits:\n              memory: 1000M\n'),
    },
  ],
});
