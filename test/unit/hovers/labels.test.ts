import hover from '../../../server/src/hovers/labels';
import { testHover } from './hoverTester';

const web = (workloadLabel: string, templateLabel: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    ${workloadLabel}: shop
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels:
        ${templateLabel}: web
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports: [{port: 80}]\n';

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  answers: [{
    name: 'pod template labels: the controller and the Services that select them',
    code: web('team', 'a|pp'),
    others: { 'svc.yaml': SERVICE },
    says: [/The Deployment's selector \(app=web\) selects them/, /Selected by Service web \(`svc\.yaml` line 4\)/],
  }],
});

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
  answers: [{ name: 'labels of the workload itself: not what its pods get', code: web('te|am', 'app'), says: [/its pods get the template's labels \(app=web\)/] }],
});
