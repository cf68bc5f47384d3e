import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Location } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, recordProgress, waitForNotification } from './client';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: web-settings
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const STORAGE = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings
data:
  LEVEL: info
`;

describe('LSP: navigation and the workspace index', function () {
  let client: LspClient;
  let folder: string;
  let progress: ReturnType<typeof recordProgress>;
  const texts: Record<string, string> = { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE, 'storage.yaml': STORAGE };
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;
  const at = (name: string, needle: string, occurrence = 0, delta = 1) => ({ textDocument: { uri: uri(name) }, position: positionOf(texts[name], needle, occurrence, delta) });
  const target = (name: string, needle: string, occurrence = 0, delta = 0) => {
    const start = positionOf(texts[name], needle, occurrence, delta);
    return { uri: uri(name), line: start.line, character: start.character };
  };
  const starts = (locations: Location[]) => locations.map((location) => ({ uri: location.uri, line: location.range.start.line, character: location.range.start.character }));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'podlab-nav-'));
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, name), text);
    client = await LspClient.start({ workspaceFolders: [folder] });
    progress = recordProgress(client);
    await waitForNotification(client, 'podlab/workspaceIndexed');
    await client.open(uri('deploy.yaml'), DEPLOY);
    await client.open(uri('service.yaml'), SERVICE);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports indexing through work-done progress: create, then begin and end on that token', async () => {
    assert.equal(progress.created.length, 1);
    const values = progress.values.get(progress.created[0]) ?? [];
    assert.equal(values[0]?.kind, 'begin', JSON.stringify(values));
    assert.match(values[0].title ?? '', /indexing/i);
    assert.equal(values[values.length - 1]?.kind, 'end');
    const indexed = await waitForNotification(client, 'podlab/workspaceIndexed') as { files: number; resources: number };
    assert.deepEqual({ files: indexed.files, resources: indexed.resources }, { files: 3, resources: 4 });
  });

  it('go to definition: volumeMount name -> volume, claimName -> PVC, ConfigMap name -> its manifest, Service selector -> pod templates', async () => {
    assert.deepEqual(starts(await client.request<Location[]>('textDocument/definition', at('deploy.yaml', 'name: data', 0, 7))), [target('deploy.yaml', 'name: data', 1, 6)]);
    assert.deepEqual(starts(await client.request<Location[]>('textDocument/definition', at('deploy.yaml', 'web-data'))), [target('storage.yaml', 'web-data')]);
    assert.deepEqual(starts(await client.request<Location[]>('textDocument/definition', at('deploy.yaml', 'web-settings'))), [target('storage.yaml', 'web-settings')]);
    assert.deepEqual(starts(await client.request<Location[]>('textDocument/definition', at('service.yaml', 'selector'))), [target('deploy.yaml', 'app: web', 1)]);
  });

  it('find references the other way: PVC -> pods using it, pod labels -> Services, volume -> its mounts', async () => {
    await client.open(uri('storage.yaml'), STORAGE);
    const claimUsers = await client.request<Location[]>('textDocument/references', { ...at('storage.yaml', 'web-data'), context: { includeDeclaration: false } });
    assert.deepEqual(starts(claimUsers), [target('deploy.yaml', 'web-data')]);
    const services = await client.request<Location[]>('textDocument/references', { ...at('deploy.yaml', 'app: web', 1), context: { includeDeclaration: false } });
    assert.deepEqual(starts(services), [target('service.yaml', 'app: web')]);
    const mounts = await client.request<Location[]>('textDocument/references', { ...at('deploy.yaml', 'name: data', 1, 7), context: { includeDeclaration: true } });
    assert.deepEqual(starts(mounts), [target('deploy.yaml', 'name: data', 1, 6), target('deploy.yaml', 'name: data', 0, 6)]);
  });

  it('document symbols: the resources, with their containers below', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('deploy.yaml') } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.children?.map((child) => `${child.name}: ${child.detail}`)]), [
      ['Deployment web', ['setup: init container · busybox:1.36', 'web: container · nginx:1.27']],
    ]);
    const storage = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('storage.yaml') } });
    assert.deepEqual(storage.map((symbol) => symbol.name), ['PersistentVolumeClaim web-data', 'ConfigMap web-settings']);
  });

  it('a cross-file diagnostic follows another file: changed on disk, then edited in the editor', async () => {
    const serviceUri = uri('service.yaml');
    const noMatch = () => (client.diagnostics.get(serviceUri)?.diagnostics ?? []).filter((diagnostic) => diagnostic.code === 'service-no-match');
    assert.deepEqual((await client.waitForDiagnostics(serviceUri)).filter((diagnostic) => diagnostic.code === 'service-no-match'), []);

    const renamed = DEPLOY.replace(/app: web/g, 'app: website');
    writeFileSync(join(folder, 'deploy.yaml'), renamed);
    await client.notify('textDocument/didClose', { textDocument: { uri: uri('deploy.yaml') } });
    await waitUntil(() => noMatch().length === 1);
    assert.match(String(noMatch()[0].message), /No pod template in the workspace has the labels app=web/);

    writeFileSync(join(folder, 'deploy.yaml'), DEPLOY);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('deploy.yaml'), type: 2 }] });
    await waitUntil(() => noMatch().length === 0);

    await client.open(uri('deploy.yaml'), DEPLOY);
    await client.replace(uri('deploy.yaml'), renamed);
    await waitUntil(() => noMatch().length === 1);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
