import rule from '../../../server/src/rules/image-tag-placeholder';
import { testRule } from './ruleTester';

const image = (value: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: app
      image: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'a real tag', code: image('nginx:1.27') },
    { name: 'the placeholder word in the repository is no tag', code: image('registry.local/pin-a-version/app:2') },
  ],
  invalid: [
    {
      name: 'the "Pin a tag" placeholder left in (issue 11)',
      code: image('nginx:PIN-A-VERSION'),
      errors: [{ text: 'PIN-A-VERSION', severity: 'warning', message: /^The tag of "nginx:PIN-A-VERSION" is still the placeholder PIN-A-VERSION: write the version to run/ }],
    },
    { name: 'quoted, with a registry port', code: image('"registry.local:5000/app:PIN-A-VERSION"'), errors: [{ text: 'PIN-A-VERSION', line: 11 }] },
  ],
});
