import hover from '../../../server/src/hovers/resources';
import { testHover } from './hoverTester';

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  answers: [{
    name: 'requests vs limits, and the QoS class from all containers',
    code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
    - {name: migrate, image: example/migrate:1}
  containers:
    - name: web
      image: nginx:1.27
      resou|rces:
        requests: {cpu: 100m, memory: 128Mi}
        limits: {memory: 128Mi}
`,
    says: [/memory: request 128Mi, limit 128Mi/, /QoS class: \*\*Burstable\*\*, because `migrate` has no cpu limit/],
  }],
});
