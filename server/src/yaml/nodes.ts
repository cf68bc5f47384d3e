import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from './span';
import { textNodeOf } from './resolved';

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

/** The text a node was written as; for a node an alias stands for, the anchored node's text (not the alias token). */
export function writtenText(text: string, node: Node): string {
  const span = spanOf(textNodeOf(node));
  return span ? text.slice(span[0], span[1]) : '';
}
