import hover from '../../../server/src/hovers/restartPolicy';
import { testHover } from './hoverTester';

const pod = (policy: string) => `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restart|Policy: ${policy}
  containers:
    - {name: job, image: busybox:1.36}
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  answers: [
    { name: 'Never: nothing restarts, the phase follows the exit codes', code: pod('Never'), says: [/No container is ever restarted/, /\*\*Failed\*\* if any of them exits non-zero/] },
    { name: 'OnFailure: non-zero exits restart in place', code: pod('OnFailure'), says: [/exits with a non-zero code is restarted in place/] },
    {
      name: 'in a Deployment: only Always is accepted',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      restart|Policy: Always\n      containers: [{name: web, image: nginx:1.27}]\n',
      says: [/A Deployment accepts only `Always`/],
    },
  ],
  silent: [
    { name: 'a container-level restartPolicy (a sidecar, not the pod)', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - {name: logs, image: busybox:1.36, restart|Policy: Always}\n  containers: [{name: a, image: busybox:1.36}]\n' },
  ],
});
