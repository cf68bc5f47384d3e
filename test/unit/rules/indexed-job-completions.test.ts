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
      output: job('  completionMode: Indexed\n  parallelism: 4\n').replace('      containers: []\n', '      containers: []\n  completions: 4\n'),
    },
    {
      name: 'Indexed alone: completions 1',
      code: job('  completionMode: Indexed # one index per pod\n'),
      errors: [{ text: 'completionMode' }],
      output: job('  completionMode: Indexed # one index per pod\n').replace('      containers: []\n', '      containers: []\n  completions: 1\n'),
    },
    {
      name: 'in a CronJob\'s job template',
      code: cronJob('      completionMode: Indexed\n'),
      errors: [{ text: 'completionMode', message: /rejects the CronJob/ }],
      output: cronJob('      completionMode: Indexed\n').replace('          containers: []\n', '          containers: []\n      completions: 1\n'),
    },
  ],
});
