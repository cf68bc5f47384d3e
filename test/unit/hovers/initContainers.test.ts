import hover from '../../../server/src/hovers/initContainers';
import { testHover } from './hoverTester';

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
  answers: [{
    name: 'one by one, to completion, in this order',
    code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  init|Containers:
    - {name: migrate, image: example/migrate:1}
    - {name: logs, image: fluent/fluent-bit:3.1, restartPolicy: Always}
  containers:
    - {name: web, image: nginx:1.27}
    - {name: helper, image: busybox:1.36}
`,
    says: [/run one at a time, in order, each to completion/, /Order here: 1\. `migrate` → 2\. `logs` \(sidecar: starts and keeps running\) → then `web`, `helper`/],
  }],
});
