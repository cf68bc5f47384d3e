import hover from '../../../server/src/hovers/probes';
import { testHover } from './hoverTester';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports: [{name: http, containerPort: 8080}]
      readiness|Probe:
        httpGet: {path: /ready, port: http}
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  answers: [
    { name: 'what the probe does, with its named port resolved, and its timing from the defaults', code: POD, says: [/HTTP GET `\/ready` on port `http` \(8080\)/, /Marked unready after 30 s of failures: period 10 s x 3/] },
  ],
  silent: [{ name: 'the image line', code: POD.replace('readiness|Probe', 'readinessProbe').replace('image: nginx', 'ima|ge: nginx') }],
});
