import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestFile, Resource, Span } from './model';

export type PathSegment = string | number;

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** Tolerates a `map` that is not one (callers often cast a node found by path): the answer is then undefined. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    // The cheap value test first: this runs for every key of every map a check looks into.
    if ((item.key as Scalar | null)?.value === key && isScalar(item.key)) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

export function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = map ? pairOf(map, key)?.value : undefined;
  return isMap(value) ? value : undefined;
}

export function seqAt(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const value = map ? pairOf(map, key)?.value : undefined;
  return isSeq(value) ? value : undefined;
}

export function scalarAt(map: YAMLMap | undefined, key: string): unknown {
  const value = map ? pairOf(map, key)?.value : undefined;
  return isScalar(value) ? value.value : undefined;
}

export function stringAt(map: YAMLMap | undefined, key: string): string | undefined {
  const value = scalarAt(map, key);
  return value === undefined || value === null ? undefined : String(value);
}

/** Follows map keys and sequence indexes from `node`; undefined where the path leaves the tree. */
export function nodeAtPath(node: unknown, path: readonly PathSegment[]): Node | undefined {
  let current: unknown = node;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(current)) current = current.items[segment];
    else if (typeof segment === 'string' && isMap(current)) current = pairOf(current, segment)?.value;
    else return undefined;
  }
  return (current ?? undefined) as Node | undefined;
}

export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** Where an offset falls inside a resource: the path of keys/indexes to the innermost node, and whether it is on a key. */
export interface Location {
  resource: Resource;
  path: PathSegment[];
  /** The pair whose key or value holds the offset (absent at the top of a sequence item). */
  pair?: Pair<Node, Node | null>;
  parent?: YAMLMap | YAMLSeq;
  node?: Node;
  onKey: boolean;
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

function descend(node: Node, offset: number, location: Location): void {
  if (isMap(node)) {
    for (const item of node.items) {
      const pair = item as Pair<Node, Node | null>;
      const key = keyName(pair);
      if (key === undefined) continue;
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

