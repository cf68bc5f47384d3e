import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspClient, rangeOf } from './client';
import { CRD } from './schema-fixtures';

const SCHEMA_CODES = new Set(['unknown-field', 'invalid-type', 'missing-required', 'invalid-enum', 'unknown-kind', 'removed-api-version']);

async function schemaDiagnostics(client: LspClient, name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = client.uri(name);
  await client.open(uri, text);
  const diagnostics = (await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code)));
  return { uri, diagnostics };
}

async function fixesFor(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  return actions.filter((action) => action.diagnostics?.some((d) => d.code === diagnostic.code && d.message === diagnostic.message));
}

/** Applies the fix titled `title` to `text` and returns the result. */
async function applyFix(client: LspClient, uri: string, text: string, diagnostic: Diagnostic, title: string): Promise<string> {
  const actions = await fixesFor(client, uri, diagnostic);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action?.edit?.changes?.[uri], `no fix "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return applyTextEdits(text, action.edit.changes[uri]);
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

describe('LSP: Kubernetes API schema diagnostics, exact ranges and fixes', function () {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  describe('unknown-field', () => {
    it('flags a misspelt key with a did-you-mean and a rename, and does not also call the field missing', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  contaienrs:\n    - name: web\n      image: nginx:1.27\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'typo-containers.yaml', text);
      assert.deepEqual(summary(diagnostics), ['unknown-field 5:2-5:12 Unknown field "contaienrs" in PodSpec. Did you mean "containers"?']);
      assert.equal(diagnostics[0].severity, 1);
      assert.equal(diagnostics[0].source, 'podlab');
      assert.deepEqual(diagnostics[0].range, rangeOf(text, 'contaienrs'));
      const fixed = await applyFix(client, uri, text, diagnostics[0], 'Rename to "containers"');
      assert.equal(fixed, text.replace('contaienrs', 'containers'));
      await client.replace(uri, fixed);
      assert.deepEqual((await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code))), []);
    });

    it('renames imagePulPolicy inside a Deployment container', async () => {
      const text = deployment('      containers:\n        - name: web\n          image: nginx:1.27\n          imagePulPolicy: Always\n');
      const { uri, diagnostics } = await schemaDiagnostics(client, 'typo-pull.yaml', text);
      assert.deepEqual(summary(diagnostics), ['unknown-field 16:10-16:24 Unknown field "imagePulPolicy" in Container. Did you mean "imagePullPolicy"?']);
      assert.deepEqual(diagnostics[0].range, rangeOf(text, 'imagePulPolicy'));
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Rename to "imagePullPolicy"'), text.replace('imagePulPolicy', 'imagePullPolicy'));
    });

    it('says where a key misplaced under spec belongs and moves it there, comments and all', async () => {
      const text = [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  ports:', '    # the web port', '    - containerPort: 8080',
        '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '    {labels: {app: web}}'.replace('    {labels: {app: web}}', '      labels:\n        app: web'),
        '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27', '',
      ].join('\n');
      const { uri, diagnostics } = await schemaDiagnostics(client, 'misplaced-ports.yaml', text);
      assert.deepEqual(summary(diagnostics), ['unknown-field 5:2-5:7 Unknown field "ports" in DeploymentSpec. It belongs further down, at template.spec.containers[].ports.']);
      const fixed = await applyFix(client, uri, text, diagnostics[0], 'Move "ports" to template.spec.containers[].ports');
      assert.equal(fixed, [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:',
        '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web',
        '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27', '          ports:', '            # the web port', '            - containerPort: 8080', '',
      ].join('\n'));
      await client.replace(uri, fixed);
      assert.deepEqual((await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code))), []);
    });

    it('points container-only security fields in the pod securityContext to the container', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    privileged: false\n  containers:\n    - name: web\n      image: nginx:1.27\n';
      const { diagnostics } = await schemaDiagnostics(client, 'pod-privileged.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'unknown-field 6:4-6:14 Unknown field "privileged" in PodSecurityContext. It is a field of a container\'s securityContext (containers[].securityContext).',
      ]);
    });
  });

  describe('invalid-type', () => {
    it('flags a quoted integer port and unquotes it', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: "80"\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'port-string.yaml', text);
      assert.deepEqual(summary(diagnostics), ['invalid-type 9:25-9:29 containerPort must be an integer, not the string "80".']);
      assert.deepEqual(diagnostics[0].range, rangeOf(text, '"80"'));
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Remove the quotes: 80'), text.replace('"80"', '80'));
    });

    it('flags a single item where a list belongs and wraps it', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      args: --verbose\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'args-scalar.yaml', text);
      assert.deepEqual(summary(diagnostics), ['invalid-type 8:12-8:21 args must be a list ([]string), not the string "--verbose".']);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Wrap in a list: [--verbose]'), text.replace('args: --verbose', 'args: [--verbose]'));
    });

    it('flags an object where a string belongs on its first line only', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image:\n        repository: nginx\n        tag: "1.27"\n';
      const { diagnostics } = await schemaDiagnostics(client, 'image-object.yaml', text);
      assert.deepEqual(summary(diagnostics), ['invalid-type 8:8-8:25 image must be a string, not an object.']);
    });

    it('accepts int-or-string, quantities written as numbers, and YAML 1.1 booleans as Kubernetes does', async () => {
      const text = [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  strategy:', '    rollingUpdate:', '      maxSurge: 25%', '      maxUnavailable: 1',
        '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      hostNetwork: no',
        '      containers:', '        - name: web', '          image: nginx:1.27', '          resources:', '            requests: {cpu: 0.5, memory: 128Mi}', '            limits: {cpu: 1, memory: 1Gi}',
        '          readinessProbe:', '            httpGet: {path: /healthz, port: http}', '          livenessProbe:', '            tcpSocket: {port: 8080}', '',
        '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}', '  ports:', '    - port: 80', '      targetPort: "8080"', '    - port: 443', '      targetPort: https', '',
      ].join('\n');
      const { diagnostics } = await schemaDiagnostics(client, 'kubernetes-types.yaml', text);
      assert.deepEqual(summary(diagnostics), []);
    });
  });

  describe('missing-required', () => {
    it('reports a required key written with no value on that key, as the API server reads it as absent', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n';
      const { diagnostics } = await schemaDiagnostics(client, 'empty-containers.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'missing-required 5:2-5:12 "containers" has no value, and PodSpec requires it ([]Container): the API server reads an empty value as a missing field.',
      ]);
      assert.deepEqual(diagnostics[0].range, rangeOf(text, 'containers'));
    });
    it('reports a container without an image on the item and inserts the field at the item\'s indentation', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      ports:\n        - containerPort: 80\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'no-image.yaml', text);
      assert.deepEqual(summary(diagnostics), ['missing-required 6:6-6:10 Container is missing the required field "image" (string).']);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Add "image"'), `${text}      image: ""\n`);
    });

    it('reports a PVC without access modes and storage request on its spec key, with placeholders that pass', async () => {
      const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'pvc.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'missing-required 4:0-4:4 PersistentVolumeClaimSpec is missing the required field "accessModes" ([]string).',
        'missing-required 4:0-4:4 PersistentVolumeClaimSpec is missing the required field "resources" (VolumeResourceRequirements).',
      ]);
      const withModes = await applyFix(client, uri, text, diagnostics[0], 'Add "accessModes"');
      assert.equal(withModes, `${text}  accessModes:\n    - ReadWriteOnce\n`);
      const withBoth = await applyFix(client, uri, text, diagnostics[1], 'Add "resources"');
      assert.equal(withBoth, `${text}  resources:\n    requests:\n      storage: 1Gi\n`);
      await client.replace(uri, `${text}  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`);
      assert.deepEqual((await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code))), []);
    });

    it('reports a Deployment without selector on spec and fills it from the template labels', async () => {
      const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'no-selector.yaml', text);
      assert.deepEqual(summary(diagnostics), ['missing-required 4:0-4:4 DeploymentSpec is missing the required field "selector" (LabelSelector).']);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Add "selector"'), `${text}  selector:\n    matchLabels:\n      app: web\n`);
    });

    it('reports a Service port without port on the item', async () => {
      const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      targetPort: 8080\n';
      const { diagnostics } = await schemaDiagnostics(client, 'service-no-port.yaml', text);
      assert.deepEqual(summary(diagnostics), ['missing-required 6:6-6:10 ServicePort is missing the required field "port" (integer).']);
    });

    it('never reports a field the API server defaults', async () => {
      const text = [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      ports:', '        - containerPort: 80', '      readinessProbe:', '        httpGet:', '          port: 80', '---',
        'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '    - port: 80', '',
      ].join('\n');
      const { diagnostics } = await schemaDiagnostics(client, 'defaults.yaml', text);
      assert.deepEqual(summary(diagnostics), []);
    });
  });

  describe('invalid-enum', () => {
    it('flags values outside the documented set and fixes to the nearest one', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Nevr\n  containers:\n    - name: web\n      image: nginx:1.27\n      imagePullPolicy: always\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'enums.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'invalid-enum 5:17-5:21 "Nevr" is not a valid restartPolicy: expected "Always", "OnFailure" or "Never".',
        'invalid-enum 9:23-9:29 "always" is not a valid imagePullPolicy: expected "Always", "Never" or "IfNotPresent".',
      ]);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Change to "Never"'), text.replace('Nevr', 'Never'));
      assert.equal(await applyFix(client, uri, text, diagnostics[1], 'Change to "Always"'), text.replace('always', 'Always'));
    });

    it('checks each item of a list of enum values (PVC access modes)', async () => {
      const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnly]\n  resources:\n    requests:\n      storage: 1Gi\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'access-modes.yaml', text);
      assert.deepEqual(summary(diagnostics), ['invalid-enum 5:16-5:29 "ReadWriteOnly" is not a valid accessModes: expected "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany" or "ReadWriteOncePod".']);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Change to "ReadWriteOnce"'), text.replace('ReadWriteOnly', 'ReadWriteOnce'));
    });
  });

  describe('unknown-kind', () => {
    it('moves apiVersion v1 Deployment to apps/v1', async () => {
      const text = 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n';
      const { uri, diagnostics } = await schemaDiagnostics(client, 'v1-deployment.yaml', text);
      assert.deepEqual(summary(diagnostics), ['unknown-kind 0:12-0:14 apiVersion v1 does not serve kind Deployment: it is served by apps/v1.']);
      assert.equal(await applyFix(client, uri, text, diagnostics[0], 'Change apiVersion to apps/v1'), text.replace('v1', 'apps/v1'));
    });

    it('suggests the nearest kind of the group, and nothing far-fetched', async () => {
      const text = 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: SkipThisKind\nmetadata:\n  name: other\n';
      const { diagnostics } = await schemaDiagnostics(client, 'kind-typo.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'unknown-kind 1:6-1:16 Kind Deploymnet is not served by apiVersion apps/v1. Did you mean Deployment?',
        'unknown-kind 6:6-6:18 Kind SkipThisKind is not served by apiVersion v1.',
      ]);
    });
  });

  describe('custom resources', () => {
    it('gives a custom resource whose CRD is unknown no diagnostics', async () => {
      const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  anyField: {whatever: 1}\n';
      const { diagnostics } = await schemaDiagnostics(client, 'certificate.yaml', text);
      assert.deepEqual(summary(diagnostics), []);
    });

    it('validates a custom resource against a CRD of the same file', async () => {
      const text = `${CRD}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: one\nspec:\n  sise: large\n  replicas: "3"\n`;
      const { diagnostics } = await schemaDiagnostics(client, 'widget-same-file.yaml', text);
      assert.deepEqual(summary(diagnostics), [
        'unknown-field 32:2-32:6 Unknown field "sise" in Widget.example.com/v1.spec. Did you mean "size"?',
        'invalid-type 33:12-33:15 replicas must be an integer, not the string "3".',
      ]);
      assert.deepEqual(diagnostics.map((d) => d.range), [rangeOf(text, 'sise'), rangeOf(text, '"3"')]);
    });
  });
});


function deployment(containers: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${containers}`;
}
