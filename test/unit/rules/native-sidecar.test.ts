import rule from '../../../server/src/rules/native-sidecar';
import { testRule } from './ruleTester';

testRule(rule, {
  valid: [
    { name: 'a single container, even a proxy', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: proxy\nspec:\n  containers:\n    - name: envoy\n      image: envoyproxy/envoy:v1.31\n' },
    { name: 'already a native sidecar', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: logs\n      image: fluent/fluent-bit:3.1\n      restartPolicy: Always\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
    { name: 'two app containers', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n    - name: api\n      image: example/api:2\n' },
  ],
  invalid: [
    {
      name: 'a log shipper: the fix creates initContainers before containers',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
      # ships the logs
      - name: logs
        image: fluent/fluent-bit:3.1
        args:
        - --config=/etc/fb.conf
      volumes: []
`,
      errors: [{ text: 'logs', severity: 'information', message: /"logs" looks like a helper container/ }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: logs
        image: fluent/fluent-bit:3.1
        args:
        - --config=/etc/fb.conf
        restartPolicy: Always
      containers:
      - name: app
        image: nginx:1.27
      # ships the logs
      volumes: []
`,
    },
    {
      name: 'a proxy in a Job: a warning; the fix appends to initContainers, re-indented',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
          - name: wait
            image: busybox:1.36
      containers:
        - name: migrate
          image: example/migrate:3
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14
`,
      errors: [{ text: 'cloud-sql-proxy', severity: 'warning', message: /the Job never completes/ }],
      output: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
          - name: wait
            image: busybox:1.36
          - name: cloud-sql-proxy
            image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14
            restartPolicy: Always
      containers:
        - name: migrate
          image: example/migrate:3
`,
    },
  ],
});
