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
      'sealed.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: api-token\nspec:\n  encryptedData: {token: AgBy3i4OJSWK}\n',
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

  describe('keys', () => {
    const envPod = (ref: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: example/app:1.2
          env:
            - name: LOG_LEVEL
              valueFrom:
${ref}`;
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: s3cret\ndata:\n  username: YWRtaW4=\n';

    it('valid: the key is among the object\'s data, stringData or binaryData', () => {
      const files: Files = {
        'pod.yaml': envPod('                secretKeyRef: {name: creds, key: username}\n'),
        'secret.yaml': secret,
      };
      assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
      files['pod.yaml'] = envPod('                secretKeyRef: {name: creds, key: password}\n');
      assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
    });

    it('valid: a missing key on an optional: true reference', () => {
      const files: Files = { 'pod.yaml': envPod('                configMapKeyRef: {name: app-config, key: level, optional: true}\n'), 'cm.yaml': configMap };
      assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
    });

    it('valid: keys that cannot be known from the manifests (an envs generator, an ExternalSecret with dataFrom)', () => {
      const files: Files = {
        'pod.yaml': envPod('                configMapKeyRef: {name: app-config, key: anything}\n'),
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n  - name: app-config\n    envs: [app.env]\n',
      };
      assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
      const external: Files = {
        'pod.yaml': envPod('                secretKeyRef: {name: creds, key: anything}\n'),
        'es.yaml': 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: creds\nspec:\n  dataFrom:\n    - extract: {key: app/creds}\n',
      };
      assert.deepEqual(runInWorkspace(rule, external, 'pod.yaml'), []);
    });

    it('valid: generator literals and files name their keys', () => {
      const files: Files = {
        'pod.yaml': envPod('                configMapKeyRef: {name: app-config, key: nginx.conf}\n'),
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n  - name: app-config\n    literals: [LEVEL=info]\n    files: [conf/nginx.conf]\n',
      };
      assert.deepEqual(runInWorkspace(rule, files, 'pod.yaml'), []);
    });

    it('invalid: a configMapKeyRef key the ConfigMap lacks: a warning with a did-you-mean, and the fix renames it', () => {
      const code = envPod('                configMapKeyRef:\n                  name: app-config\n                  key: LEVL # typo\n');
      const files: Files = { 'pod.yaml': code, 'cm.yaml': configMap };
      const findings = runInWorkspace(rule, files, 'pod.yaml');
      assert.deepEqual(underlined(code, findings), ['LEVL']);
      assert.equal(findings[0].severity, 'warning');
      assert.equal(findings[0].message, 'ConfigMap "app-config" has no key "LEVL" (it has "LEVEL"). Did you mean "LEVEL"? Unless the object in the cluster differs, the container is not created (CreateContainerConfigError).');
      assert.deepEqual(findings[0].fixes!.map((fix) => fix.title), ['Change the key to "LEVEL"', 'Mark the ConfigMap reference optional (the variable is left unset)']);
      assert.equal(applyFixInWorkspace(rule, files, 'pod.yaml', findings[0].fixes![0]), code.replace('key: LEVL', 'key: LEVEL'));
      assert.equal(applyFixInWorkspace(rule, files, 'pod.yaml', findings[0].fixes![1]), code.replace('# typo\n', '# typo\n                  optional: true\n'));
    });

    it('invalid: a secretKeyRef key with nothing close: no rename offered', () => {
      const code = envPod('                secretKeyRef: {name: creds, key: token}\n');
      const findings = runInWorkspace(rule, { 'pod.yaml': code, 'secret.yaml': secret }, 'pod.yaml');
      assert.deepEqual(underlined(code, findings), ['token']);
      assert.match(findings[0].message, /^Secret "creds" has no key "token" \(it has "password" and "username"\)\. Unless/);
      assert.deepEqual(findings[0].fixes!.map((fix) => fix.title), ['Mark the Secret reference optional (the variable is left unset)']);
    });

    it('invalid: items[].key of a configMap volume and of a projected secret source: the mount fails', () => {
      const code = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
    - name: conf
      configMap:
        name: app-config
        items:
          - key: LEVEL
            path: level
          - key: nginx.conf
            path: nginx.conf
    - name: all
      projected:
        sources:
          - secret:
              name: creds
              items: [{key: pasword, path: pw}]
`;
      const findings = runInWorkspace(rule, { 'pod.yaml': code, 'cm.yaml': configMap, 'secret.yaml': secret }, 'pod.yaml');
      assert.deepEqual(underlined(code, findings), ['nginx.conf', 'pasword']);
      assert.match(findings[0].message, /FailedMount/);
      assert.match(findings[1].message, /Did you mean "password"\?/);
    });

    it('invalid: an empty ConfigMap holds no keys', () => {
      const code = envPod('                configMapKeyRef: {name: empty, key: LEVEL}\n');
      const findings = runInWorkspace(rule, { 'pod.yaml': code, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n' }, 'pod.yaml');
      assert.match(findings[0].message, /has no key "LEVEL" \(it holds no keys\)/);
    });
  });
});
