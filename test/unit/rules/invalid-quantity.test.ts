import rule from '../../../server/src/rules/invalid-quantity';
import { testRule } from './ruleTester';

const resources = (body: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
${body}`;

testRule(rule, {
  valid: [
    { name: 'usual quantities, numbers and exponents', code: resources('        requests: {cpu: 0.5, memory: 1.5Gi}\n        limits: {cpu: "2", memory: 1e9, ephemeral-storage: 2G}\n') },
    { name: 'a PVC size', code: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 10Gi\n' },
  ],
  invalid: [
    {
      name: '1GB: the fix writes 1G',
      code: resources('        limits:\n          memory: 1GB\n'),
      errors: [{ text: '1GB', message: /"1GB" is not a Kubernetes quantity \(memory in the limits of the container "app"\)/ }],
      output: resources('        limits:\n          memory: 1G\n'),
    },
    { name: '500mb: the second fix writes 500Mi', code: resources('        requests:\n          memory: "500mb"\n'), errors: [{ text: '"500mb"' }], fixTitle: /500Mi/, output: resources('        requests:\n          memory: "500Mi"\n') },
    { name: '"1 Gi" with a space', code: resources('        requests:\n          memory: 1 Gi\n'), errors: [{ text: '1 Gi' }], output: resources('        requests:\n          memory: 1Gi\n') },
    { name: '1e3Mi: an exponent and a suffix together (issue 12; resource.ParseQuantity rejects it)', code: resources('        requests:\n          memory: 1e3Mi\n'), errors: [{ text: '1e3Mi', message: /is not a Kubernetes quantity/ }] },
    { name: 'a negative quantity', code: resources('        requests:\n          cpu: -1\n'), errors: [{ text: '-1', message: /must not be negative/ }] },
    {
      name: 'memory 100m is a tenth of a byte',
      code: resources('        requests:\n          memory: 100m\n'),
      errors: [{ text: '100m', severity: 'warning', message: /fraction of a byte .*did you mean 100Mi/ }],
      output: resources('        requests:\n          memory: 100Mi\n'),
    },
    { name: 'emptyDir sizeLimit', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes:\n    - name: tmp\n      emptyDir:\n        sizeLimit: 1gb\n', errors: [{ text: '1gb' }], output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes:\n    - name: tmp\n      emptyDir:\n        sizeLimit: 1G\n' },
  ],
});
