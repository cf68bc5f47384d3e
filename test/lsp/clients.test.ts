import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CompletionItem } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, waitForNotification } from './client';

/** The capabilities of Neovim 0.7's built-in client that the server reads: no configuration pull, nothing dynamic. */
const NEOVIM_07: ClientCapabilities = {
  workspace: { workspaceFolders: true, applyEdit: true },
  textDocument: {
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
};

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: settings\n';

/** A folder with two manifests at the top and one in vendor/. */
function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'podlab-clients-'));
  writeFileSync(join(folder, 'pod.yaml'), POD);
  writeFileSync(join(folder, 'config.yaml'), CONFIG_MAP);
  mkdirSync(join(folder, 'vendor'));
  writeFileSync(join(folder, 'vendor', 'other.yaml'), CONFIG_MAP.replace('settings', 'other'));
  return folder;
}

function registrationsOf(client: LspClient): string[] {
  const methods: string[] = [];
  client.connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
    methods.push(...params.registrations.map((registration) => registration.method));
    return null;
  });
  return methods;
}

describe('LSP: clients other than VS Code', function () {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('registers nothing dynamically and offers no code lens to a client like Neovim 0.7', async () => {
    const folder = workspace();
    folders.push(folder);
    const client = await LspClient.start({ workspaceFolders: [folder], capabilities: NEOVIM_07, initializationOptions: undefined });
    try {
      const registrations = registrationsOf(client);
      await waitForNotification(client, 'podlab/workspaceIndexed');
      const uri = pathToFileURL(join(folder, 'pod.yaml')).href;
      await client.open(uri, POD);
      await client.waitForDiagnostics(uri);
      assert.deepEqual(registrations, []);
      await client.replace(uri, `${POD}      \n`);
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 6 } });
      assert.ok(items.length > 0);
      assert.ok(items.some((item) => item.label === 'livenessProbe'), JSON.stringify(items.map((item) => item.label)));
      for (const item of items) assert.doesNotMatch(JSON.stringify(item.textEdit), /\$|\\n/, item.label);
      assert.equal(client.initializeResult?.capabilities.codeLensProvider, undefined);
    } finally {
      await client.stop();
    }
  });

  it('advertises code lenses only to a client that names their command', async () => {
    for (const [initializationOptions, expected] of [[undefined, undefined], [{ commands: ['podlab.openPreview'] }, { resolveProvider: false }]] as const) {
      const client = await LspClient.start({ initializationOptions });
      try {
        assert.deepEqual(client.initializeResult?.capabilities.codeLensProvider, expected);
      } finally {
        await client.stop();
      }
    }
  });

  it('skips what podlab.exclude names, pulled from a client that answers workspace/configuration', async () => {
    const folder = workspace();
    folders.push(folder);
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { podlab: { exclude: ['vendor/**'] } } });
    try {
      const indexed = await waitForNotification(client, 'podlab/workspaceIndexed') as { files: number };
      assert.equal(indexed.files, 2);
    } finally {
      await client.stop();
    }
  });

  it('reads the folders again without what podlab.exclude names when a client pushes it after the first scan', async () => {
    const folder = workspace();
    folders.push(folder);
    const client = await LspClient.start({ workspaceFolders: [folder], capabilities: NEOVIM_07 });
    try {
      await client.notify('workspace/didChangeConfiguration', { settings: { podlab: { exclude: ['vendor/**'] } } });
      const indexed = await waitForNotification(client, 'podlab/workspaceIndexed', (params) => (params as { files: number }).files === 2);
      assert.equal((indexed as { files: number }).files, 2);
      const uri = pathToFileURL(join(folder, 'pod.yaml')).href;
      await client.open(uri, POD);
      await client.waitForDiagnostics(uri);
      const vendored = await client.request<unknown[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(POD, 'name: settings', 0, 7) });
      assert.equal(vendored.length, 1, 'config.yaml is still in the index');
      const names = await client.request<unknown[]>('textDocument/references', { textDocument: { uri: pathToFileURL(join(folder, 'vendor', 'other.yaml')).href }, position: { line: 3, character: 9 }, context: { includeDeclaration: true } });
      assert.deepEqual(names, []);
    } finally {
      await client.stop();
    }
  });

  it('scans no folder for a file opened without a workspace folder', async () => {
    const folder = workspace();
    folders.push(folder);
    const client = await LspClient.start({ capabilities: NEOVIM_07 });
    try {
      const uri = pathToFileURL(join(folder, 'pod.yaml')).href;
      await client.open(uri, POD);
      await client.waitForDiagnostics(uri);
      const found = await client.request<unknown[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(POD, 'name: settings', 0, 7) });
      assert.deepEqual(found, [], 'config.yaml beside the file was read');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(client.notifications.filter((notification) => notification.method === 'podlab/workspaceIndexed').length, 0);
    } finally {
      await client.stop();
    }
  });
});
