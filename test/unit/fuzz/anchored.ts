/** Manifests with anchors, aliases and merge keys added at random places, and what must hold for them. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isAlias, isMap, Pair, Scalar, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { analyzeText } from '../hostile/support';
import { applyEdits } from '../rules/ruleTester';
import { manifestObject } from './inputs';
import { checkEverything, type Probe } from './properties';

type Link = { from: number; to: number; also: number; how: 'alias' | 'merge' | 'merge-list' };

const link: fc.Arbitrary<Link> = fc.record({ from: fc.nat(), to: fc.nat(), also: fc.nat(), how: fc.constantFrom('alias' as const, 'merge' as const, 'merge-list' as const) });

export const anchoredManifest: fc.Arbitrary<string> = fc
  .tuple(manifestObject, fc.array(link, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([object, links, flow]) => {
    const doc = new Document(object, { merge: true });
    links.forEach((one, index) => addLink(doc, one, `a${index}`));
    try {
      return doc.toString({ collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
    } catch {
      return String(new Document(object));
    }
  });

/** Nodes below the root in document order, each with the nodes it is inside of. */
type Anchorable = Scalar | YAMLMap | YAMLSeq;

function nodesOf(doc: Document): Array<{ node: Anchorable; inside: Set<unknown> }> {
  const found: Array<{ node: Anchorable; inside: Set<unknown> }> = [];
  visit(doc, {
    Node(key, node, path) {
      if (key !== 'key' && path.length > 1 && !isAlias(node)) found.push({ node: node as Anchorable, inside: new Set(path) });
    },
  });
  return found;
}

/** Anchors a node and, after it (not inside it), makes another node an alias of it or merges it into a later map. */
function addLink(doc: Document, { from, to, also, how }: Link, name: string): void {
  const all = nodesOf(doc);
  const nodes = how === 'alias' ? all : all.filter((candidate) => isMap(candidate.node));
  if (nodes.length < 2) return;
  const source = nodes[from % nodes.length];
  const later = all.filter((candidate, index) => index > all.indexOf(source) && !candidate.inside.has(source.node) && (how === 'alias' || isMap(candidate.node)));
  if (later.length === 0) return;
  const target = later[to % later.length].node;
  if (how === 'alias') {
    const alias = doc.createAlias(source.node, name);
    visit(doc, { Node: (_, node: Node) => (node === target ? alias : undefined) });
    return;
  }
  const earlier = nodes.filter((candidate) => all.indexOf(candidate) <= all.indexOf(source) && !later.some((after) => after.node === target && candidate.inside.has(target)));
  const sources = how === 'merge-list' ? [source.node, earlier[also % earlier.length].node] : [source.node];
  const aliases = [...new Set(sources)].map((node, index) => doc.createAlias(node, `${name}${index}`));
  (target as YAMLMap).items.unshift(new Pair(new Scalar('<<'), aliases.length === 1 ? aliases[0] : doc.createNode(aliases)));
}

/**
 * The whole pipeline runs on it (checkEverything); the resolved tree every check reads is the object Kubernetes'
 * decoder reads (the parser's toJS, with merge keys); a fix the editor is offered leaves every alias with its anchor.
 */
export function checkAnchored(text: string, probe: Probe): void {
  checkEverything(text, probe);
  const file = parseManifest(text);
  for (const resource of file.resources) {
    if (resource.object && !file.syntaxProblems.some((problem) => problem.severity === 'error')) {
      assert.deepEqual(resource.root.toJSON(), resource.object, 'the resolved tree is not what the decoder reads');
    }
  }
  if (file.syntaxProblems.some((problem) => problem.severity === 'error')) return;
  for (const fix of analyzeText(text).findings.flatMap((finding) => finding.fixes ?? [])) {
    const fixed = parseManifest(applyEdits(text, fix.edits));
    assert.deepEqual(fixed.syntaxProblems.filter((problem) => problem.severity === 'error').map((problem) => problem.message), [], `fix "${fix.title}" broke:\n${fixed.text}`);
  }
}
