import * as assert from 'node:assert/strict';
import rule from '../../../server/src/rules/config-ref-not-found';
import { applyFixInWorkspace, runInWorkspace, underlined, type Files } from './workspaceTester';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: example/app:1.2
      env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: api-token # created by CI
              key: token
      envFrom:
        - configMapRef:
            name: app-config
  volumes:
    - name: certs
      secret:
        secretName: tls
        optional: true
`;

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LEVEL: info\n';

describe('rule config-ref-not-found', () => {
  it('valid: every reference is provided (a Secret by a SealedSecret, a ConfigMap by a Kustomization generator)', () => {
    const files: Files = {
      'pod.yaml': pod,
      'sealed.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: api-token\nspec:\n  encryptedData: {}\n',
      'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n  - name: app-config\n    literals: [LEVEL=info]\n',
    };
    assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
  });

  it('invalid: the Secret is missing (the optional one is skipped); the fix marks it optional and keeps the comment', () => {
    const files: Files = { 'pod.yaml': pod, 'cm.yaml': configMap };
    const findings = runInWorkspace(rule, files, 'pod.yaml');
    assert.deepEqual(underlined(pod, findings), ['api-token']);
    assert.equal(findings[0].severity, 'information');
    assert.match(findings[0].message, /No Secret named "api-token" .*CreateContainerConfigError/);
    const output = applyFixInWorkspace(rule, files, 'pod.yaml', findings[0].fixes![0]);
    assert.equal(output, pod.replace('              key: token\n', '              key: token\n              optional: true\n'));
  });

  it('invalid: a ConfigMap missing from an envFrom: the container is not created', () => {
    const findings = runInWorkspace(rule, { 'pod.yaml': pod }, 'pod.yaml');
    assert.deepEqual(underlined(pod, findings), ['api-token', 'app-config']);
    assert.match(findings[1].message, /No ConfigMap named "app-config"/);
  });
});
