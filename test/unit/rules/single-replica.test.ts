import rule from '../../../server/src/rules/single-replica';
import { testRule } from './ruleTester';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}  template:
    spec:
      containers: []
`;

testRule(rule, {
  valid: [
    { name: 'the defaults: 1 replica, 25% rounds maxUnavailable down to 0', code: deployment('') },
    { name: '50% of 1 is 0', code: deployment('  replicas: 1\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 50%\n') },
    { name: 'two replicas', code: deployment('  replicas: 2\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 1\n') },
    { name: 'scaled to zero', code: deployment('  replicas: 0\n  strategy:\n    type: Recreate\n') },
  ],
  invalid: [
    {
      name: 'maxUnavailable 1 with maxSurge 0: both change',
      code: deployment('  replicas: 1\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n'),
      errors: [{ text: 'maxUnavailable', severity: 'warning', message: /With 1 replica and maxUnavailable 1 \(resolving to 1\)/ }],
      output: deployment('  replicas: 1\n  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n'),
    },
    {
      name: '100% without replicas: the other fix adds replicas',
      code: deployment('  strategy:\n    rollingUpdate: {maxUnavailable: 100%}\n'),
      errors: [{ text: 'maxUnavailable' }],
      fixTitle: /2 replicas/,
      output: `${deployment('  strategy:\n    rollingUpdate: {maxUnavailable: 100%}\n')}  replicas: 2\n`,
    },
    {
      name: 'maxSurge 0 with a maxUnavailable percentage that rounds to 0: the controller allows 1 anyway',
      code: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 10%\n'),
      errors: [{ text: 'maxUnavailable', message: /resolving to 1: with maxSurge also 0, the controller allows 1/ }],
      output: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n'),
    },
    { name: 'Recreate', code: deployment('  replicas: 1\n  strategy:\n    type: Recreate\n'), errors: [{ text: 'Recreate', severity: 'information', message: /deletes the only pod/ }] },
  ],
});
