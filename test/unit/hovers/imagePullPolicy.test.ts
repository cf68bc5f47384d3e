import hover from '../../../server/src/hovers/imagePullPolicy';
import { testHover } from './hoverTester';

const pod = (lines: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
${lines}`;

testHover(hover, {
  link: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
  answers: [
    { name: 'written, and the default it replaces for this tag', code: pod('      image: nginx\n      imagePull|Policy: IfNotPresent\n'), says: [/pulls with \*\*IfNotPresent\*\* \(without this line it would be Always, because the image has no tag, which means `:latest`\)/] },
    { name: 'not written: the default for this tag', code: pod('      ima|ge: busybox:1.36\n'), says: [/No imagePullPolicy is written, so it is \*\*IfNotPresent\*\*, because the tag is `:1\.36`/] },
  ],
});
