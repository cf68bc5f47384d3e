import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hover } from '../../../server/src/lsp/features/hover';
import { standaloneContext } from '../../../server/src/lsp/context';
import { analyzeText, assertSpansInside, spanOfText, syntaxOf } from './support';
import { binaryTexts } from './texts';

/** Files with syntax errors and rule findings at known places, to compare across line endings. */
const BROKEN_FILES = [
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n",
  'apiVersion: v1\nkind: Pod\nspec:\n  containers: [a, b\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\n  labels: {}\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n',
  'apiVersion: v1\nkind: Pod\n' + ']\n'.repeat(80),
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: web\n          image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: x\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  script: |\n    line one\n    line two\n  other: "a\n',
];

describe('hostile input: encodings, line endings, odd characters', () => {
  it('gives a CRLF file the same diagnostic ranges (line, character) as the LF file', () => {
    for (const lf of BROKEN_FILES) {
      const crlf = lf.replace(/\n/g, '\r\n');
      const fromLf = analyzeText(lf).diagnostics.map((d) => [d.code, d.range, d.message]);
      const fromCrlf = analyzeText(crlf).diagnostics.map((d) => [d.code, d.range, d.message]);
      assert.ok(fromLf.length > 0);
      assert.deepEqual(fromCrlf, fromLf, JSON.stringify(lf));
    }
  });

  it('gives a file with lone \\r line breaks (as the editor reads them) the same diagnostics as the LF file', () => {
    for (const lf of BROKEN_FILES) {
      const cr = lf.replace(/\n/g, '\r');
      const fromLf = analyzeText(lf).diagnostics.map((d) => [d.code, d.range, d.message]);
      assert.deepEqual(analyzeText(cr).diagnostics.map((d) => [d.code, d.range, d.message]), fromLf, JSON.stringify(lf));
    }
  });

  it('answers hover on CRLF text with the exact range of the hovered node, as on LF text', () => {
    const lf = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: web\n          image: nginx:1.27\n          livenessProbe:\n            httpGet: {path: /healthz, port: 80}\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const [needle, length] of [['restartPolicy', 13], ['livenessProbe', 13], ['containers', 10]] as const) {
      const hovers = [lf, crlf].map((text) => {
        const { document, file } = analyzeText(text);
        const answer = hover(standaloneContext(document, file, { log: (what, error) => assert.fail(`${what}: ${String(error)}`) }), document.positionAt(text.indexOf(needle) + 2));
        assert.ok(answer?.range, `a hover on ${needle}`);
        assert.equal(document.getText(answer.range), needle);
        return answer.range;
      });
      const line = lf.slice(0, lf.indexOf(needle)).split('\n').length - 1;
      const character = lf.indexOf(needle) - (lf.lastIndexOf('\n', lf.indexOf(needle)) + 1);
      assert.deepEqual(hovers[1], { start: { line, character }, end: { line, character: character + length } }, needle);
      assert.deepEqual(hovers[1], hovers[0]);
    }
  });

  it('keeps every CRLF range off the \\r\\n pair', () => {
    for (const lf of BROKEN_FILES) {
      const crlf = lf.replace(/\n/g, '\r\n');
      for (const finding of analyzeText(crlf).findings) {
        for (const offset of finding.span) assert.notEqual(crlf.slice(offset - 1, offset + 1), '\r\n', `${finding.code} splits a CRLF`);
      }
    }
  });

  it('reads a file with a byte order mark, with ranges counted from the BOM', () => {
    const text = '\uFEFFapiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n';
    const analysed = analyzeText(text);
    assert.equal(analysed.file.resources[0]?.kind, 'Pod');
    const [problem] = syntaxOf(analysed);
    assert.deepEqual(problem.span, spanOfText(text, '"web'));
  });

  it('survives binary junk, NUL bytes and invalid UTF-8 in a .yaml file', () => {
    for (const text of Object.values(binaryTexts())) {
      const analysed = analyzeText(text);
      assertSpansInside(analysed.findings, text);
      assert.deepEqual(analysed.ruleFailures, []);
      const document = TextDocument.create('file:///junk.yaml', 'yaml', 1, text);
      for (let offset = 0; offset < text.length; offset += 97) {
        hover(standaloneContext(document, analysed.file, { log: (what, error) => assert.fail(`${what}: ${String(error)}`) }), document.positionAt(offset));
      }
    }
  });

  it('reports ranges after unicode names exactly, in UTF-16 code units as LSP counts them', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    note: "日本語 🚀 Ünïcödé"\n    "ключ-🔑": ✓\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      restartPolicy: Never # 🚫 emoji before nothing\n      containers:\n        - name: web\n          image: nginx:1.27\n';
    const analysed = analyzeText(text);
    const restart = analysed.diagnostics.find((d) => d.code === 'invalid-restart-policy');
    assert.ok(restart, JSON.stringify(analysed.diagnostics));
    const start = text.indexOf('Never');
    assert.deepEqual(restart.range, { start: analysed.document.positionAt(start), end: analysed.document.positionAt(start + 5) });
    assert.equal(restart.range.start.character, '      restartPolicy: '.length);
  });

  it('handles very long lines and long keys without losing positions', () => {
    const long = 'x'.repeat(200_000);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  ${long}: 1\n  after: "unclosed\n`;
    const analysed = analyzeText(text);
    assertSpansInside(analysed.findings, text);
    const quote = syntaxOf(analysed).find((finding) => /quote/.test(finding.message));
    assert.deepEqual(quote?.span, spanOfText(text, '"unclosed'));
  });
});
