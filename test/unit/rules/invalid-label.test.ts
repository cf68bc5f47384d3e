import rule from '../../../server/src/rules/invalid-label';
import { testRule } from './ruleTester';

const labelled = (labels: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
${labels}
spec:
  containers: []
`;

testRule(rule, {
  valid: [
    { name: 'prefixed keys, empty value, 63 characters', code: labelled(`    app.kubernetes.io/name: web\n    empty: ""\n    long: ${'a'.repeat(63)}`) },
    { name: 'annotation keys are checked lower-cased', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    Example.COM/Owner: team\n' },
  ],
  invalid: [
    {
      name: 'a value starting with "-": the fix trims it',
      code: labelled('    tier: -abc'),
      errors: [{ text: '-abc', message: /Label value "-abc" \(for tier\) must be empty or consist of/ }],
      output: labelled('    tier: abc'),
    },
    { name: 'a value of 64 characters', code: labelled(`    long: ${'a'.repeat(64)}`), errors: [{ message: /64 characters long; the limit is 63/ }], output: labelled(`    long: ${'a'.repeat(63)}`) },
    { name: 'a value with a space, quoted', code: labelled('    team: "web team"'), errors: [{ text: '"web team"' }], output: labelled('    team: "web-team"') },
    { name: 'a key with two slashes', code: labelled('    a/b/c: x'), errors: [{ text: 'a/b/c', message: /at most one "\/"/ }] },
    { name: 'a key with an upper-case prefix', code: labelled('    Example.com/app: x'), errors: [{ message: /prefix \("Example.com"\) that is not a DNS-1123 subdomain/ }] },
    {
      name: 'template labels, selector and nodeSelector',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: "web app"}\n  template:\n    metadata:\n      labels: {app: "web app"}\n    spec:\n      nodeSelector: {"disk type": ssd}\n',
      errors: [{ message: /Pod template label value/ }, { message: /Selector value/ }, { text: '"disk type"', message: /nodeSelector key/ }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: "web app"}\n  template:\n    metadata:\n      labels: {app: "web-app"}\n    spec:\n      nodeSelector: {"disk type": ssd}\n',
    },
    { name: 'an annotation key with a space', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    "my note": hi\n', errors: [{ text: '"my note"', message: /Annotation key/ }] },
  ],
});
