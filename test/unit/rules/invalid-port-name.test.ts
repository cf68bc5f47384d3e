import rule from '../../../server/src/rules/invalid-port-name';
import { testRule } from './ruleTester';

const named = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - name: ${name}
          containerPort: 80
`;

testRule(rule, {
  valid: [
    { name: 'exactly 15 characters', code: named('abcdefghijklmno') },
    { name: 'starts with digits', code: named('80-tcp') },
    { name: 'a numeric targetPort', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n' },
  ],
  invalid: [
    { name: '16 characters', code: named('abcdefghijklmnop'), errors: [{ text: 'abcdefghijklmnop', message: /16 characters long; the limit is 15/ }] },
    { name: 'double dash', code: named('http--x'), errors: [{ message: /must not contain "--"/ }] },
    { name: 'upper case', code: named('HTTP'), errors: [{ message: /lower-case/ }] },
    { name: 'no letter', code: named('"8080"'), errors: [{ text: '"8080"', message: /at least one letter/ }] },
    {
      name: 'a quoted number as targetPort is read as a name; the fix unquotes it',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: "80"\n',
      errors: [{ text: '"80"', message: /targetPort "80" must contain at least one letter/ }],
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 80\n',
    },
    {
      name: 'a probe port name',
      code: named('http') + '      readinessProbe:\n        httpGet:\n          port: Http\n',
      errors: [{ text: 'Http', message: /readinessProbe port/ }],
    },
  ],
});
