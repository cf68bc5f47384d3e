import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { composeDocuments, type ComposedDocument } from '../../../server/src/parse/composeDocuments';
import { chunkStarts, composeChunks, type ParsedChunk } from '../../../server/src/parse/documentChunks';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { MAX_NESTING_DEPTH } from '../../../server/src/parse/nestingDepth';
import { corpusTexts, hostileText, mutatedCorpusManifest, tokenSoup } from '../fuzz/inputs';
import { checkReparse, editChain } from '../fuzz/reparse';
import { DEEP_NESTING, MALFORMED, binaryTexts } from '../hostile/texts';
import { documentSnapshot as snapshot } from './documentSnapshot';

const OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' } as const;

const documentsOf = (chunks: readonly ParsedChunk[]): ComposedDocument[] => chunks.flatMap((chunk) => chunk.documents);

/** Chunk by chunk, `text` parses as the whole stream does; `onlyIfValid`: when the whole stream has no YAML error. */
function assertSameAsWholeStream(text: string, { onlyIfValid = false } = {}): void {
  const whole = composeDocuments(text, MAX_NESTING_DEPTH, OPTIONS);
  if (onlyIfValid && whole.some(({ doc }) => doc.errors.length > 0)) return;
  const chunked = documentsOf(composeChunks(text, MAX_NESTING_DEPTH, OPTIONS));
  const plain = (documents: ComposedDocument[]) => documents.map((document) => snapshot(document, { edgeComments: false }));
  assert.deepEqual(plain(chunked), plain(whole), `chunked parse differs from the whole-stream parse of ${JSON.stringify(text.slice(0, 300))}`);
}

/** Parses `before`, then `after` from that parse, and checks the result against a fresh parse of `after`. */
function assertReparseMatchesFresh(before: string, after: string): void {
  const previous = composeChunks(before, MAX_NESTING_DEPTH, OPTIONS);
  const reparsed = composeChunks(after, MAX_NESTING_DEPTH, OPTIONS, { text: before, chunks: previous });
  const fresh = composeChunks(after, MAX_NESTING_DEPTH, OPTIONS);
  assert.deepEqual(reparsed.map((chunk) => [chunk.start, chunk.end]), fresh.map((chunk) => [chunk.start, chunk.end]));
  assert.deepEqual(documentsOf(reparsed).map((document) => snapshot(document)), documentsOf(fresh).map((document) => snapshot(document)), `re-parse differs after ${JSON.stringify(before.slice(0, 200))} -> ${JSON.stringify(after.slice(0, 200))}`);
}

const THREE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';

describe('documentChunks', () => {
  describe('chunkStarts', () => {
    it('starts a chunk at each `---` line', () => {
      const second = THREE.indexOf('---');
      assert.deepEqual(chunkStarts(THREE), [0, second, THREE.indexOf('---', second + 1)]);
      const marked = `---\n${THREE}`;
      assert.deepEqual(chunkStarts(marked), [0, marked.indexOf('---', 1), marked.lastIndexOf('---')]);
    });

    it('keeps comments before the first `---` with the first document', () => {
      const text = '# header\n\n  # indented\r\n---\na: 1\n---\nb: 2\n';
      assert.deepEqual(chunkStarts(text), [0, text.lastIndexOf('---')]);
    });

    it('counts only `---` at the start of a line and followed by a space, a tab or a line break', () => {
      const text = '---\na: 1\n---x\nb: ---\n  ---\n---\t# next\nc: 3\n---\r\nd: 4\n---';
      assert.deepEqual(chunkStarts(text), [0, text.indexOf('---\t'), text.indexOf('---\r\n'), text.length - 3]);
    });

    it('leaves a text with directives or `...` lines in one chunk', () => {
      assert.deepEqual(chunkStarts('%YAML 1.2\n---\na: 1\n---\nb: 2\n'), [0]);
      assert.deepEqual(chunkStarts('a: 1\n...\n---\nb: 2\n---\nc: 3\n'), [0]);
    });

    it('does not split at a `---` after a line separator the YAML lexer does not break lines at', () => {
      assert.deepEqual(chunkStarts('---\na: "x\u2028---\ny: 1\n---\nb: 2\n'), [0, '---\na: "x\u2028---\ny: 1\n'.length]);
      assert.deepEqual(chunkStarts('\uFEFF---\na: 1\n---\nb: 2\n'), [0, '\uFEFF---\na: 1\n'.length]);
    });
  });

  describe('parsing chunk by chunk gives what parsing the whole stream gives', () => {
    it('on every corpus manifest', () => {
      for (const text of corpusTexts()) assertSameAsWholeStream(text);
    });

    it('on malformed, binary and deeply nested texts', () => {
      for (const text of [...Object.values(MALFORMED), ...Object.values(binaryTexts()), ...Object.values(DEEP_NESTING)]) assertSameAsWholeStream(text);
    });

    it('on unclosed flows and block scalars that run into the next `---`', () => {
      for (const broken of ['a: [1, 2', 'a: {b: 1', 'a: |\n  text\n---x', '- [\n  1', 'a:\n  - "x\n  y"', '? [a\n: b', 'a: &x\n  b: *y', '|\nliteral at column 0']) {
        assertSameAsWholeStream(`${broken}\n---\nb: 1\n---\n${broken}\n---\nc: 2\n`);
      }
    });

    it('on mutated manifests and token soup that are valid YAML', () => {
      fc.assert(fc.property(fc.oneof(mutatedCorpusManifest, tokenSoup, hostileText), (text) => assertSameAsWholeStream(text, { onlyIfValid: true })), { numRuns: 400, seed: 20261129 });
    });

    it('except that a quote left open ends at the next `---` line, as kubectl splits documents, instead of swallowing the rest of the file', () => {
      const text = 'a: "open\n---\nb: 1\n---\nc: 2\n';
      assert.deepEqual(chunkStarts(text).length, 3);
      assert.equal(composeDocuments(text, MAX_NESTING_DEPTH, OPTIONS).length, 1);
      const chunked = documentsOf(composeChunks(text, MAX_NESTING_DEPTH, OPTIONS));
      assert.deepEqual(chunked.map(({ doc }) => doc.toJS()), [{ a: 'open' }, { b: 1 }, { c: 2 }]);
      assert.deepEqual(chunked.map(({ doc }) => doc.errors.map((error) => error.code)), [['MISSING_CHAR'], [], []]);
    });
  });

  describe('re-parsing from the previous version', () => {
    it('reuses the documents before and after a one-character edit, moved to their new offsets', () => {
      const before = parseManifest(THREE);
      const [first, , third] = before.documents.map((document) => document.doc);
      const after = parseManifest(THREE.replace('name: b', 'name: bb'), { previous: before });
      assert.equal(after.documents[0].doc, first);
      assert.equal(after.documents[2].doc, third);
      assert.deepEqual(after.resources.map((resource) => resource.name), ['a', 'bb', 'c']);
      const fresh = parseManifest(THREE.replace('name: b', 'name: bb'));
      assert.deepEqual(after.documents.map((document) => document.doc.range), fresh.documents.map((document) => document.doc.range));
      assert.deepEqual(after.resources.map((resource) => resource.span), fresh.resources.map((resource) => resource.span));
      const cName = (file: typeof after) => (file.resources[2].root.getIn(['metadata', 'name'], true) as { range: number[] }).range;
      assert.deepEqual(cName(after), cName(fresh));
    });

    it('parses again the chunks an edit touches when it adds or removes a `---` line', () => {
      assertReparseMatchesFresh(THREE, THREE.replace('  name: b\n', '  name: b\n---\nx: 1\n'));
      assertReparseMatchesFresh(THREE, THREE.replace('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c'));
      assertReparseMatchesFresh(THREE, THREE.replace('\n---\napiVersion', '\n--\napiVersion'));
      assertReparseMatchesFresh(THREE, `%YAML 1.2\n---\n${THREE}`);
      assertReparseMatchesFresh(`%YAML 1.2\n---\n${THREE}`, THREE);
    });

    it('finds the common start and end of two long texts whatever block boundary the edit falls on', () => {
      const long = Array.from({ length: 40 }, (_, i) => THREE.replaceAll('name: ', `name: n${i}-`)).join('---\n');
      for (const at of [0, 1, 1023, 1024, 1025, 2047, 2048, long.length - 1025, long.length - 1024, long.length - 1]) {
        assertReparseMatchesFresh(long, `${long.slice(0, at)}#${long.slice(at + 1)}`);
        assertReparseMatchesFresh(long, `${long.slice(0, at)}x${long.slice(at)}`);
        assertReparseMatchesFresh(long, `${long.slice(0, at)}${long.slice(at + 1)}`);
      }
    });

    it('keeps the alias resolution of a document the edit left in place, and resolves a moved one again at its new offsets', () => {
      const anchored = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: &l {app: ${name}}\n  annotations: *l\ndata:\n  <<: *l\n`;
      const text = [anchored('a'), anchored('b'), anchored('c')].join('---\n');
      const before = parseManifest(text);
      const sameLength = text.replace('name: b', 'name: x');
      const kept = parseManifest(sameLength, { previous: before });
      assert.equal(kept.resources[2].root, before.resources[2].root);
      assert.notEqual(kept.resources[1].root, before.resources[1].root);
      const keptRoot = kept.resources[2].root;
      assert.deepEqual(kept.aliasUses, parseManifest(sameLength).aliasUses);
      const longer = sameLength.replace('name: x', 'name: xyz');
      const moved = parseManifest(longer, { previous: kept });
      const fresh = parseManifest(longer);
      assert.equal(moved.documents[2].doc, kept.documents[2].doc);
      assert.notEqual(moved.resources[2].root, keptRoot);
      assert.deepEqual(moved.aliasUses, fresh.aliasUses);
      const annotations = (file: typeof fresh) => (file.resources[2].root.getIn(['metadata', 'annotations'], true) as { range: number[] }).range;
      assert.deepEqual(annotations(moved), annotations(fresh));
    });

    it('gives what a fresh parse gives after any edit, over a chain of edits, down to every finding', () => {
      fc.assert(fc.property(editChain(fc.oneof(mutatedCorpusManifest, fc.constant(THREE))), checkReparse), { numRuns: 300, seed: 1129 });
    });
  });
});
