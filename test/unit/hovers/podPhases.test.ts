import hover from '../../../server/src/hovers/podPhases';
import { testHover } from './hoverTester';

const pod = (kindLine: string, phase: string) => `apiVersion: v1
${kindLine}
metadata: {name: once}
spec:
  restartPolicy: Never
  containers:
    - {name: job, image: busybox:1.36}
status:
  phase: ${phase}
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  answers: [
    { name: 'on kind: Pod, the phases this restartPolicy leads to', code: pod('kind: P|od', 'Succeeded'), says: [/With restartPolicy Never, this pod ends \*\*Succeeded\*\* if every app container exits 0/] },
    { name: 'on status.phase, what that phase means', code: pod('kind: Pod', 'Succ|eeded'), says: [/status\.phase Succeeded: every app container exited 0/] },
  ],
  silent: [{ name: 'a Service kind', code: 'apiVersion: v1\nkind: Serv|ice\nmetadata: {name: s}\n' }],
});
