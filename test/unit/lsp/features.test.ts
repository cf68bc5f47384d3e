import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../lsp/client';
import { caret, InProcessClient } from '../../support/inProcessServer';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Nev|er # the controller only accepts Always
      containers:
        - name: web
          image: nginx:1.27
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`;

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

/** The fixture without its caret, for tests that put the caret elsewhere. */
const plain = (fixture: string): string => fixture.replace('|', '');
/** `fixture` with the caret moved to just after the first occurrence of `needle`. */
const caretAfter = (fixture: string, needle: string): ReturnType<typeof caret> => {
  const text = plain(fixture);
  const at = text.indexOf(needle) + needle.length;
  return caret(`${text.slice(0, at)}|${text.slice(at)}`);
};

describe('LSP features in-process (createServer on a real JSON-RPC connection pair)', function () {
  this.timeout(20_000);
  let client: InProcessClient;
  beforeEach(async () => { client = await InProcessClient.start(); });
  afterEach(async () => { await client.stop(); });

  it('caret fixtures: the | marks the position and is not part of the text', () => {
    assert.deepEqual(caret('a: 1\nb: |2\n'), { text: 'a: 1\nb: 2\n', position: { line: 1, character: 3 } });
    assert.throws(() => caret('no caret'), /exactly one/);
    assert.throws(() => caret('a: |1 |'), /exactly one/);
  });

  it('hover: explains the field under the caret, with its range', async () => {
    const { text, position } = caret(DEPLOYMENT);
    const { uri } = await client.open('web.yaml', text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, 'a hover on restartPolicy');
    assert.match((hover.contents as MarkupContent).value, /restart-policy/);
    assert.deepEqual(hover.range, { start: { line: 11, character: 21 }, end: { line: 11, character: 26 } });
  });

  it('hover, completion, definition and code actions on an unknown document: empty answers, no error', async () => {
    const textDocument = { uri: 'file:///never-opened.yaml' };
    const position = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument, position }), []);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument, position }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.request('podlab/resources', { uri: 42 }), []);
  });

  it('completion: the keys a container may still take, at the caret', async () => {
    const { text, position } = caret(plain(DEPLOYMENT).replace('          image: nginx:1.27\n', '          image: nginx:1.27\n          |\n'));
    const { uri } = await client.open('complete.yaml', text);
    const answer = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const labels = (Array.isArray(answer) ? answer : answer.items).map((item) => item.label);
    assert.ok(labels.includes('livenessProbe') && labels.includes('resources'), labels.join(', '));
    assert.ok(!labels.includes('image'), 'image is written already');
  });

  it('definition: a claimName goes to the PersistentVolumeClaim of another open document', async () => {
    await client.open('claim.yaml', CLAIM);
    const { text, position } = caretAfter(DEPLOYMENT, 'claimName: web-');
    const { uri } = await client.open('web.yaml', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(locations, [{ uri: 'file:///podlab-in-process/claim.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } }]);
  });

  it('definition: a volumeMount name goes to its volume in the same document', async () => {
    const { text, position } = caretAfter(DEPLOYMENT, '- name: da');
    const { uri } = await client.open('web.yaml', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].range.start.line, 19);
  });

  describe('anchors and aliases', () => {
    const ANCHORED = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: &labels {app: web}
spec:
  containers:
    - &main
      name: main
      image: nginx:1.27
    - <<: *main
      name: copy
      env:
        - {name: LABELS, value: x}
  nodeSelector: *labels
`;
    const at = (text: string, needle: string, from = 0) => {
      const offset = text.indexOf(needle, from);
      const before = text.slice(0, offset);
      return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
    };
    const span = (text: string, needle: string, from = 0) => {
      const start = at(text, needle, from);
      return { start, end: { line: start.line, character: start.character + needle.length } };
    };

    it('definition: an alias, also after a merge key, goes to its anchor', async () => {
      const { uri } = await client.open('anchored.yaml', ANCHORED);
      const define = (needle: string) => client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at(ANCHORED, needle) });
      assert.deepEqual(await define('*main'), [{ uri, range: span(ANCHORED, '&main') }]);
      assert.deepEqual(await define('*labels'), [{ uri, range: span(ANCHORED, '&labels') }]);
    });

    it('references: on an anchor or an alias, every alias of that anchor', async () => {
      const { uri } = await client.open('anchored.yaml', ANCHORED);
      const refer = (needle: string, includeDeclaration: boolean) => client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at(ANCHORED, needle), context: { includeDeclaration } });
      assert.deepEqual(await refer('&main', true), [{ uri, range: span(ANCHORED, '&main') }, { uri, range: span(ANCHORED, '*main') }]);
      assert.deepEqual(await refer('*labels', false), [{ uri, range: span(ANCHORED, '*labels') }]);
    });
  });

  it('code actions: the quick fix for the diagnostic at the caret, applied, clears it and keeps the comment', async () => {
    const { text, position } = caret(DEPLOYMENT);
    const { uri, diagnostics } = await client.open('web.yaml', text);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'invalid-restart-policy');
    assert.ok(finding && finding.range.start.line === position.line, JSON.stringify(diagnostics));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [finding] } });
    const fix = actions.find((action) => action.title === 'Change restartPolicy to Always');
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    const fixed = applyTextEdits(text, fix.edit.changes[uri]);
    assert.match(fixed, /restartPolicy: Always # the controller only accepts Always/);
    const after = await client.change(uri, fixed);
    assert.equal(after.filter((diagnostic) => diagnostic.code === 'invalid-restart-policy').length, 0);
  });

  it('parses each version once, whatever the number of features asked about it', async () => {
    const { text, position } = caret(DEPLOYMENT);
    const { uri } = await client.open('web.yaml', text);
    const before = client.server.store.parseCount;
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/codeLens', { textDocument: { uri } });
    await client.request('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(client.server.store.parseCount, before);
  });
});
