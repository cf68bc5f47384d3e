import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LspClient, waitForNotification } from './client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:latest
`;

describe('the language server reads .podlab.yaml (as podlab lint does)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const uriOf = (name: string) => URI.file(path.join(root, name)).toString();
  const severityOf = (diagnostics: Array<{ code?: unknown; severity?: number }>, code: string) => diagnostics.find((d) => d.code === code)?.severity;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'podlab-project-config-'));
    mkdirSync(path.join(root, 'team'));
    mkdirSync(path.join(root, 'vendor'));
    writeFileSync(path.join(root, '.podlab.yaml'), 'kubernetesVersion: "1.24"\nrules:\n  image-tag: error\nignore: [vendor/]\n');
    writeFileSync(path.join(root, 'team', '.podlab.yaml'), 'rules:\n  image-tag: off\n');
    client = await LspClient.start({ workspaceFolders: [root] });
    await waitForNotification(client, 'podlab/workspaceIndexed');
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('its rules change severities; the nearest one above the document applies', async () => {
    await client.open(uriOf('pod.yaml'), POD);
    assert.equal(severityOf(await client.waitForDiagnostics(uriOf('pod.yaml')), 'image-tag'), 1);
    await client.open(uriOf('team/pod.yaml'), POD.replace('name: web\nspec', 'name: team-web\nspec'));
    assert.equal(severityOf(await client.waitForDiagnostics(uriOf('team/pod.yaml')), 'image-tag'), undefined);
  });

  it('its kubernetesVersion decides which apiVersions are removed', async () => {
    const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
    await client.open(uriOf('pdb.yaml'), pdb);
    assert.equal(severityOf(await client.waitForDiagnostics(uriOf('pdb.yaml')), 'removed-api-version'), undefined);
  });

  it('a document its ignore globs name gets no diagnostics', async () => {
    await client.open(uriOf('vendor/pod.yaml'), POD.replace('name: web\nspec', 'name: vendored\nspec'));
    assert.deepEqual(await client.waitForDiagnostics(uriOf('vendor/pod.yaml')), []);
  });

  it('a changed .podlab.yaml applies at once to the open documents', async () => {
    writeFileSync(path.join(root, '.podlab.yaml'), 'rules:\n  image-tag: hint\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.podlab.yaml'), type: 2 }] });
    const published = (name: string) => client.diagnostics.get(uriOf(name))?.diagnostics ?? [];
    for (let waited = 0; waited < 10_000 && (severityOf(published('pod.yaml'), 'image-tag') !== 4 || published('vendor/pod.yaml').length === 0); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const diagnostics = client.diagnostics;
    assert.equal(severityOf(diagnostics.get(uriOf('pod.yaml'))!.diagnostics, 'image-tag'), 4);
    assert.equal(severityOf(diagnostics.get(uriOf('pdb.yaml'))!.diagnostics, 'removed-api-version'), 2, 'back to the default release');
    assert.ok(diagnostics.get(uriOf('vendor/pod.yaml'))!.diagnostics.length > 0, 'no longer ignored');
  });
});
