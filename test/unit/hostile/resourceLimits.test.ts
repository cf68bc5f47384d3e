import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Alias } from 'yaml';
import { completion } from '../../../server/src/lsp/features/completion';
import { hover } from '../../../server/src/lsp/features/hover';
import { standaloneContext } from '../../../server/src/lsp/context';
import { MAX_NESTING_DEPTH } from '../../../server/src/parse/nestingDepth';
import { MAX_ALIAS_COUNT } from '../../../server/src/parse/parseManifest';
import { locate } from '../../../server/src/parse/locate';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { CORPUS_DIR } from '../../support/corpus';
import { analyzeText, assertSpansInside, syntaxOf } from './support';
import { billionLaughs, DEEP_NESTING, manyPods, POD } from './texts';

/**
 * These tests bound the work, not the clock: how many aliases get expanded, how many diagnostics come back, how
 * deep a walk goes, and that each call returns at all within mocha's timeout.
 */

/** Hovers at every `step`-th offset, and completes at every tenth of those; returns how many hovers answered. */
function hoverEverywhere(text: string, step: number, settings = DEFAULT_SETTINGS, analysed = analyzeText(text, settings)): number {
  const { document, file } = analysed;
  let answered = 0;
  const offsets: number[] = [];
  for (let offset = 0; offset < text.length; offset += step) offsets.push(offset);
  offsets.push(text.length);
  for (const [i, offset] of offsets.entries()) {
    const position = document.positionAt(offset);
    const context = standaloneContext(document, file, { log: (what, error) => assert.fail(`${what} threw: ${String(error)}`) });
    if (hover(context, position)) answered++;
    // Completion parses the document again around the cursor: on these files each call costs a parse.
    if (i % 10 === 0) completion(context, position);
  }
  return answered;
}

/** How many times `run` expands a YAML alias (each expansion of each alias counts once). */
function aliasExpansions(run: () => void): number {
  const original = Object.getOwnPropertyDescriptor(Alias.prototype, 'resolve')!;
  let count = 0;
  Object.defineProperty(Alias.prototype, 'resolve', {
    ...original,
    value(this: Alias, ...args: unknown[]) {
      count++;
      return (original.value as (...a: unknown[]) => unknown).apply(this, args);
    },
  });
  try {
    run();
  } finally {
    Object.defineProperty(Alias.prototype, 'resolve', original);
  }
  return count;
}

describe('hostile input: resource limits', function () {
  this.timeout(60_000);
  // mocha sets an unlimited stack trace; the server runs with Node's default, and the parser's stack-overflow
  // recovery on deep input costs time in proportion to it.
  let stackTraceLimit: number;
  before(() => { stackTraceLimit = Error.stackTraceLimit; Error.stackTraceLimit = 10; });
  after(() => { Error.stackTraceLimit = stackTraceLimit; });

  describe('alias bombs', () => {
    it(`gives one clear diagnostic after at most ${MAX_ALIAS_COUNT} alias expansions, in bounded memory`, () => {
      const text = billionLaughs();
      let analysed!: ReturnType<typeof analyzeText>;
      const heapBefore = process.memoryUsage().heapUsed;
      const expansions = aliasExpansions(() => { analysed = analyzeText(text); });
      const grown = process.memoryUsage().heapUsed - heapBefore;
      assert.ok(expansions > 0, 'the spy sees the expansions');
      assert.ok(expansions <= MAX_ALIAS_COUNT, `${expansions} alias expansions (9^9 = 387,420,489 unbounded)`);
      assert.ok(grown < 50_000_000, `heap grew ${grown} bytes`);
      const syntax = syntaxOf(analysed);
      assert.equal(syntax.length, 1, JSON.stringify(syntax));
      assert.match(syntax[0].message, /expands YAML aliases more than 1000 times \(an "alias bomb"\)/);
      assert.equal(analysed.findings.length, 1, 'no rule runs on it');
      assert.equal(analysed.file.resources[0].object, undefined);
      assertSpansInside(analysed.findings, text);
    });

    it('hover and completion anywhere on the bomb expand no alias at all', () => {
      const text = billionLaughs();
      const expansions = aliasExpansions(() => hoverEverywhere(text, 3));
      assert.ok(expansions <= MAX_ALIAS_COUNT, `${expansions} alias expansions (the analysis alone may spend its budget once)`);
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
    for (const [name, text] of Object.entries(DEEP_NESTING)) {
      it(`${name}: one diagnostic that says so, no crash, hover and completion still safe`, () => {
        const analysed = analyzeText(text);
        const nesting = syntaxOf(analysed).filter((finding) => /levels deep/.test(finding.message));
        assert.equal(nesting.length, 1, JSON.stringify(syntaxOf(analysed).map((f) => f.message)));
        assert.doesNotMatch(JSON.stringify(analysed.findings), /call stack/);
        assertSpansInside(analysed.findings, text);
        assert.deepEqual(analysed.ruleFailures, []);
        hoverEverywhere(text, Math.ceil(text.length / 500));
        for (let offset = 0; offset < text.length; offset += Math.ceil(text.length / 200)) {
          const location = locate(analysed.file, offset);
          assert.ok(!location || location.path.length <= MAX_NESTING_DEPTH, `a walk went ${location?.path.length} levels deep`);
        }
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
    it('checks only the syntax of a 20 MB file (in slices, see largeFile.test.ts) and says so in one information diagnostic', () => {
      const text = manyPods(20_000_000);
      const analysed = analyzeText(text);
      assert.deepEqual(analysed.findings.map((finding) => [finding.code, finding.severity]), [['file-too-large', 'information']]);
      assert.match(analysed.findings[0].message, /only its YAML syntax is checked/);
      assert.equal(analysed.diagnostics[0].range.start.line, 0, 'on the first line');
      assert.equal(analysed.diagnostics[0].range.end.line, 0);
      assert.equal(analysed.file.documents.length, 0, 'no YAML document was built');
      assert.equal(hoverEverywhere(text, 1_000_003, DEFAULT_SETTINGS, analysed), 0);
    });

    it('checks only the syntax of a file just above podlab.maxFileSize, with one notice', () => {
      const text = manyPods(6_000_000).replace('name: web-7\n', 'name: "web-7\n');
      const analysed = analyzeText(text);
      const codes = analysed.findings.map((finding) => finding.code);
      assert.equal(codes.filter((code) => code === 'file-too-large').length, 1);
      const notice = analysed.findings.find((finding) => finding.code === 'file-too-large')!;
      assert.equal(notice.severity, 'information');
      assert.match(notice.message, /larger than podlab\.maxFileSize \(5000000 characters\): only its YAML syntax is checked/);
      assert.deepEqual(codes.filter((code) => code !== 'file-too-large'), ['yaml-syntax'], 'the syntax error is still reported, and nothing else');
      assert.equal(analysed.file.resources.length, 0, 'no resource is built, so no rule, hover or simulation walks it');
      assertSpansInside(analysed.findings, text);
    });

    it('follows podlab.maxFileSize: the same file below the setting gets the whole analysis', () => {
      const text = manyPods(20_000);
      const small = analyzeText(text, { rules: {}, kubernetesVersion: '1.34', maxFileSize: 10_000 });
      assert.deepEqual(small.findings.map((finding) => finding.code), ['file-too-large']);
      const full = analyzeText(text, { rules: {}, kubernetesVersion: '1.34', maxFileSize: 30_000 });
      assert.ok(full.file.resources.length > 100);
      assert.ok(full.findings.some((finding) => finding.code === 'missing-resources'), 'the rules ran');
    });

    it('respects a maxFileSize set above 10 MB: the user asked for the whole analysis', () => {
      const text = `${POD}  x: ${'a'.repeat(10_000_000)}\n`;
      const analysed = analyzeText(text, { rules: {}, kubernetesVersion: '1.34', maxFileSize: 20_000_000 });
      assert.equal(analysed.file.oversized, false);
      assert.equal(analysed.file.resources.length, 1);
    });

    it('handles one line of 5 MB, below and above the size setting, with exact positions after it', () => {
      const line = 'a'.repeat(5_000_000);
      const above = `${POD}  description: ${line}\n`;
      const below = POD.replace('name: web\nspec', `name: web\n  labels:\n    long: x${line}\nspec`).replace('image: nginx:1.27', 'image: nginx:latest');
      const analysedAbove = analyzeText(above);
      assert.deepEqual(analysedAbove.findings.map((finding) => finding.code), ['file-too-large']);
      const roomy = { ...DEFAULT_SETTINGS, maxFileSize: 6_000_000 };
      const analysedBelow = analyzeText(below, roomy);
      assert.equal(analysedBelow.file.oversized, false);
      const tag = analysedBelow.diagnostics.find((diagnostic) => diagnostic.code === 'image-tag');
      assert.ok(tag, JSON.stringify(analysedBelow.findings.map((f) => f.code)));
      assert.deepEqual(tag.range.start, { line: 9, character: '      image: '.length }, 'four lines after the long label');
      assertSpansInside(analysedAbove.findings, above);
      assertSpansInside(analysedBelow.findings, below);
      hoverEverywhere(above, 1_000_000);
      assert.ok(hoverEverywhere(below, 100_000, roomy) > 0, 'hover answers inside the long label');
      assert.deepEqual(analysedBelow.ruleFailures, []);
    });

    it('analyses a realistic 5 MB multi-document CRD file (just under the size setting) completely', () => {
      const crd = readFileSync(path.join(CORPUS_DIR, 'yannh__kubeconform/scripts/fixtures/prometheus-operator-0prometheusCustomResourceDefinition.yaml'), 'utf8');
      const text = Array(14).fill(crd).join('---\n');
      assert.ok(text.length < 5_000_000);
      const analysed = analyzeText(text);
      assert.equal(analysed.file.resources.length, 14);
      assert.deepEqual(syntaxOf(analysed), []);
      assert.deepEqual(analysed.ruleFailures, []);
    });
  });

});
