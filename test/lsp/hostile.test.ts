import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Diagnostic, Position } from 'vscode-languageserver-protocol';
import { billionLaughs, binaryTexts, DEEP_NESTING, MALFORMED, manyPods, POD } from '../unit/hostile/texts';
import { LspClient, positionOf } from './client';

const VALID = `apiVersion: apps/v1
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
      restartPolicy: Never
      containers:
        - name: web
          image: nginx:1.27
`;

/** Every hostile document, and what its diagnostics must say (beyond arriving at all). */
const HOSTILE: Array<{ name: string; text: () => string; expect?: (diagnostics: Diagnostic[]) => void }> = [
  ...Object.entries(MALFORMED).map(([name, text]) => ({ name: `malformed YAML: ${name}`, text: () => text })),
  {
    name: 'an alias bomb (billion laughs)',
    text: billionLaughs,
    expect: (diagnostics) => {
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.match(JSON.stringify(diagnostics[0].message), /alias bomb/);
    },
  },
  {
    name: 'a 20 MB file',
    text: () => manyPods(20_000_000),
    expect: (diagnostics) => assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['file-too-large', 3, 0]]),
  },
  {
    name: 'one line of 5 MB',
    text: () => `${POD}  description: ${'a'.repeat(5_000_000)}\n`,
    expect: (diagnostics) => assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['file-too-large', 3]]),
  },
  ...Object.entries(DEEP_NESTING).map(([name, text]) => ({
    name: `deep nesting: ${name}`,
    text: () => text,
    expect: (diagnostics: Diagnostic[]) => assert.equal(diagnostics.filter((d) => /levels deep/.test(JSON.stringify(d.message))).length, 1, JSON.stringify(diagnostics)),
  })),
  ...Object.entries(binaryTexts()).map(([name, text]) => ({ name: `binary: ${name}`, text: () => text })),
  { name: 'a byte order mark', text: () => `\uFEFF${VALID}` },
  { name: 'CRLF line endings', text: () => VALID.replace(/\n/g, '\r\n') },
  { name: 'lone CR line endings', text: () => VALID.replace(/\n/g, '\r') },
  { name: 'unicode names', text: () => VALID.replace('name: web\nspec', 'name: wéb-日本-🚀\n  annotations: {"ключ-🔑": ✓}\nspec') },
  { name: 'a Helm template', text: () => VALID.replace('name: web\nspec', 'name: {{ include "chart.fullname" . }}\nspec') },
];

function itemsOf(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(answer) ? answer : answer?.items ?? [];
}

describe('LSP: hostile documents do not take the server down', function () {
  this.timeout(120_000);
  let client: LspClient;
  let valid = 0;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  }

  /** A valid document still gets its diagnostics, hover and completion: the server is up and not stuck. */
  async function assertServerAnswers(): Promise<void> {
    const uri = client.uri(`valid-${valid++}.yaml`);
    await client.open(uri, VALID);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'invalid-restart-policy'), JSON.stringify(diagnostics));
    const hover = await client.hover(uri, positionOf(VALID, 'restartPolicy', 0, 3));
    assert.match(JSON.stringify(hover?.contents), /restartPolicy/);
    const completion = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(VALID, 'Never', 0, 1) });
    assert.deepEqual(itemsOf(completion).map((item) => item.label).sort(), ['Always', 'Never', 'OnFailure']);
    assert.equal(client.process.exitCode, null, 'the server process is still running');
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  }

  for (const hostile of HOSTILE) {
    it(`${hostile.name}: diagnostics, hover, completion and edits on it, then a valid document still answered`, async () => {
      const text = hostile.text();
      const uri = client.uri(`hostile-${HOSTILE.indexOf(hostile)}.yaml`);
      await client.open(uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, 60_000);
      hostile.expect?.(diagnostics);
      for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
        const position = positionAt(text, Math.floor(fraction * text.length));
        await client.hover(uri, position);
        await client.request('textDocument/completion', { textDocument: { uri }, position });
      }
      const middle = positionAt(text, Math.floor(text.length / 2));
      await client.edit(uri, middle, middle, 'x: ');
      await client.waitForDiagnostics(uri, 60_000);
      await client.replace(uri, text);
      const again = await client.waitForDiagnostics(uri, 60_000);
      assert.deepEqual(again, diagnostics, 'the same text gives the same diagnostics');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      await assertServerAnswers();
    });
  }

  it('logged no failure of any rule, hover or check on all of that', () => {
    assert.doesNotMatch(client.stderr, /failed and was skipped/);
    assert.equal(client.process.exitCode, null);
  });
});

describe('LSP: a file above podlab.maxFileSize is checked in the background', function () {
  this.timeout(120_000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  function publishedAt(uri: string): number {
    return client.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
  }

  it('answers a small file (diagnostics and hover) while a 20 MB file is checked, then reports the 20 MB file\'s syntax error and notice', async () => {
    const big = client.uri('big-20mb.yaml');
    const small = client.uri('small-while-big.yaml');
    const text = manyPods(20_000_000).replace('name: web-150000\n', 'name: "web-150000\n');
    await client.open(big, text);
    await client.open(small, VALID);
    const smallDiagnostics = await client.waitForDiagnostics(small, 60_000);
    assert.ok(smallDiagnostics.some((d) => d.code === 'invalid-restart-policy'), JSON.stringify(smallDiagnostics));
    const hover = await client.hover(small, positionOf(VALID, 'restartPolicy', 0, 3));
    assert.match(JSON.stringify(hover?.contents), /restartPolicy/);
    assert.equal(publishedAt(big), -1, 'the small file was answered before the 20 MB check ended');

    const bigDiagnostics = await client.waitForDiagnostics(big, 100_000);
    assert.ok(publishedAt(small) < publishedAt(big));
    assert.deepEqual(bigDiagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1], ['file-too-large', 3]]);
    const quoteLine = text.slice(0, text.indexOf('"web-150000')).split('\n').length - 1;
    assert.deepEqual(bigDiagnostics[0].range, { start: { line: quoteLine, character: 8 }, end: { line: quoteLine, character: 8 + '"web-150000'.length } });
    assert.match(JSON.stringify(bigDiagnostics[1].message), /only its YAML syntax is checked/);
  });

  it('drops a check whose text changed, and reports on the new text only', async () => {
    const uri = client.uri('big-edited.yaml');
    const text = manyPods(8_000_000);
    await client.open(uri, text);
    await client.replace(uri, text.replace('name: web-100\n', 'name: [web-100\n'));
    const diagnostics = await client.waitForDiagnostics(uri, 100_000);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1], ['file-too-large', 3]]);
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
    assert.deepEqual(published.map((n) => (n.params as { version?: number }).version), [2], 'nothing was published for the first text');
  });
});
