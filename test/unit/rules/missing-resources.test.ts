import rule from '../../../server/src/rules/missing-resources';
import { testRule } from './ruleTester';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
${container}`;

testRule(rule, {
  valid: [
    { name: 'requests without CPU limits are enough', code: pod('      resources:\n        requests: {cpu: 100m, memory: 64Mi}\n') },
    { name: 'limits count as requests', code: pod('      resources:\n        limits: {cpu: 1, memory: 1Gi}\n') },
    { name: 'init containers are not checked', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  resources:\n    requests: {cpu: 1, memory: 1Gi}\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'no resources: the fix adds a block',
      code: pod('      # the web server\n'),
      errors: [{ text: 'app', message: /Container "app" requests no CPU or memory/ }],
      output: pod('      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n      # the web server\n'),
    },
    {
      name: 'only a CPU limit: the fix adds the memory request and limit',
      code: pod('      resources:\n        limits:\n          cpu: 500m\n'),
      errors: [{ message: /requests no memory/ }],
      output: pod('      resources:\n        limits:\n          cpu: 500m\n          memory: 128Mi\n        requests:\n          memory: 128Mi\n'),
    },
    {
      name: 'flow-style resources',
      code: pod('      resources: {requests: {memory: 64Mi}}\n'),
      errors: [{ message: /requests no CPU/ }],
      output: pod('      resources: {requests: {memory: 64Mi, cpu: 100m}}\n'),
    },
    {
      name: 'CRLF line endings are kept',
      code: pod('      ports: [{containerPort: 80}]\n').replace(/\n/g, '\r\n'),
      errors: [{ text: 'app' }],
      output: pod('      ports: [{containerPort: 80}]\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n').replace(/\n/g, '\r\n'),
    },
  ],
});
