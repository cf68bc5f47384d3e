import rule from '../../../server/src/rules/host-namespace';
import { testRule } from './ruleTester';

testRule(rule, {
  valid: [{ name: 'false or absent', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  containers: []\n' }],
  invalid: [
    {
      name: 'hostNetwork and hostPID: the fix removes the line',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  hostPID: true # debug\n  containers: []\n',
      errors: [{ text: 'hostNetwork', message: /the node's network/ }, { text: 'hostPID' }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true # debug\n  containers: []\n',
    },
    {
      name: 'hostIPC in a template, flow style',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec: {hostIPC: true, containers: []}\n',
      errors: [{ text: 'hostIPC' }],
      output: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec: {containers: []}\n',
    },
  ],
});
