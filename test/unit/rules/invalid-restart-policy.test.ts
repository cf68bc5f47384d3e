import rule from '../../../server/src/rules/invalid-restart-policy';
import { testRule } from './ruleTester';

const deployment = (policy: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      restartPolicy: ${policy}
      containers:
        - name: app
          image: nginx:1.27
`;

testRule(rule, {
  valid: [
    { name: 'a Deployment with Always', code: deployment('Always') },
    { name: 'a Job with Never', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: []\n' },
    { name: 'a native sidecar', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: proxy\n      image: envoy:1\n      restartPolicy: Always\n' },
  ],
  invalid: [
    { name: 'a Deployment with Never', code: deployment('Never'), errors: [{ text: 'Never', message: /must use restartPolicy "Always"/ }], output: deployment('Always') },
    { name: 'keeps quotes', code: deployment("'OnFailure'"), errors: [{ text: "'OnFailure'" }], output: deployment("'Always'") },
    { name: 'a Job with Always', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n', errors: [{ message: /run to completion/ }], output: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n' },
    { name: 'restartPolicy on a regular container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      restartPolicy: Always\n', errors: [{ text: 'Always', message: /may not be set on a regular container/ }] },
  ],
});
