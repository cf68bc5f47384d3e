import { isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../../parse/model';
import { pairOf, spanOf } from '../../yaml/nodes';

/** The span to underline for a pair: its key. */
export function keySpan(pair: Pair): Span {
  return spanOf(pair.key as Node) ?? [0, 0];
}

export function nodeSpan(node: unknown): Span | undefined {
  return spanOf(node as Node | null | undefined);
}

export function scalarNode(map: YAMLMap | undefined, key: string): Scalar | undefined {
  const value = map ? pairOf(map, key)?.value : undefined;
  return isScalar(value) ? value : undefined;
}

/** Where to point at a container: its `name` value, or else the start of its map. */
export function containerSpan(container: YAMLMap): Span {
  const name = scalarNode(container, 'name');
  const span = nodeSpan(name);
  if (span && span[1] > span[0]) return span;
  const start = container.range?.[0] ?? 0;
  const first = container.items[0];
  return first ? keySpan(first) : [start, start + 1];
}

export function isTrue(map: YAMLMap | undefined, key: string): boolean {
  const node = scalarNode(map, key);
  return node?.value === true;
}
