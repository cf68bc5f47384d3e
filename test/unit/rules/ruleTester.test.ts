import * as assert from 'node:assert/strict';
import imageTag from '../../../server/src/rules/image-tag';
import pvcNotFound from '../../../server/src/rules/pvc-not-found';
import { checkInvalid } from './ruleTester';

const POD = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
const CLAIMING = 'apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers: [{name: db, image: postgres:16}]\n  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n';
const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';

describe('the rule tester itself', () => {
  it('fails an invalid case whose finding offers a fix it does not check (no output), showing what the fix gives', () => {
    assert.throws(() => checkInvalid(imageTag, { name: 'x', code: POD('nginx'), errors: [{ text: 'nginx' }] }), /a fix is offered[^]*image: nginx:PIN-A-VERSION/);
  });

  it('fails a wrong output and passes the right one', () => {
    assert.throws(() => checkInvalid(imageTag, { name: 'x', code: POD('nginx'), errors: [{ text: 'nginx' }], output: POD('nginx:latest') }), /Expected values to be strictly equal/);
    checkInvalid(imageTag, { name: 'x', code: POD('nginx'), errors: [{ text: 'nginx' }], output: POD('nginx:PIN-A-VERSION') });
  });

  it('runs a cross-resource rule among several files', () => {
    assert.throws(() => checkInvalid(pvcNotFound, { name: 'x', code: CLAIMING, errors: [{ text: 'data' }], files: { 'pvc.yaml': CLAIM, 'other.yaml': POD('nginx:1.27') } }), /expected 1 findings, got: \[\]/);
    checkInvalid(pvcNotFound, {
      name: 'x', code: CLAIMING, errors: [{ text: 'data' }], files: { 'other.yaml': POD('nginx:1.27') },
      output: `${CLAIMING}---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`,
    });
  });
});
