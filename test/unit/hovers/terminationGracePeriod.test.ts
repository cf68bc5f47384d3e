import hover from '../../../server/src/hovers/terminationGracePeriod';
import { testHover } from './hoverTester';

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  answers: [{
    name: 'the budget, the preStop hooks and the sidecars',
    code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGrace|PeriodSeconds: 45
  initContainers:
    - {name: logs, image: fluent/fluent-bit:3.1, restartPolicy: Always}
  containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        preStop:
          exec:
            command: [sleep, "5"]
`,
    says: [/Each container gets 45 s from the start of the deletion until SIGKILL/, /The preStop hook of `web` runs first/, /native sidecars \(`logs`\) are stopped after the app containers/],
  }],
});
