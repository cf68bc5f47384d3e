import * as assert from 'node:assert/strict';
import type { ClientCapabilities, CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { caret, InProcessClient } from '../../support/inProcessServer';

/** What Neovim 0.7 declares, as far as the server reads it. */
const NEOVIM_07: ClientCapabilities = {
  workspace: { workspaceFolders: true, applyEdit: true },
  textDocument: {
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};
const PLAIN_TEXT_ONLY: ClientCapabilities = { textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } } } };

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Always\n  containers:\n    - {name: web, image: "nginx:1.27", command: ["echo 🚀"], resources: {limits: {memory: 1gb}}}\n';

describe('lsp in process: each client gets what it declared', () => {
  let client: InProcessClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('a client like Neovim 0.7: no dynamic registration, no code lens provider, plain completion', async () => {
    client = await InProcessClient.start({ capabilities: NEOVIM_07 });
    const { text, position } = caret(`${POD}      liveness|\n`);
    const { uri } = await client.open('pod.yaml', text);
    assert.deepEqual(client.registrations, []);
    assert.equal(client.initializeResult?.capabilities.codeLensProvider, undefined);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    const probe = items.find((item) => item.label === 'livenessProbe');
    assert.deepEqual([probe?.insertTextFormat, (probe?.textEdit as { newText: string }).newText], [1, 'livenessProbe:']);
  });

  it('a client that offers dynamic registration and names the preview command gets both', async () => {
    client = await InProcessClient.start({
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      initializationOptions: { commands: ['podlab.openPreview'] },
    });
    const { uri } = await client.open('pod.yaml', POD);
    assert.deepEqual(client.registrations, ['workspace/didChangeConfiguration']);
    const lenses = await client.request<Array<{ command?: { command: string } }>>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((lens) => lens.command?.command), ['podlab.openPreview']);
  });

  it('hovers in plain text for a client that takes only plain text', async () => {
    client = await InProcessClient.start({ capabilities: PLAIN_TEXT_ONLY });
    const { text, position } = caret(POD.replace('restartPolicy', 'restart|Policy'));
    const { uri } = await client.open('pod.yaml', text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^restartPolicy: Always: /);
  });

  it('offers the quick fix for a diagnostic sent back with byte columns, from the start of its line', async () => {
    client = await InProcessClient.start({ capabilities: NEOVIM_07 });
    const { uri, diagnostics } = await client.open('pod.yaml', POD);
    const quantity = diagnostics.find((diagnostic) => diagnostic.code === 'invalid-quantity')!;
    const line = POD.split('\n')[7];
    const bytes = (character: number) => Buffer.byteLength(line.slice(0, character));
    const sent: Diagnostic = { ...quantity, range: { start: { line: 7, character: bytes(quantity.range.start.character) }, end: { line: 7, character: bytes(quantity.range.end.character) } } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
      context: { diagnostics: [sent] },
    });
    const fix = actions.find((action) => action.title === 'Change to 1G');
    assert.deepEqual(fix?.edit?.changes?.[uri].map((edit) => edit.range), [quantity.range]);
  });

  it('takes the settings a client gives in initializationOptions.podlab', async () => {
    client = await InProcessClient.start({ capabilities: {}, initializationOptions: { podlab: { rules: { 'invalid-quantity': 'off' } } } });
    const { diagnostics } = await client.open('pod.yaml', POD);
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'invalid-quantity'), JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-resources'));
  });

  it('keeps those settings when the client answers workspace/configuration with nothing for podlab', async () => {
    client = await InProcessClient.start({ capabilities: { workspace: { configuration: true } }, initializationOptions: { podlab: { rules: { 'invalid-quantity': 'off' } } } });
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    const { uri } = await client.open('pod.yaml', POD);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const diagnostics = await client.diagnostics(uri);
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'invalid-quantity'), JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-resources'));
  });
});
