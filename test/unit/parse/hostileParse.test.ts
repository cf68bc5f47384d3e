import * as assert from 'node:assert/strict';
import { MAX_NESTING_DEPTH } from '../../../server/src/parse/nestingDepth';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEEP_NESTING, POD } from '../hostile/texts';

/** Calls `run` from `frames` stack frames deeper than the caller. */
function atStackDepth<T>(frames: number, run: () => T): T {
  return frames === 0 ? run() : atStackDepth(frames - 1, run);
}

describe('parseManifest on hostile text', () => {
  it('gives the same result for deeply nested text whatever the depth of the calling stack', () => {
    for (const [name, text] of Object.entries(DEEP_NESTING)) {
      const shallow = parseManifest(text).syntaxProblems;
      const deep = atStackDepth(3000, () => parseManifest(text)).syntaxProblems;
      assert.deepEqual(deep, shallow, name);
      assert.equal(shallow.filter((problem) => problem.code === 'NESTING_LIMIT').length, 1, name);
      assert.ok(!shallow.some((problem) => problem.code === 'RESOURCE_EXHAUSTION'), name);
    }
  });

  it('leaves only the too-deep document empty and reads the others of the file', () => {
    const text = `${POD}---\n${DEEP_NESTING['block sequences, 10,000 levels']}---\n${POD.replace('name: web\nspec', 'name: after\nspec')}`;
    const file = parseManifest(text);
    assert.deepEqual(file.documents.map((document) => !!document.tooDeep), [false, true, false]);
    assert.deepEqual(file.resources.map((resource) => resource.name), ['web', 'after']);
    const [problem] = file.syntaxProblems;
    assert.equal(problem.code, 'NESTING_LIMIT');
    assert.ok(problem.span[0] > file.documents[1].span[0] && problem.span[1] <= file.documents[1].span[1], 'inside the deep document');
    assert.equal(file.documents[1].span[1], file.documents[2].span[0], 'the deep document spans up to the next one');
    // The document is parsed on its own (up to the next `---`), so the parser closes its 10,000 sequences at the end
    // of its text without running out of stack, and the problem sits where the nesting crosses the limit.
    const levelsBefore = text.slice(text.indexOf('  x:\n'), problem.span[0]).split('- ').length - 1;
    assert.equal(2 + levelsBefore + 1, MAX_NESTING_DEPTH + 1, 'the first collection one level past the limit');
  });

  it('puts the problem on the first line of a document whose parser gave up (a dedent closes 10,000 sequences at once)', () => {
    const text = `${DEEP_NESTING['block sequences, 10,000 levels'].trimEnd()}\nafter: 1\n---\n${POD}`;
    const [problem] = parseManifest(text).syntaxProblems;
    assert.equal(problem.code, 'NESTING_LIMIT');
    assert.equal(text.slice(problem.span[0], problem.span[1]), 'apiVersion: v1');
  });

  it('points the problem at the collection that crosses the limit when the parser got through the document', () => {
    const text = DEEP_NESTING['flow sequences, 10,000 levels'];
    const [problem] = parseManifest(text).syntaxProblems;
    assert.equal(problem.code, 'NESTING_LIMIT');
    const levelsBefore = text.slice(0, problem.span[0]).split('[').length - 1;
    // The Pod map and its spec map are two levels; the sequence at the problem is the next one after those before it.
    assert.equal(2 + levelsBefore + 1, MAX_NESTING_DEPTH + 1, 'the first collection one level past the limit');
  });

  it('gets past a deep block sequence that closes all at once (the parser itself would run out of stack)', () => {
    const deep = DEEP_NESTING['block sequences, 10,000 levels'];
    for (const text of [`${POD}---\n${deep}---\n${POD}`, `${deep}---\n${POD}`, `${deep.trimEnd()}\nafter: 1\n---\n${POD}`]) {
      const file = parseManifest(text);
      assert.equal(file.syntaxProblems.filter((problem) => problem.code === 'NESTING_LIMIT').length, 1);
      assert.equal(file.documents.filter((document) => document.tooDeep).length, 1);
      assert.equal(file.resources.at(-1)?.name, 'web', 'the document after it is read');
      assert.equal(file.text, text);
    }
  });

  it('reads a lone \\r as a line break, keeping every offset', () => {
    const lf = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
    const file = parseManifest(lf.replace(/\n/g, '\r'));
    assert.equal(file.text, lf, 'the model sees \\n at the same offsets');
    assert.equal(file.resources[0]?.name, 'web');
    assert.deepEqual(file.syntaxProblems, []);
    const crlf = parseManifest(lf.replace(/\n/g, '\r\n'));
    assert.equal(crlf.text, lf.replace(/\n/g, '\r\n'), 'CRLF stays as it is');
  });
});
