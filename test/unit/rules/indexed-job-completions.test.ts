import rule from '../../../server/src/rules/indexed-job-completions';
import { testRule } from './ruleTester';

const job = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers: []
`;

const cronJob = (jobSpec: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: pi
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
${jobSpec}      template:
        spec:
          restartPolicy: Never
          containers: []
`;

testRule(rule, {
  valid: [
    { name: 'Indexed with completions', code: job('  completionMode: Indexed\n  completions: 3\n') },
    { name: 'NonIndexed without completions (work queue)', code: job('  completionMode: NonIndexed\n  parallelism: 3\n') },
    { name: 'no completionMode', code: job('  parallelism: 2\n') },
    { name: 'a CronJob whose Indexed template has completions', code: cronJob('      completionMode: Indexed\n      completions: 2\n') },
  ],
  invalid: [
    {
      name: 'Indexed without completions: completions set to the parallelism',
      code: job('  completionMode: Indexed\n  parallelism: 4\n'),
      errors: [{ text: 'completionMode', severity: 'error', message: /An Indexed Job needs completions[^]*rejects the Job \(spec\.completions: Required value: when completion mode is Indexed\)/ }],
      output: job('  completionMode: Indexed\n  completions: 4\n  parallelism: 4\n'),
    },
    {
      name: 'Indexed alone: completions 1',
      code: job('  completionMode: Indexed # one index per pod\n'),
      errors: [{ text: 'completionMode' }],
      output: job('  completionMode: Indexed # one index per pod\n  completions: 1\n'),
    },
    {
      name: 'in a CronJob\'s job template',
      code: cronJob('      completionMode: Indexed\n'),
      errors: [{ text: 'completionMode', message: /rejects the CronJob/ }],
      output: cronJob('      completionMode: Indexed\n      completions: 1\n'),
    },
    {
      name: 'completionMode merged in from an anchor: completions goes at the end of the spec',
      code: 'x-indexed: &indexed\n  completionMode: Indexed\n' + job('  <<: *indexed\n'),
      errors: [{ text: '*indexed' }],
      output: 'x-indexed: &indexed\n  completionMode: Indexed\n' + job('  <<: *indexed\n') + '  completions: 1\n',
    },
    {
      name: 'in a flow map: as its last entry',
      code: job('  {completionMode: Indexed, parallelism: 2}\n').replace('spec:\n  {', 'spec: {').replace('}\n  template:\n    spec:\n      restartPolicy: Never\n      containers: []\n', ', template: {spec: {restartPolicy: Never, containers: []}}}\n'),
      errors: [{ text: 'completionMode' }],
      output: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec: {completionMode: Indexed, parallelism: 2, template: {spec: {restartPolicy: Never, containers: []}}, completions: 2}\n',
    },
  ],
});
