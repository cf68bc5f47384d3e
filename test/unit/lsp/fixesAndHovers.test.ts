import * as assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { caret, EDITOR_CAPABILITIES, InProcessClient } from '../../support/inProcessServer';

const LATEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Some|times
  containers:
    - name: app
      image: nginx:latest
`;

async function pinTag(client: InProcessClient): Promise<CodeAction> {
  const { text } = caret(LATEST);
  const { uri, diagnostics } = await client.open('pin.yaml', text);
  const finding = diagnostics.find((diagnostic) => diagnostic.code === 'image-tag');
  assert.ok(finding, JSON.stringify(diagnostics));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
  const pin = actions.find((action) => action.title.startsWith('Pin a tag'));
  assert.ok(pin, JSON.stringify(actions.map((action) => action.title)));
  return pin;
}

describe('LSP in-process: what fixes and hovers say (issue 11)', function () {
  this.timeout(20_000);
  let client: InProcessClient | undefined;
  afterEach(async () => { await client?.stop(); client = undefined; });

  it('"Pin a tag" is a snippet edit with the placeholder as its tab stop for a client with snippetEditSupport', async () => {
    const capabilities = { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, workspaceEdit: { snippetEditSupport: true } } };
    client = await InProcessClient.start({ capabilities });
    const pin = await pinTag(client);
    const [change] = pin.edit?.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.edits, [{ range: { start: { line: 8, character: 13 }, end: { line: 8, character: 25 } }, snippet: { kind: 'snippet', value: 'nginx:${1:PIN-A-VERSION}' } }]);
  });

  it('"Pin a tag" is a plain text edit for a client without it', async () => {
    client = await InProcessClient.start();
    const pin = await pinTag(client);
    assert.deepEqual(Object.values(pin.edit?.changes ?? {}), [[{ range: { start: { line: 8, character: 13 }, end: { line: 8, character: 25 } }, newText: 'nginx:PIN-A-VERSION' }]]);
  });

  it('the hover on restartPolicy: Sometimes says it is invalid and which value is the default for a Pod', async () => {
    client = await InProcessClient.start();
    const { text, position } = caret(LATEST);
    const { uri } = await client.open('policy.yaml', text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^`Sometimes` is not a restart policy: the API server accepts `Always` or `OnFailure` or `Never` for a Pod\./);
    assert.match(value, /Left out, it is \*\*Always\*\* \(the default for a Pod\)/);
  });

  it('the hover on a Job\'s invalid restartPolicy says it has no usable default', async () => {
    client = await InProcessClient.start();
    const job = caret('apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Some|times\n      containers:\n        - name: app\n          image: busybox:1.36\n');
    const { uri } = await client.open('job.yaml', job.text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: job.position });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /accepts `OnFailure` or `Never` for a Job/);
    assert.match(value, /A Job's pods have no usable default/);
  });
});
