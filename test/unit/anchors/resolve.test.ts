import * as assert from 'node:assert/strict';
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { locate } from '../../../server/src/parse/locate';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { MAX_COPIED_NODES, resolveAliases } from '../../../server/src/parse/resolveAliases';
import { nodeAtPath } from '../../../server/src/yaml/nodes';
import { textNodeOf, useSiteOf } from '../../../server/src/yaml/resolved';

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${data}`;

/** The resolved tree as plain data (the parser's own toJSON of each node). */
function plain(node: unknown): unknown {
  if (isMap(node)) return Object.fromEntries(node.items.map((pair) => [String((pair.key as { value: unknown }).value), plain(pair.value)]));
  if (isSeq(node)) return node.items.map(plain);
  return (node as { value?: unknown } | null)?.value ?? null;
}

const TABLE: Array<{ name: string; data: string; expected: Record<string, unknown> }> = [
  { name: 'an alias of a scalar', data: '  a: &x one\n  b: *x\n', expected: { a: 'one', b: 'one' } },
  { name: 'local keys win over merged ones, before or after the merge key', data: '  m: &m {a: "1", b: "2", c: "3"}\n', expected: { m: { a: '1', b: '2', c: '3' } } },
  { name: 'the last anchor of a name before the alias', data: '  a: &x first\n  b: *x\n  c: &x second\n  d: *x\n', expected: { a: 'first', b: 'first', c: 'second', d: 'second' } },
];

describe('resolving aliases and merge keys in the parsed model', () => {
  for (const { name, data, expected } of TABLE) {
    it(name, () => {
      const resource = parseManifest(configMap(data)).resources[0];
      assert.deepEqual(plain(nodeAtPath(resource.root, ['data'])), expected);
      assert.deepEqual(resource.object?.data, expected);
    });
  }

  const MERGES: Array<{ name: string; spec: string; expected: Record<string, unknown> }> = [
    { name: 'local keys win wherever the merge key stands', spec: 'x: 9\n  <<: *a\n  y: 8\n', expected: { x: 9, y: 8, z: 3 } },
    { name: 'earlier maps of a merge list win over later ones', spec: '<<: [*b, *a]\n', expected: { x: 1, y: 20, z: 30, w: 40 } },
    { name: 'two merge keys: the first wins', spec: '<<: *a\n  <<: *b\n', expected: { x: 1, y: 2, z: 3, w: 40 } },
    { name: 'a merge of a map written in place', spec: '<<: {x: 5, v: 6}\n  x: 7\n', expected: { x: 7, v: 6 } },
    { name: 'a merge of an anchor that merges itself', spec: '<<: *c\n', expected: { x: 1, y: 2, z: 3, v: 0 } },
  ];
  for (const { name, spec, expected } of MERGES) {
    it(`merge keys: ${name}, as Kubernetes' decoder reads them`, () => {
      const text = `apiVersion: v1\nkind: Anchors\na: &a {x: 1, y: 2, z: 3}\nb: &b {y: 20, z: 30, w: 40}\nc: &c\n  <<: *a\n  v: 0\nspec:\n  ${spec}`;
      const resource = parseManifest(text).resources[0];
      assert.deepEqual(plain(nodeAtPath(resource.root, ['spec'])), expected);
      assert.deepEqual(resource.object?.spec, expected, 'the plain object agrees');
    });
  }

  it('gives each copy the range of its alias, and records the anchored node it stands for', () => {
    const text = configMap('  a: &x {k: v}\n  b: *x\n');
    const file = parseManifest(text);
    const copy = nodeAtPath(file.resources[0].root, ['data', 'b']) as YAMLMap;
    const inner = (copy.items[0].value as Node);
    assert.equal(text.slice(copy.range![0], copy.range![1]), '*x');
    assert.equal(text.slice(inner.range![0], inner.range![1]), '*x');
    assert.equal(textNodeOf(inner), nodeAtPath(file.documents[0].doc.contents, ['data', 'a', 'k']));
    assert.deepEqual(useSiteOf(inner)?.anchor, 'x');
    assert.deepEqual(file.aliasUses?.map((use) => [text.slice(...use.span), text.slice(...use.anchorSpan), use.collection]), [['*x', '{k: v}', true]]);
  });

  it('keeps nodes with no alias or merge key in them as they are (no copy of the tree)', () => {
    const file = parseManifest(configMap('  a: &x one\n  b: *x\n  c: three\n'));
    const written = file.documents[0].doc.contents as YAMLMap;
    assert.notEqual(file.resources[0].root, written);
    assert.equal(nodeAtPath(file.resources[0].root, ['metadata']), nodeAtPath(written, ['metadata']));
    assert.equal(nodeAtPath(file.resources[0].root, ['data', 'c']), nodeAtPath(written, ['data', 'c']));
    const none = parseManifest(configMap('  a: one\n'));
    assert.equal(none.resources[0].root, none.documents[0].doc.contents);
  });

  it('locates the cursor on an alias at the alias, not inside what it stands for', () => {
    const text = configMap('  a: &x {k: v}\n  b: *x\n');
    const location = locate(parseManifest(text), text.indexOf('*x') + 1)!;
    assert.deepEqual(location.path, ['data', 'b']);
    assert.equal(location.onKey, false);
  });

  it('a merge key whose value is not a map is a YAML problem, as Kubernetes rejects it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {<<: [one], name: x}\n';
    const file = parseManifest(text);
    assert.deepEqual(file.syntaxProblems.map((problem) => [problem.code, text.slice(...problem.span)]), [['BAD_MERGE', '<<']]);
  });

  it('stops copying past MAX_COPIED_NODES (an alias bomb stays bounded)', () => {
    const levels = ['  a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) levels.push(`  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const file = parseManifest(configMap(`${levels.join('\n')}\n`));
    const started = Date.now();
    assert.equal(resolveAliases(file.documents[0].doc), undefined, `more than ${MAX_COPIED_NODES} nodes`);
    assert.ok(Date.now() - started < 2000);
    assert.equal(file.resources[0].root, file.documents[0].doc.contents, 'the resource keeps its tree as written');
  });
});
