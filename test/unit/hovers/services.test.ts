import hover from '../../../server/src/hovers/services';
import { testHover } from './hoverTester';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
`;

const service = (selectorKey: string, targetPortKey: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ${selectorKey}:
    app: web
  ports:
    - port: 80
      ${targetPortKey}: http
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/services-networking/service/',
  answers: [
    { name: 'a selector: the pod templates it selects, by file and name', code: service('sel|ector', 'targetPort'), others: { 'web.yaml': WEB }, says: [/Selects \(app=web\): Deployment web \(`web\.yaml` line 4\)/] },
  ],
});

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
  answers: [
    { name: 'a targetPort: the container port it lands on', code: service('selector', 'target|Port'), others: { 'web.yaml': WEB }, says: [/Clients connect to port 80/, /In Deployment web \(`web\.yaml` line 4\): container `web` port 8080 \(`http`\)/] },
  ],
});
