import * as assert from 'node:assert/strict';
import { checkInSlices } from '../../../server/src/parse/largeFileCheckInSlices';
import { largeFileSyntaxSlices, MAX_COMPOSED_DOCUMENT, MAX_LARGE_FILE_PROBLEMS, runToEnd } from '../../../server/src/parse/largeFileSyntax';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { analyzeText, assertSpansInside, syntaxOf } from './support';
import { binaryTexts, DEEP_NESTING, MALFORMED, manyPods, POD } from './texts';

type Row = [string, number, number, string, string];
const rows = (problems: ReturnType<typeof runToEnd<never>> | Array<{ code: string; span: readonly [number, number]; severity: string; message: string }>): Row[] =>
  (problems as Array<{ code: string; span: readonly [number, number]; severity: string; message: string }>).map((p) => [p.code, p.span[0], p.span[1], p.severity, p.message]);

/** One document longer than MAX_COMPOSED_DOCUMENT (a ConfigMap of many keys), with `bad` on a line near its end. */
function hugeDocument(bad: string): string {
  const keys = Math.ceil(MAX_COMPOSED_DOCUMENT / 20);
  return `${POD}data:\n${Array.from({ length: keys }, (_, i) => `  key-${i}: value ${i}`).join('\n')}\n${bad}  last: 1\n`;
}

describe('hostile input: files above podlab.maxFileSize (syntax check in slices)', function () {
  this.timeout(120_000);

  describe('finds what the full parse finds, at the same ranges, whatever the slice size', () => {
    const cases = { ...MALFORMED, ...DEEP_NESTING, ...binaryTexts(), 'CRLF and an unclosed quote': 'a: "x\r\nb: c\r\n', 'block scalars and escaped quotes': 'a: |\n  x: [\n  y\nb: >-\n   z\n---\nc: "q\\"r" \n' };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => {
        // An alias without its anchor is found when building the object, which files this large do not get.
        const full = rows(parseManifest(text, { maxAnalysisSize: Infinity }).syntaxProblems.filter((p) => p.code !== 'BAD_ALIAS'));
        for (const sliceChars of [1, 5, 64 * 1024]) {
          assert.deepEqual(rows(runToEnd(largeFileSyntaxSlices(text, sliceChars))).slice(0, 50), full.slice(0, 50), `slices of ${sliceChars}`);
        }
      });
    }
  });

  it('reports an unclosed quote in the middle of a 20 MB file at its exact range, with the one notice', () => {
    const text = manyPods(20_000_000).replace('name: web-90000\n', 'name: "web-90000\n');
    const analysed = analyzeText(text);
    assert.deepEqual(analysed.findings.map((f) => [f.code, f.severity]), [['yaml-syntax', 'error'], ['file-too-large', 'information']]);
    const [quote, notice] = analysed.findings;
    assert.equal(text.slice(quote.span[0], quote.span[1]), '"web-90000');
    assert.match(quote.message, /Missing closing "quote/);
    assert.match(notice.message, /larger than podlab\.maxFileSize \(5000000 characters\): only its YAML syntax is checked/);
    assert.equal(analysed.diagnostics[1].range.start.line, 0, 'the notice sits on the first line');
    assert.equal(analysed.file.documents.length, 0, 'no document is kept');
    assertSpansInside(analysed.findings, text);
  });

  it('finds bad indentation and tabs in a file above the setting', () => {
    const text = manyPods(6_000_000).replace('name: web-100\n', 'name: web-100\n\tlabels: {}\n').replace('name: web-200\n', 'name: web-200\n     extra: 1\n');
    const codes = syntaxOf(analyzeText(text)).map((f) => [f.message, text.slice(f.span[0], f.span[1])]);
    assert.ok(codes.some(([message, at]) => /Tabs are not allowed as indentation/.test(message) && at === '\t'), JSON.stringify(codes));
    assert.ok(codes.some(([message]) => /Nested mappings are not allowed|single line|indent/.test(message)), JSON.stringify(codes));
  });

  it(`reports the first ${MAX_LARGE_FILE_PROBLEMS} problems in order, then one that counts the rest`, () => {
    const text = manyPods(6_000_000).replace(/name: web-(\d*)0\n/g, 'name: "web-$10\n');
    const syntax = syntaxOf(analyzeText(text));
    assert.equal(syntax.length, MAX_LARGE_FILE_PROBLEMS + 1);
    const starts = syntax.map((f) => f.span[0]);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const broken = (text.match(/name: "web-/g) ?? []).length;
    assert.match(syntax.at(-1)!.message, new RegExp(`^${broken - MAX_LARGE_FILE_PROBLEMS} more YAML problems from here on are not shown`));
  });

  it('checks one line of 5 MB and gives the exact position of a problem after it', () => {
    const text = `${POD}  description: ${'a'.repeat(5_000_000)}\n  other: [x\n`;
    const analysed = analyzeText(text);
    assert.deepEqual(analysed.findings.map((f) => f.code), ['yaml-syntax', 'file-too-large']);
    assert.deepEqual(analysed.diagnostics[0].range, { start: { line: 9, character: 9 }, end: { line: 9, character: 11 } });
  });

  describe(`a single document longer than ${MAX_COMPOSED_DOCUMENT.toLocaleString('en-US')} characters is checked on its syntax tree`, () => {
    const cases: Array<[string, string, RegExp]> = [
      ['an unclosed quote', '  name: "web\n', /^"web$/],
      ['an unclosed flow sequence', '  list: [a, b\n', /^\[a, b$/],
      ['a stray bracket', ']\n', /^\]$/],
    ];
    for (const [name, bad, expected] of cases) {
      it(name, () => {
        const text = hugeDocument(bad);
        const [first] = runToEnd(largeFileSyntaxSlices(text));
        assert.ok(first, 'a problem is found');
        assert.match(text.slice(first.span[0], first.span[1]), expected);
        assert.equal(first.severity, 'error');
      });
    }

    it('and a valid one gives no problem', () => {
      assert.deepEqual(runToEnd(largeFileSyntaxSlices(hugeDocument(''))), []);
    });
  });

  describe('in the server, the check is deferred and runs in turns', () => {
    it('leaves the check pending when asked to, and skips it for templates', () => {
      const text = manyPods(6_000_000);
      const deferred = parseManifest(text, { maxAnalysisSize: DEFAULT_SETTINGS.maxFileSize, deferLargeFileSyntax: true });
      assert.equal(deferred.syntaxCheckPending, true);
      assert.deepEqual(deferred.syntaxProblems, []);
      const templated = parseManifest(`${text}x: {{ .Values.x }}\n`, { maxAnalysisSize: DEFAULT_SETTINGS.maxFileSize, deferLargeFileSyntax: true });
      assert.ok(!templated.syntaxCheckPending);
      assert.deepEqual(analyzeText(`${text}x: {{ .Values.x }}\n`).findings.map((f) => f.code), ['file-too-large']);
    });

    it('lets the event loop run between turns, and fills the problems at the end', async () => {
      const text = manyPods(6_000_000).replace('name: web-7000\n', 'name: "web-7000\n');
      const file = parseManifest(text, { maxAnalysisSize: DEFAULT_SETTINGS.maxFileSize, deferLargeFileSyntax: true });
      let otherWork = 0;
      const other = () => { otherWork++; if (file.syntaxCheckPending) setImmediate(other); };
      const check = checkInSlices(file, () => true, 1);
      assert.ok(check);
      assert.equal(checkInSlices(file, () => true), undefined, 'a second caller does not start it again');
      setImmediate(other);
      assert.equal(await check, true);
      assert.ok(otherWork > 10, `other work ran ${otherWork} times meanwhile`);
      assert.deepEqual(file.syntaxProblems.map((p) => text.slice(p.span[0], p.span[1])), ['"web-7000']);
      assert.ok(!file.syntaxCheckPending);
    });

    it('stops when the text is no longer current', async () => {
      const file = parseManifest(manyPods(6_000_000).replace('name: web-9000\n', 'name: "web-9000\n'), { maxAnalysisSize: DEFAULT_SETTINGS.maxFileSize, deferLargeFileSyntax: true });
      let turns = 0;
      assert.equal(await checkInSlices(file, () => ++turns < 3, 1), false);
      assert.deepEqual(file.syntaxProblems, []);
      assert.ok(!file.syntaxCheckPending);
    });
  });
});
