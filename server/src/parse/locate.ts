import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyName, type PathSegment } from '../yaml/nodes';
import { useSiteOf, type UseSite } from '../yaml/resolved';
import type { ManifestFile, Resource } from './model';

/** Where an offset falls inside a resource: the path of keys/indexes to the innermost node, and whether it is on a key. */
export interface Location {
  resource: Resource;
  path: PathSegment[];
  /** The pair whose key or value holds the offset (absent at the top of a sequence item). */
  pair?: Pair<Node, Node | null>;
  parent?: YAMLMap | YAMLSeq;
  node?: Node;
  onKey: boolean;
  /** The offset is on the alias of a merge key (`<<: *base`) in the map `node`: its anchor and the pairs it brings. */
  merge?: { site: UseSite; pairs: Pair<Node, Node | null>[] };
}

export function resourceAt(file: ManifestFile, offset: number): Resource | undefined {
  return file.resources.find((resource) => offset >= resource.document.span[0] && offset <= resource.document.span[1]);
}

export function locate(file: ManifestFile, offset: number): Location | undefined {
  const resource = resourceAt(file, offset);
  if (!resource) return undefined;
  const location: Location = { resource, path: [], onKey: false, node: resource.root };
  descend(resource.root, offset, location);
  return location;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

/** An alias's copy is one node at the alias token: what it holds is written at the anchor, not under the cursor. */
function descend(node: Node, offset: number, location: Location): void {
  if (useSiteOf(node)) return;
  if (isMap(node)) {
    const merge = mergeAt(node, offset);
    if (merge) {
      location.merge = merge;
      return;
    }
    for (const item of node.items) {
      const pair = item as Pair<Node, Node | null>;
      const key = keyName(pair);
      if (key === undefined || useSiteOf(pair.key)) continue;
      if (contains(pair.key, offset)) {
        Object.assign(location, { pair, parent: node, node: pair.key, onKey: true });
        location.path.push(key);
        return;
      }
      if (pair.value && contains(pair.value, offset)) {
        Object.assign(location, { pair, parent: node, node: pair.value, onKey: false });
        location.path.push(key);
        descend(pair.value, offset, location);
        return;
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (contains(item, offset)) {
        Object.assign(location, { pair: undefined, parent: node, node: item as Node, onKey: false });
        location.path.push(index);
        descend(item as Node, offset, location);
      }
    });
  }
}

/** A merge key's pairs are copies standing at its alias token: the ones copied for the alias under `offset`. */
function mergeAt(map: YAMLMap, offset: number): Location['merge'] {
  const pairs = (map.items as Pair<Node, Node | null>[]).filter((pair) => {
    const site = useSiteOf(pair);
    return site !== undefined && offset >= site.span[0] && offset <= site.span[1];
  });
  return pairs.length > 0 ? { site: useSiteOf(pairs[0])!, pairs } : undefined;
}
