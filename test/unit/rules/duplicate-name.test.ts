import rule from '../../../server/src/rules/duplicate-name';
import { testRule } from './ruleTester';

testRule(rule, {
  valid: [
    {
      name: 'distinct names everywhere; same port number with another protocol',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - {name: dns-tcp, containerPort: 53}
        - {name: dns-udp, containerPort: 53, protocol: UDP}
      volumeMounts:
        - {name: a, mountPath: /a}
        - {name: b, mountPath: /b}
  volumes:
    - {name: a, emptyDir: {}}
    - {name: b, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'an init container and an app container with one name',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: app
      image: busybox:1.36
  containers:
    - name: app # the server
      image: nginx:1.27
`,
      errors: [{ text: 'app', line: 10, message: /Duplicate container name: "app" is already used \(line 7\)/ }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: app
      image: busybox:1.36
  containers:
    - name: app-2 # the server
      image: nginx:1.27
`,
    },
    {
      name: 'volumes, port names, port numbers and mount paths',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - {name: http, containerPort: 80}
            - {name: http, containerPort: 80}
          volumeMounts:
            - {name: data, mountPath: /data}
            - {name: data, mountPath: /data}
      volumes:
        - {name: data, emptyDir: {}}
        - {name: data, emptyDir: {}}
`,
      errors: [
        { text: 'data', line: 19, message: /volume name/ },
        { text: 'http', line: 13, message: /port name in container "app"/ },
        { text: '80', line: 13, message: /containerPort .* 80\/TCP/, severity: 'warning' },
        { text: '/data', line: 16, message: /mountPath/ },
      ],
    },
    {
      name: 'Service port names',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - {name: web, port: 80}\n    - {name: web, port: 443}\n',
      errors: [{ text: 'web', line: 8 }],
    },
  ],
});
