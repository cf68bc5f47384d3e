import hover from '../../../server/src/hovers/volumes';
import { testHover } from './hoverTester';

const pod = (mountPathKey: string, volumeName: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: data
          ${mountPathKey}: /data
  volumes:
    - name: ${volumeName}
      persistentVolumeClaim:
        claimName: web-data
`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  answers: [
    { name: 'a mount: the volume type and where it is seen', code: pod('mount|Path', 'data'), says: [/`web` sees volume `data` \(storage bound through a PersistentVolumeClaim/, /at `\/data`/] },
    { name: 'a volume: who mounts it where', code: pod('mountPath', 'da|ta'), says: [/Mounted by `web` at `\/data`/] },
  ],
});
