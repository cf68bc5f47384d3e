import hover from '../../../server/src/hovers/persistentVolumeClaims';
import { testHover } from './hoverTester';

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources:
    requests:
      storage: 10Gi
`;

const deployment = (claimKey: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
      volumes:
        - name: data
          persistentVolumeClaim:
            ${claimKey}: web-data
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims',
  answers: [
    {
      name: 'a claimName: the PVC it names in another file, its access modes, size and class, and the unbound behaviour',
      code: deployment('claim|Name'),
      others: { 'claim.yaml': CLAIM },
      says: [/Names PersistentVolumeClaim web-data \(`claim\.yaml` line 4\): ReadWriteOnce/, /10Gi of storage; storage class `fast`/, /3 replicas on one ReadWriteOnce claim/, /While the claim is unbound .* the pod stays Pending/],
    },
    { name: 'a PVC: which pods use it', code: CLAIM.replace('name: web-data', 'name: web-|data'), others: { 'web.yaml': deployment('claimName') }, says: [/Used by Deployment web \(`web\.yaml` line 4\)/] },
  ],
});
