import rule from '../../../server/src/rules/invalid-name';
import { testRule } from './ruleTester';

const pod = (name: string, container = 'app') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: ${container}
      image: nginx:1.27
`;

testRule(rule, {
  valid: [
    { name: 'a DNS-1123 subdomain Pod name', code: pod('web.frontend-1') },
    { name: 'a Deployment may start with a digit', code: pod('9svc').replace('kind: Pod', 'kind: Deployment') },
    { name: 'RBAC names with colons are not checked', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:controller:foo\n' },
    { name: 'a Service name that is a DNS-1035 label', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web-svc\nspec:\n  ports:\n    - name: http\n      port: 80\n' },
  ],
  invalid: [
    {
      name: 'upper-case Pod name, renamed',
      code: pod('My_Pod'),
      errors: [{ text: 'My_Pod', line: 4, message: /Pod name "My_Pod" must be a DNS-1123 subdomain/ }],
      output: pod('my-pod'),
    },
    {
      name: 'a Service name starting with a digit',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "9svc"\n',
      errors: [{ text: '"9svc"', message: /must start with a letter/ }],
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "x-9svc"\n',
    },
    {
      name: 'a container name with a dot (valid subdomain, not a label)',
      code: pod('web', 'app.v1'),
      errors: [{ text: 'app.v1', line: 7, message: /Container name "app.v1" must not contain dots/ }],
      output: pod('web', 'app-v1'),
    },
    {
      name: 'a volume name and a namespace',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: Team_A\nspec:\n  volumes:\n    - name: Data\n      emptyDir: {}\n',
      errors: [{ text: 'Team_A', message: /Namespace/ }, { text: 'Data', message: /Volume name/ }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: team-a\nspec:\n  volumes:\n    - name: Data\n      emptyDir: {}\n',
    },
    {
      name: 'a Service port name',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: HTTP_port\n      port: 80\n',
      errors: [{ text: 'HTTP_port', message: /Service port name/ }],
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http-port\n      port: 80\n',
    },
    {
      name: 'a name longer than 63 characters for a label format',
      code: pod('web', 'a'.repeat(64)),
      errors: [{ message: /64 characters long; the limit is 63/ }],
      output: pod('web', 'a'.repeat(63)),
    },
  ],
});
