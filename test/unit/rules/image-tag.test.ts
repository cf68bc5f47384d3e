import rule from '../../../server/src/rules/image-tag';
import { testRule } from './ruleTester';

const image = (value: string, kind = 'Pod') => `apiVersion: v1
kind: ${kind}
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'a pinned tag', code: image('nginx:1.27.3') },
    { name: 'a registry with a port and a tag', code: image('registry.local:5000/team/app:2024-01') },
    { name: 'a digest', code: image('nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') },
  ],
  invalid: [
    {
      name: 'no tag: pin it with a placeholder',
      code: image('nginx'),
      errors: [{ text: 'nginx', message: /Image "nginx" has no tag, so it means :latest/ }],
      output: image('nginx:PIN-A-VERSION'),
    },
    {
      name: ':latest behind a registry port, quoted',
      code: image('"registry.local:5000/app:latest"'),
      errors: [{ text: '"registry.local:5000/app:latest"', message: /uses :latest/ }],
      output: image('"registry.local:5000/app:PIN-A-VERSION"'),
    },
    { name: 'a registry port but no tag', code: image('registry.local:5000/app'), errors: [{ message: /has no tag/ }], output: image('registry.local:5000/app:PIN-A-VERSION') },
    { name: 'Jobs too', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      containers:\n        - name: run\n          image: busybox\n', errors: [{ text: 'busybox' }], output: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      containers:\n        - name: run\n          image: busybox:PIN-A-VERSION\n' },
  ],
});
