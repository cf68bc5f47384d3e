import rule from '../../../server/src/rules/privileged';
import { testRule } from './ruleTester';

const pod = (context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
${context}`;

testRule(rule, {
  valid: [{ name: 'privileged false', code: pod('        privileged: false\n') }],
  invalid: [
    {
      name: 'privileged true',
      code: pod('        privileged: true # needs the GPU\n'),
      errors: [{ text: 'true', severity: 'warning', message: /Container "app" is privileged/ }],
      output: pod('        privileged: false # needs the GPU\n'),
    },
  ],
});
