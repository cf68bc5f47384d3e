import rule from '../../../server/src/rules/invalid-int-or-percent';
import { testRule } from './ruleTester';

const deployment = (rolling: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  strategy:
    rollingUpdate:
${rolling}  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const pdb = (body: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
${body}`;

const statefulSet = (value: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  updateStrategy:
    rollingUpdate:
      maxUnavailable: ${value}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:17
`;

// ValidatePositiveIntOrPercent (pkg/apis/apps/validation, pkg/apis/policy/validation): a string must match [0-9]+%,
// an int must be >= 0; IsNotMoreThan100Percent for maxUnavailable and the PDB fields.
testRule(rule, {
  valid: [
    { name: 'whole percentages and counts', code: deployment('      maxSurge: 25%\n      maxUnavailable: 0\n') },
    { name: 'maxSurge may pass 100%', code: deployment('      maxSurge: 200%\n') },
    { name: 'PDB minAvailable as a count', code: pdb('  minAvailable: 2\n') },
    { name: 'a Helm value', code: deployment('      maxSurge: "{{ .Values.surge }}"\n') },
    { name: 'a fractional YAML number is the schema\'s (invalid-type)', code: deployment('      maxSurge: 1.5\n') },
  ],
  invalid: [
    {
      name: 'maxSurge "12.5%" (issue 12): the API rejects a fractional percent',
      code: deployment('      maxSurge: "12.5%"\n'),
      errors: [{ text: '"12.5%"', message: /^maxSurge "12\.5%" is rejected by the API server: a valid percent string must be a numeric string followed by an ending '%'/ }],
      output: deployment('      maxSurge: "12%"\n'),
    },
    { name: 'the other whole percentage', code: deployment('      maxSurge: "12.5%"\n'), errors: [{ text: '"12.5%"' }], fixTitle: /13%/, output: deployment('      maxSurge: "13%"\n') },
    { name: 'a count written as a string', code: deployment('      maxUnavailable: "1"\n'), errors: [{ text: '"1"' }], output: deployment('      maxUnavailable: 1\n') },
    { name: 'a negative count', code: deployment('      maxUnavailable: -1\n'), errors: [{ text: '-1', message: /must be greater than or equal to 0/ }] },
    { name: 'maxUnavailable over 100%', code: deployment('      maxUnavailable: 150%\n'), errors: [{ text: '150%', message: /must not be greater than 100%/ }], output: deployment('      maxUnavailable: 100%\n') },
    { name: 'PDB maxUnavailable "33.3%"', code: pdb('  maxUnavailable: 33.3%\n'), errors: [{ text: '33.3%' }], output: pdb('  maxUnavailable: 33%\n') },
    { name: 'StatefulSet rollingUpdate maxUnavailable "10.5%"', code: statefulSet('"10.5%"'), errors: [{ text: '"10.5%"' }], output: statefulSet('"10%"') },
  ],
});
