import rule from '../../../server/src/rules/host-path';
import { testRule } from './ruleTester';

const volume = (path: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
    - name: host
      hostPath:
        path: ${path}
`;

testRule(rule, {
  valid: [{ name: 'emptyDir', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes:\n    - name: tmp\n      emptyDir: {}\n' }],
  invalid: [
    { name: 'an ordinary path', code: volume('/var/log/app'), errors: [{ text: 'hostPath', severity: 'information', message: /mounts \/var\/log\/app from the node/ }] },
    { name: '/etc', code: volume('/etc/'), errors: [{ severity: 'warning', message: /sensitive host path/ }] },
    { name: 'below /proc', code: volume('/proc/sys'), errors: [{ severity: 'warning' }] },
    { name: 'the Docker socket', code: volume('/var/run/docker.sock'), errors: [{ severity: 'warning', message: /container runtime/ }] },
  ],
});
