import hover from '../../../server/src/hovers/sidecars';
import { testHover } from './hoverTester';

const pod = (logsCaret: string, helperCaret: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
    - name: migrate
      image: example/migrate:1
    - name: ${logsCaret}
      image: fluent/fluent-bit:3.1
      restartPolicy: Always
  containers:
    - name: web
      image: nginx:1.27
    - name: ${helperCaret}
      image: busybox:1.36
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  answers: [
    {
      name: 'a native sidecar: when it starts and stops relative to the others',
      code: pod('lo|gs', 'helper'),
      says: [/native sidecar/, /Starts as init step 2 of 2, after `migrate` has completed/, /On shutdown: `web`, `helper` first, then the sidecars in reverse order: `logs`/],
    },
    { name: 'a classic sidecar: a second app container, and how a native one differs', code: pod('logs', 'hel|per'), says: [/classic sidecar/, /This pod has 2 app containers \(`web`, `helper`\)/] },
  ],
});
