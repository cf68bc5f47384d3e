import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspClient, rangeOf } from './client';
import { CRD } from './schema-fixtures';

const SCHEMA_CODES = new Set(['unknown-field', 'invalid-type', 'missing-required', 'invalid-enum', 'unknown-kind', 'removed-api-version']);

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

async function diagnosticsOf(client: LspClient, uri: string, text: string): Promise<Diagnostic[]> {
  await client.open(uri, text);
  return client.waitForDiagnostics(uri);
}

/** Resolves once the server has read the workspace folders (its podlab/workspaceIndexed notification). */
async function indexed(client: LspClient): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!client.notifications.some((n) => n.method === 'podlab/workspaceIndexed')) {
    if (Date.now() > deadline) throw new Error('the workspace was not indexed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const OLD_DEPLOYMENT = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const OLD_CRONJOB = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n';

describe('LSP: removed API versions follow podlab.kubernetesVersion', function () {
  it('warns about extensions/v1beta1 naming the release, and migrates to apps/v1 with the selector it then requires', async () => {
    const client = await LspClient.start();
    try {
      const uri = client.uri('old-deployment.yaml');
      const diagnostics = (await diagnosticsOf(client, uri, OLD_DEPLOYMENT)).filter((d) => SCHEMA_CODES.has(String(d.code)));
      assert.deepEqual(summary(diagnostics), [
        'removed-api-version 2 0:12-0:30 extensions/v1beta1 Deployment was removed in Kubernetes 1.16 (podlab.kubernetesVersion is 1.34): the API server no longer serves it. Use apps/v1.',
      ]);
      assert.deepEqual(diagnostics[0].range, rangeOf(OLD_DEPLOYMENT, 'extensions/v1beta1'));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]], only: ['quickfix'] } });
      const migrate = actions.find((action) => action.title === 'Migrate to apps/v1 (and add spec.selector from the template labels)');
      assert.ok(migrate?.edit?.changes?.[uri], JSON.stringify(actions.map((a) => a.title)));
      const migrated = applyTextEdits(OLD_DEPLOYMENT, migrate.edit.changes[uri]);
      assert.equal(migrated, `${OLD_DEPLOYMENT.replace('extensions/v1beta1', 'apps/v1')}  selector:\n    matchLabels:\n      app: web\n      tier: front\n`);
      await client.replace(uri, migrated);
      assert.deepEqual((await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code))), []);

      const cronUri = client.uri('old-cronjob.yaml');
      const cron = (await diagnosticsOf(client, cronUri, OLD_CRONJOB)).filter((d) => SCHEMA_CODES.has(String(d.code)));
      assert.deepEqual(summary(cron), [
        'removed-api-version 2 0:12-0:25 batch/v1beta1 CronJob was removed in Kubernetes 1.25 (podlab.kubernetesVersion is 1.34): the API server no longer serves it. Use batch/v1.',
      ]);
    } finally {
      await client.stop();
    }
  });

  it('says nothing about versions the configured release still serves, and follows a settings change', async () => {
    const settings: Record<string, unknown> = { podlab: { kubernetesVersion: '1.24' } };
    const client = await LspClient.start({ settings });
    try {
      const uri = client.uri('cronjob-1.24.yaml');
      await client.open(uri, OLD_CRONJOB);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual((await client.waitForDiagnostics(uri)).filter((d) => SCHEMA_CODES.has(String(d.code))), []);
      settings.podlab = { kubernetesVersion: '1.25' };
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      const deadline = Date.now() + 5000;
      let found: Diagnostic[] = [];
      while (Date.now() < deadline) {
        found = (client.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => d.code === 'removed-api-version');
        if (found.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(summary(found), [
        'removed-api-version 2 0:12-0:25 batch/v1beta1 CronJob was removed in Kubernetes 1.25 (podlab.kubernetesVersion is 1.25): the API server no longer serves it. Use batch/v1.',
      ]);
    } finally {
      await client.stop();
    }
  });
});

describe('LSP: custom resources, templates and patches in a workspace', function () {
  let folder: string;
  let client: LspClient;
  const fileUri = (name: string) => pathToFileURL(path.join(folder, name)).href;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'podlab-schema-'));
    fs.writeFileSync(path.join(folder, 'widget-crd.yaml'), CRD);
    fs.mkdirSync(path.join(folder, 'overlay'));
    fs.writeFileSync(path.join(folder, 'overlay', 'kustomization.yaml'), 'resources:\n  - ../base\npatches:\n  - path: replicas.yaml\npatchesStrategicMerge:\n  - memory.yaml\n');
    client = await LspClient.start({ workspaceFolders: [folder] });
    await indexed(client);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('validates a custom resource against the openAPIV3Schema of a CRD in another workspace file', async () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: one\nspec:\n  size: medium\n  colour: red\n';
    const diagnostics = (await diagnosticsOf(client, fileUri('widget.yaml'), text)).filter((d) => SCHEMA_CODES.has(String(d.code)));
    assert.deepEqual(summary(diagnostics), [
      'invalid-enum 1 5:8-5:14 "medium" is not a valid size: expected "small" or "large".',
      'unknown-field 1 6:2-6:8 Unknown field "colour" in Widget.example.com/v1.spec.',
    ]);
    const missing = (await diagnosticsOf(client, fileUri('widget-empty.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: two\nspec:\n  replicas: 2\n'))
      .filter((d) => SCHEMA_CODES.has(String(d.code)));
    assert.deepEqual(summary(missing), ['missing-required 1 4:0-4:4 Widget.example.com/v1.spec is missing the required field "size" (string).']);
  });

  it('checks what a Helm template writes literally: a misspelt key, not the values its actions render', async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels:\n      {{- include "chart.selectorLabels" . | nindent 6 }}\n  template:\n    metadata:\n      labels:\n        {{- include "chart.selectorLabels" . | nindent 8 }}\n    spec:\n      contaners:\n        - name: {{ .Chart.Name }}\n          image: {{ .Values.image }}\n';
    const diagnostics = await diagnosticsOf(client, fileUri('templates/deployment.yaml'), text);
    assert.deepEqual(summary(diagnostics), [
      'unknown-field 1 14:6-14:15 Unknown field "contaners" in PodSpec. Did you mean "containers"?',
    ]);
  });

  it('does not report the fields a Kustomize patch leaves out, but still checks what it writes', async () => {
    const replicas = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n';
    const patch = (await diagnosticsOf(client, fileUri('overlay/replicas.yaml'), replicas)).filter((d) => SCHEMA_CODES.has(String(d.code)));
    assert.deepEqual(summary(patch), ['invalid-type 1 5:12-5:15 replicas must be an integer, not the string "3".']);

    const memory = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits: {memory: 512Mi}\n';
    assert.deepEqual(summary((await diagnosticsOf(client, fileUri('overlay/memory.yaml'), memory)).filter((d) => SCHEMA_CODES.has(String(d.code)))), []);

    const directive = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: sidecar\n          $patch: delete\n';
    assert.deepEqual(summary((await diagnosticsOf(client, fileUri('directive.yaml'), directive)).filter((d) => SCHEMA_CODES.has(String(d.code)))), []);

    const notListed = (await diagnosticsOf(client, fileUri('overlay/other.yaml'), replicas)).filter((d) => d.code === 'missing-required');
    assert.deepEqual(summary(notListed), [
      'missing-required 1 4:0-4:4 DeploymentSpec is missing the required field "selector" (LabelSelector).',
      'missing-required 1 4:0-4:4 DeploymentSpec is missing the required field "template" (PodTemplateSpec).',
    ]);
  });
});
