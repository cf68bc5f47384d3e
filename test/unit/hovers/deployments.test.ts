import hover from '../../../server/src/hovers/deployments';
import { testHover } from './hoverTester';

const web = (strategyKey: string, selectorKey: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  strategy:
    rollingUpdate:
      maxSurge: 25%
      ${strategyKey}: 25%
  selector:
    ${selectorKey}:
      app: web
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
  answers: [{
    name: 'maxSurge and maxUnavailable resolved for these replicas, as the controller rounds',
    code: web('maxUn|available', 'matchLabels'),
    says: [/maxSurge 25% of 3 replicas → \*\*1\*\* extra pod \(percentages round up\)/, /maxUnavailable 25% of 3 replicas → \*\*0\*\* pods may be unavailable \(percentages round down\)/, /at most 4 pods exist and at least 3 stay available/],
  }],
});

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector',
  answers: [{ name: 'a selector, checked against its template', code: web('maxUnavailable', 'match|Labels'), says: [/The template's labels satisfy the selector/] }],
});
