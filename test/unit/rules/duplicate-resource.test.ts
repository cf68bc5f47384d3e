import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/duplicate-resource';
import { runInWorkspace, underlined, type Files } from './workspaceTester';

const configMap = (name: string, namespace = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}
kind: ConfigMap
metadata:
  name: ${name}
${namespace}data: {}
`;

describe('rule duplicate-resource', () => {
  it('valid: same name, different kind, namespace or folder', () => {
    const files: Files = {
      'a.yaml': configMap('settings', '  namespace: one\n'),
      'b.yaml': configMap('settings', '  namespace: two\n'),
      'c.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: settings\n  namespace: one\n',
      'other/d.yaml': configMap('settings', '  namespace: one\n'),
    };
    assert.deepEqual(runInWorkspace(rule, files, 'a.yaml'), []);
  });

  it('valid: a Kustomize folder repeats identities on purpose (patches)', () => {
    const files: Files = { 'base.yaml': configMap('settings'), 'patch.yaml': configMap('settings'), 'kustomization.yaml': 'resources: [base.yaml]\npatches: [{path: patch.yaml}]\n' };
    assert.deepEqual(runInWorkspace(rule, files, 'base.yaml'), []);
  });

  it('invalid: twice in one file: both are reported, each pointing at the other', () => {
    const text = `${configMap('settings')}---\n${configMap('settings')}`;
    const findings = runInWorkspace(rule, { 'a.yaml': text }, 'a.yaml');
    assert.deepEqual(underlined(text, findings), ['settings', 'settings']);
    assert.match(findings[0].message, /ConfigMap "settings" is also defined at line 10/);
    assert.match(findings[1].message, /also defined at line 4/);
  });

  it('invalid: in two files of one folder, whatever the API version; an unset namespace equals another unset one', () => {
    const files: Files = { 'a.yaml': configMap('settings'), 'b.yaml': configMap('settings', '', 'v1') };
    const findings = runInWorkspace(rule, files, 'a.yaml');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /also defined at b.yaml line 4: applied together, one replaces the other/);
  });
});
