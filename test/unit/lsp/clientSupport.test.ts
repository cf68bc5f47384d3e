import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Hover, InitializeParams } from 'vscode-languageserver';

type Declared = Pick<InitializeParams, 'capabilities' | 'initializationOptions'>;
import { clientSupportOf, MINIMAL_SUPPORT, type ClientSupport } from '../../../server/src/lsp/clientSupport';
import { completion } from '../../../server/src/lsp/features/completion';
import { codeLenses } from '../../../server/src/lsp/features/codeLens';
import { completionForClient, hoverForClient, lensesForClient } from '../../../server/src/lsp/features/forClient';
import { standaloneContext } from '../../../server/src/lsp/context';
import { parseManifest } from '../../../server/src/parse/parseManifest';

/** What Neovim 0.7's make_client_capabilities() declares, as far as the server reads it. */
const NEOVIM_07: Declared = {
  capabilities: {
    workspace: { workspaceFolders: true, applyEdit: true },
    textDocument: {
      completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true },
    },
  },
};

const VSCODE: Declared = {
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { snippetEditSupport: true } },
    textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
  },
  initializationOptions: { commands: ['podlab.openPreview'] },
};

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Always\n  containers:\n    - name: web\n      image: nginx:1.27\n      \n';

function complete(text: string, line: number, character: number): CompletionItem[] {
  const document = TextDocument.create('file:///w/pod.yaml', 'yaml', 1, text);
  return completion(standaloneContext(document, parseManifest(text)), { line, character });
}

describe('lsp: what each client declares', () => {
  it('reads Neovim 0.7: no snippets, markdown, no commands, no configuration pull, no dynamic registration, related information', () => {
    const support = clientSupportOf(NEOVIM_07);
    assert.deepEqual({ ...support, commands: [...support.commands] }, {
      snippets: false, hoverMarkdown: true, completionMarkdown: true, commands: [], pullConfiguration: false, registerConfiguration: false, relatedInformation: true, snippetEdits: false,
    });
  });

  it('reads VS Code: snippets, markdown, its commands, pull and dynamic registration, related information, snippet edits', () => {
    const support = clientSupportOf(VSCODE);
    assert.deepEqual({ ...support, commands: [...support.commands] }, {
      snippets: true, hoverMarkdown: true, completionMarkdown: true, commands: ['podlab.openPreview'], pullConfiguration: true, registerConfiguration: true, relatedInformation: true, snippetEdits: true,
    });
  });

  it('follows the order of preference of the formats a client lists', () => {
    const markdownFor = (contentFormat: Array<'markdown' | 'plaintext'>) => clientSupportOf({ capabilities: { textDocument: { hover: { contentFormat } } } }).hoverMarkdown;
    assert.deepEqual([markdownFor(['markdown']), markdownFor(['markdown', 'plaintext']), markdownFor(['plaintext', 'markdown']), markdownFor(['plaintext']), markdownFor([])], [true, true, false, false, false]);
  });

  it('takes nothing for granted from a client that declares nothing, and ignores malformed commands', () => {
    assert.deepEqual(clientSupportOf({ capabilities: {} }), MINIMAL_SUPPORT);
    assert.deepEqual([...clientSupportOf({ capabilities: {}, initializationOptions: { commands: ['a', 3, null] } }).commands], ['a']);
    assert.deepEqual([...clientSupportOf({ capabilities: {}, initializationOptions: 'x' }).commands], []);
  });
});

describe('lsp: answers shaped for the client', () => {
  const plainClient: ClientSupport = clientSupportOf({ capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } } });

  it('keeps snippets for a client with snippetSupport', () => {
    const items = completionForClient(complete(POD, 9, 6), clientSupportOf(VSCODE));
    const probe = items.find((item) => item.label === 'livenessProbe');
    assert.equal(probe?.insertTextFormat, 2);
    assert.match((probe?.textEdit as { newText: string }).newText, /^livenessProbe:\n {2}\$0$/);
  });

  it('without snippetSupport, every item inserts one plain line that needs no editing', () => {
    const raw = complete(POD, 9, 6);
    assert.ok(raw.some((item) => item.insertTextFormat === 2), 'the raw items hold snippets, or this test proves nothing');
    const items = completionForClient(raw, clientSupportOf(NEOVIM_07));
    for (const item of items) {
      const newText = (item.textEdit as { newText: string }).newText;
      assert.doesNotMatch(newText, /\$|\n/, `${item.label}: ${JSON.stringify(newText)}`);
      assert.notEqual(item.insertTextFormat, 2);
      assert.equal(item.insertTextMode, undefined);
    }
    const newText = (label: string) => (items.find((item) => item.label === label)?.textEdit as { newText: string }).newText;
    assert.equal(newText('livenessProbe'), 'livenessProbe:');
    assert.equal(newText('imagePullPolicy'), 'imagePullPolicy: ');
    assert.equal(newText('ports'), 'ports:');
  });

  it('without snippetSupport, an empty file gets apiVersion lines, not two-line items', () => {
    const items = completionForClient(complete('\n', 0, 0), MINIMAL_SUPPORT);
    const deployment = items.find((item) => item.label === 'Deployment (apps/v1)');
    assert.equal((deployment?.textEdit as { newText: string }).newText, 'apiVersion: apps/v1');
    for (const item of items) assert.doesNotMatch((item.textEdit as { newText: string }).newText, /\n/);
  });

  it('gives completion documentation as plain text to a client that reads no markdown', () => {
    const items = completionForClient(complete(POD, 9, 6), MINIMAL_SUPPORT);
    const probe = items.find((item) => item.label === 'terminationMessagePolicy');
    assert.equal(typeof probe?.documentation, 'string');
    const markdown = completionForClient(complete(POD, 9, 6), clientSupportOf(VSCODE)).find((item) => item.label === 'terminationMessagePolicy');
    assert.equal((markdown?.documentation as { kind: string }).kind, 'markdown');
  });

  it('turns a markdown hover into plain text only for a client that takes no markdown', () => {
    const hover: Hover = { contents: { kind: 'markdown', value: '**restartPolicy** `string`\n\n[Docs](https://k8s.io/x)' } };
    assert.deepEqual(hoverForClient(hover, plainClient)?.contents, { kind: 'plaintext', value: 'restartPolicy string\n\nDocs (https://k8s.io/x)' });
    assert.equal(hoverForClient(hover, clientSupportOf(VSCODE)), hover);
    assert.equal(hoverForClient(null, plainClient), null);
  });

  it('sends the "Preview lifecycle" lens only to a client that runs its command', () => {
    const document = TextDocument.create('file:///w/pod.yaml', 'yaml', 1, POD);
    const lenses = codeLenses(standaloneContext(document, parseManifest(POD)));
    assert.equal(lenses.length, 1);
    assert.equal(lensesForClient(lenses, clientSupportOf(VSCODE)).length, 1);
    assert.deepEqual(lensesForClient(lenses, clientSupportOf(NEOVIM_07)), []);
    assert.deepEqual(lensesForClient(lenses, clientSupportOf({ capabilities: {}, initializationOptions: { commands: ['other.command'] } })), []);
  });
});
