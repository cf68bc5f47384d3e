import * as assert from 'node:assert/strict';
import { MAX_SYNTAX_PROBLEMS } from '../../../server/src/parse/parseManifest';
import { analyzeText, assertSpansInside, spanOfText, syntaxOf } from './support';

/** The one yaml-syntax finding of `text`, with the text it covers. */
function onlySyntaxProblem(text: string) {
  const analysed = analyzeText(text);
  const syntax = syntaxOf(analysed);
  assert.equal(syntax.length, 1, JSON.stringify(syntax));
  assertSpansInside(analysed.findings, text);
  assert.deepEqual(analysed.ruleFailures, []);
  return syntax[0];
}

describe('hostile input: malformed YAML', () => {
  it('points an unclosed double quote at its opening quote, not at the end of the file', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n';
    const problem = onlySyntaxProblem(text);
    assert.deepEqual(problem.span, spanOfText(text, '"web'));
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /Missing closing "quote/);
  });

  it('points an unclosed single quote at its opening quote', () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n";
    assert.deepEqual(onlySyntaxProblem(text).span, spanOfText(text, "'web"));
  });

  it('points an unclosed flow sequence and flow map at their opening brackets', () => {
    const seq = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [a, b\n';
    assert.deepEqual(onlySyntaxProblem(seq).span, spanOfText(seq, '[a, b'));
    const map = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web\n';
    assert.deepEqual(onlySyntaxProblem(map).span, spanOfText(map, '{name: web'));
  });

  it('reports bad indentation where the misaligned key starts', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\n  labels: {}\n';
    const problem = onlySyntaxProblem(text);
    assert.match(problem.message, /same column/);
    assert.equal(text.indexOf('\n', problem.span[0]), text.indexOf('  labels') + '  labels: {}'.length, 'on the labels line');
  });

  it('reports a tab used as indentation on the tab itself', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n';
    const problem = onlySyntaxProblem(text);
    assert.deepEqual(problem.span, spanOfText(text, '\t'));
    assert.match(problem.message, /Tabs/);
  });

  it('warns about a duplicate key over the whole second key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n';
    const problem = onlySyntaxProblem(text);
    assert.deepEqual(problem.span, spanOfText(text, 'name', 1));
    assert.equal(problem.severity, 'warning');
  });

  it('finds nothing in a document that is only a comment, even one that mentions apiVersion', () => {
    for (const text of ['# only a comment\n', '# apiVersion: v1\n# kind: Pod\n', '#', '   \n\n  # indented\n']) {
      const analysed = analyzeText(text);
      assert.deepEqual(analysed.findings, [], JSON.stringify(text));
      assert.equal(analysed.file.resources.length, 0);
    }
  });

  it('skips empty documents between --- and counts resources across them', () => {
    const text = '---\n---\n# nothing here\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\n';
    const analysed = analyzeText(text);
    assert.deepEqual(analysed.findings, []);
    assert.deepEqual(analysed.file.resources.map((r) => [r.index, r.name]), [[0, 'a'], [1, 'b']]);
  });

  it(`keeps the first ${MAX_SYNTAX_PROBLEMS} syntax problems and sums up the rest in one`, () => {
    const text = 'apiVersion: v1\nkind: Pod\n' + ']\n'.repeat(300);
    const analysed = analyzeText(text);
    const syntax = syntaxOf(analysed);
    assert.equal(syntax.length, MAX_SYNTAX_PROBLEMS + 1);
    const summary = syntax[MAX_SYNTAX_PROBLEMS];
    assert.match(summary.message, /^250 more YAML problems from here on are not shown/);
    const shown = syntax.slice(0, MAX_SYNTAX_PROBLEMS);
    assert.ok(shown.every((problem, i) => i === 0 || problem.span[0] >= shown[i - 1].span[0]), 'in document order');
    assert.ok(summary.span[0] > shown[shown.length - 1].span[0], 'the summary sits where the hidden problems start');
    assertSpansInside(analysed.findings, text);
  });

  it('caps a file that is nothing but an unclosed flow of thousands of brackets', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec: ' + '[{'.repeat(5000) + '\n';
    const analysed = analyzeText(text);
    assert.ok(syntaxOf(analysed).length <= MAX_SYNTAX_PROBLEMS + 2, `${syntaxOf(analysed).length} problems`);
    assertSpansInside(analysed.findings, text);
  });
});
