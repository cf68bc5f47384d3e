import rule from '../../../server/src/rules/privilege-escalation';
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
    { name: 'turned off', code: pod('      securityContext:\n        allowPrivilegeEscalation: false\n') },
    { name: 'SYS_ADMIN (not CAP_SYS_ADMIN) does not clash', code: pod('      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities: {add: [SYS_ADMIN]}\n') },
    { name: 'privileged containers are the privileged rule\'s business', code: pod('      securityContext:\n        privileged: true\n') },
  ],
  invalid: [
    {
      name: 'explicitly allowed',
      code: pod('      securityContext:\n        allowPrivilegeEscalation: true\n'),
      errors: [{ text: 'true', severity: 'warning' }],
      output: pod('      securityContext:\n        allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'unset: a hint; the fix adds it to the existing securityContext',
      code: pod('      securityContext:\n        readOnlyRootFilesystem: true\n'),
      errors: [{ text: 'app', severity: 'hint' }],
      output: pod('      securityContext:\n        readOnlyRootFilesystem: true\n        allowPrivilegeEscalation: false\n'),
    },
    { name: 'privileged with allowPrivilegeEscalation false is rejected', code: pod('      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: false\n'), errors: [{ text: 'false', severity: 'error', message: /rejects the contradiction/ }] },
    { name: 'CAP_SYS_ADMIN with allowPrivilegeEscalation false is rejected', code: pod('      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          add: [CAP_SYS_ADMIN]\n'), errors: [{ severity: 'error', message: /CAP_SYS_ADMIN/ }] },
  ],
});
