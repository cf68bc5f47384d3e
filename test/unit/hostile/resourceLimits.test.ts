import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hover } from '../../../server/src/features/hover';
import { MAX_NESTING_DEPTH } from '../../../server/src/parse/nestingDepth';
import { MAX_PARSE_SIZE } from '../../../server/src/parse/parseManifest';
import { locate } from '../../../server/src/parse/yamlNodes';
import { CORPUS_DIR } from '../../support/corpus';
import { analyzeText, assertSpansInside, syntaxOf, timed } from './support';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const previous = names[i - 1];
    lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

/** Hovers at every `step`-th offset; returns how many answered. */
function hoverEverywhere(text: string, step: number): number {
  const { document, file } = analyzeText(text);
  let answered = 0;
  for (let offset = 0; offset <= text.length; offset += step) {
    const result = hover(document, file, document.positionAt(offset), (provider, error) => assert.fail(`hover ${provider.id} threw: ${String(error)}`));
    if (result) answered++;
  }
  return answered;
}

describe('hostile input: resource limits', function () {
  this.timeout(30_000);
  // mocha sets an unlimited stack trace; the server runs with Node's default, and the parser's stack-overflow
  // recovery on deep input costs time in proportion to it.
  let stackTraceLimit: number;
  before(() => { stackTraceLimit = Error.stackTraceLimit; Error.stackTraceLimit = 10; });
  after(() => { Error.stackTraceLimit = stackTraceLimit; });

  describe('alias bombs', () => {
    it('gives one clear diagnostic in bounded time and memory, without expanding the aliases', () => {
      const text = billionLaughs();
      const before = process.memoryUsage().heapUsed;
      const { value: analysed, ms } = timed(() => analyzeText(text));
      const grown = process.memoryUsage().heapUsed - before;
      assert.ok(ms < 1000, `took ${ms} ms`);
      assert.ok(grown < 50_000_000, `heap grew ${grown} bytes`);
      const syntax = syntaxOf(analysed);
      assert.equal(syntax.length, 1, JSON.stringify(syntax));
      assert.match(syntax[0].message, /alias bomb/);
      assert.equal(analysed.findings.length, 1, 'no rule runs on it');
      assert.equal(analysed.file.resources[0].object, undefined);
    });

    it('keeps hover working on the bomb, with no provider expanding it', () => {
      const { ms } = timed(() => hoverEverywhere(billionLaughs(), 3));
      assert.ok(ms < 2000, `took ${ms} ms`);
    });

    it('says an alias without its anchor is not a bomb, and points at the alias', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *missing\n';
      const [problem] = syntaxOf(analyzeText(text));
      assert.equal(text.slice(problem.span[0], problem.span[1]), '*missing');
      assert.doesNotMatch(problem.message, /bomb/);
    });

    it('still analyses a document with a few ordinary aliases', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: &labels {app: web}\n  annotations: *labels\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
      const analysed = analyzeText(text);
      assert.deepEqual(syntaxOf(analysed), []);
      assert.deepEqual((analysed.file.resources[0].object?.metadata as Record<string, unknown>).annotations, { app: 'web' });
    });
  });

  describe(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, () => {
    const cases: Record<string, string> = {
      'flow sequences, 10,000 levels': `${POD}  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'flow maps, 10,000 levels': `${POD}  x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      'unclosed flow sequences, 10,000 levels': `${POD}  x: ${'['.repeat(10_000)}\n`,
      'block sequences, 10,000 levels': `${POD}  x:\n    ${'- '.repeat(10_000)}a\n`,
      'block maps, 1,500 levels': POD + Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: one diagnostic that says so, no crash, hover still safe`, () => {
        const { value: analysed, ms } = timed(() => analyzeText(text));
        assert.ok(ms < 2000, `took ${ms} ms`);
        const nesting = syntaxOf(analysed).filter((finding) => /levels deep/.test(finding.message));
        assert.equal(nesting.length, 1, JSON.stringify(syntaxOf(analysed).map((f) => f.message)));
        assert.doesNotMatch(JSON.stringify(analysed.findings), /call stack/);
        assertSpansInside(analysed.findings, text);
        assert.deepEqual(analysed.ruleFailures, []);
        hoverEverywhere(text, Math.ceil(text.length / 500));
      });
    }

    it(`analyses a document nested ${MAX_NESTING_DEPTH - 10} levels deep as usual`, () => {
      const depth = MAX_NESTING_DEPTH - 10;
      const text = `${POD}  x: ${'['.repeat(depth - 3)}${']'.repeat(depth - 3)}\n`;
      const analysed = analyzeText(text);
      assert.deepEqual(syntaxOf(analysed), []);
      const deepOffset = text.indexOf(']') - 1;
      assert.ok(locate(analysed.file, deepOffset)!.path.length >= depth - 3);
    });
  });

  describe('very large files', () => {
    const pods = (size: number) => {
      const parts: string[] = [];
      let length = 0;
      for (let i = 0; length < size; i++) {
        const part = `---\n${POD.replace('name: web\nspec', `name: web-${i}\nspec`)}`;
        parts.push(part);
        length += part.length;
      }
      return parts.join('');
    };

    it('does not parse a 20 MB file at all, says so once, and takes no time', () => {
      const text = pods(20_000_000);
      const { value: analysed, ms } = timed(() => analyzeText(text));
      assert.ok(ms < 1000, `took ${ms} ms`);
      assert.equal(analysed.findings.length, 1);
      assert.equal(analysed.findings[0].code, 'file-too-large');
      assert.equal(analysed.findings[0].severity, 'information');
      assert.match(analysed.findings[0].message, /does not parse it at all/);
      assert.ok(analysed.file.unparsed);
      assert.equal(analysed.file.documents.length, 0);
      assert.equal(hoverEverywhere(text, 1_000_003), 0);
    });

    it('checks only the syntax of a file between podlab.maxFileSize and the parse limit, with one notice', () => {
      const text = pods(6_000_000).replace('name: web-7\n', 'name: "web-7\n');
      assert.ok(text.length < MAX_PARSE_SIZE);
      const analysed = analyzeText(text);
      const codes = analysed.findings.map((finding) => finding.code);
      assert.equal(codes.filter((code) => code === 'file-too-large').length, 1);
      assert.ok(codes.includes('yaml-syntax'), 'the syntax error is still reported');
      assert.ok(codes.every((code) => code === 'file-too-large' || code === 'yaml-syntax'), codes.join());
      assertSpansInside(analysed.findings, text);
    });

    it('respects a maxFileSize set above the parse limit: the user asked for the analysis', () => {
      const text = `${POD}  x: ${'a'.repeat(MAX_PARSE_SIZE)}\n`;
      const analysed = analyzeText(text, { rules: {}, kubernetesVersion: '1.34', maxFileSize: MAX_PARSE_SIZE * 2 });
      assert.equal(analysed.file.unparsed, false);
      assert.equal(analysed.file.resources.length, 1);
    });

    it('handles one line of 5 MB, below and above the size setting', () => {
      const line = 'a'.repeat(5_000_000);
      for (const text of [`${POD}  description: ${line}\n`, POD.replace('name: web\nspec', `name: web\n  labels:\n    long: x${line}\nspec`)]) {
        const { value: analysed, ms } = timed(() => analyzeText(text));
        assert.ok(ms < 3000, `took ${ms} ms`);
        assertSpansInside(analysed.findings, text);
        assert.deepEqual(analysed.ruleFailures, []);
        hoverEverywhere(text, 1_000_000);
      }
    });

    it('parses a realistic 5 MB (just under the size setting) multi-document CRD file in a few seconds at most', () => {
      const crd = readFileSync(path.join(CORPUS_DIR, 'yannh__kubeconform/scripts/fixtures/prometheus-operator-0prometheusCustomResourceDefinition.yaml'), 'utf8');
      const text = Array(14).fill(crd).join('---\n');
      const { value: analysed, ms } = timed(() => analyzeText(text));
      assert.equal(analysed.file.resources.length, 14);
      assert.ok(ms < 8000, `took ${ms} ms`);
    });
  });
});
