import rule from '../../../server/src/rules/selector-mismatch';
import { testRule } from './ruleTester';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

testRule(rule, {
  valid: [
    { name: 'the template has the selected labels and more', code: deployment('    matchLabels:\n      app: web', '        app: web\n        tier: fe') },
    { name: 'matchExpressions that hold', code: deployment('    matchExpressions:\n      - {key: app, operator: In, values: [web, api]}\n      - {key: legacy, operator: DoesNotExist}', '        app: web') },
    { name: 'a ReplicationController without a selector defaults to the labels', code: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n' },
  ],
  invalid: [
    {
      name: 'a different value: the fix changes the template label',
      code: deployment('    matchLabels:\n      app: web', '        app: webx # typo?'),
      errors: [{ text: 'app: web', line: 8, message: /The selector wants app: web, but the pod template has app: webx/ }],
      output: deployment('    matchLabels:\n      app: web', '        app: web # typo?'),
    },
    {
      name: 'a different value: the other fix changes the selector',
      code: deployment('    matchLabels:\n      app: "web"', '        app: webx'),
      errors: [{ text: 'app: "web"' }],
      fixTitle: /Change the selector/,
      output: deployment('    matchLabels:\n      app: "webx"', '        app: webx'),
    },
    {
      name: 'a missing label: the fix adds it to the template labels',
      code: deployment('    matchLabels:\n      app: web\n      tier: fe', '        app: web'),
      errors: [{ text: 'tier: fe', message: /has no label "tier"/ }],
      output: deployment('    matchLabels:\n      app: web\n      tier: fe', '        app: web\n        tier: fe'),
    },
    {
      name: 'a missing label: the other fix removes it from the selector',
      code: deployment('    matchLabels:\n      app: web\n      tier: fe', '        app: web'),
      errors: [{ text: 'tier: fe' }],
      fixTitle: /Remove tier/,
      output: deployment('    matchLabels:\n      app: web', '        app: web'),
    },
    {
      name: 'no template labels at all: the fix creates them',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    spec:\n      containers: []\n',
      errors: [{ text: 'app: web' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    spec:\n      containers: []\n    metadata:\n      labels:\n        app: web\n',
    },
    {
      name: 'flow-style template labels',
      code: deployment('    matchLabels: {app: web, tier: fe}', '        {app: web}').replace('      labels:\n        {app: web}', '      labels: {app: web}'),
      errors: [{ text: 'tier: fe' }],
      output: deployment('    matchLabels: {app: web, tier: fe}', '        {app: web}').replace('      labels:\n        {app: web}', '      labels: {app: web, tier: fe}'),
    },
    {
      name: 'an expression that does not hold',
      code: deployment('    matchExpressions:\n      - {key: app, operator: In, values: [api]}', '        app: web'),
      errors: [{ text: '{key: app, operator: In, values: [api]}', message: /"app In \(api\)" does not hold/ }],
    },
    {
      name: 'an empty selector',
      code: deployment('    {}', '        app: web').replace('  selector:\n    {}', '  selector: {}'),
      errors: [{ text: 'selector', message: /empty selector is invalid/ }],
      output: deployment('    {}', '        app: web').replace('  selector:\n    {}', '  selector: {matchLabels: {app: web}}'),
    },
  ],
});
