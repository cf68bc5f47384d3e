import { isAlias, isMap, isNode, isPair, isScalar, isSeq, Pair, visit, type Alias, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { recordOrigin, textNodeOf, type UseSite } from '../yaml/resolved';
import type { Span } from '../yaml/span';

/** Nodes copied for aliases per document at most; past it the document keeps its aliases unresolved (an alias bomb). */
export const MAX_COPIED_NODES = 50_000;

export interface Resolution {
  /** The document's contents with every alias replaced by a copy of its anchor's node and every merge key expanded. */
  contents: unknown;
  /** Each alias that was resolved, in text order. */
  uses: UseSite[];
}

const STAR = 42;
const LESS_THAN = 60;

class BudgetExceeded extends Error {}

/**
 * Resolves aliases and merge keys as Kubernetes' YAML decoder reads them: an alias stands for the last node anchored
 * with its name before it; `<<: *a` or `<<: [*a, *b]` adds the keys of those maps that the map does not set itself,
 * earlier maps winning over later ones. A copy made for an alias has the alias token's range (findings on it point
 * there) and is recorded as standing for its anchor's node (edits go there). Nodes without aliases or merge keys in
 * them are kept as they are. Undefined when resolving would copy more than MAX_COPIED_NODES nodes.
 */
export function resolveAliases(doc: Document.Parsed): Resolution | undefined {
  const resolver = new Resolver();
  try {
    return { contents: resolver.resolve(doc.contents), uses: resolver.uses };
  } catch (error) {
    if (error instanceof BudgetExceeded) return undefined;
    throw error;
  }
}

/** Whether a document's text may hold an alias or a merge key (cheaper than walking its tree to find none). */
export function mayHoldAliases(text: string, span: Span): boolean {
  for (let at = span[0]; at < span[1]; at++) {
    const char = text.charCodeAt(at);
    if (char === STAR || (char === LESS_THAN && text.charCodeAt(at + 1) === LESS_THAN)) return true;
  }
  return false;
}

/** The first merge key whose value is not a map or a list of maps (aliases of maps count): Kubernetes rejects the object. */
export function badMergeKey(doc: Document.Parsed): Span | undefined {
  let found: Span | undefined;
  const isMapLike = (node: unknown) => isMap(isAlias(node) ? node.resolve(doc) : node);
  visit(doc, {
    Pair(_, pair) {
      if (!isMergeKey(pair.key)) return undefined;
      const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      if (isMap(value) || (isSeq(value) && value.items.every(isMapLike))) return undefined;
      found = spanOf(pair.key as Node);
      return visit.BREAK;
    },
  });
  return found;
}

class Resolver {
  readonly uses: UseSite[] = [];
  private readonly anchors = new Map<string, Node>();
  private copied = 0;

  resolve(node: unknown): unknown {
    if (!isNode(node)) return node;
    let result: Node = node;
    if (isAlias(node)) result = this.alias(node);
    else if (isMap(node)) result = this.map(node);
    else if (isSeq(node)) result = this.seq(node);
    if (node.anchor) this.anchors.set(node.anchor, result);
    return result;
  }

  private alias(alias: Alias): Node {
    const source = this.anchors.get(alias.source);
    if (!source || !alias.range) return alias;
    const anchored = textNodeOf(source);
    const site: UseSite = { span: [alias.range[0], alias.range[1]], anchor: alias.source, anchorSpan: spanOf(anchored), collection: isMap(anchored) || isSeq(anchored) };
    this.uses.push(site);
    return this.copy(source, site);
  }

  private copy<T extends Node>(node: T, site: UseSite): T {
    if (++this.copied > MAX_COPIED_NODES) throw new BudgetExceeded();
    const copy = shallowCopy(node);
    copy.range = [site.span[0], site.span[1], site.span[1]];
    copy.anchor = undefined;
    if (isMap(node) || isSeq(node)) {
      (copy as unknown as YAMLSeq).items = (node.items as unknown[]).map((item) => (isPair(item) ? this.copyPair(item, site) : isNode(item) ? this.copy(item, site) : item));
    }
    recordOrigin(copy, node, site);
    return copy;
  }

  private copyPair(pair: Pair, site: UseSite): Pair {
    const copy = new Pair(isNode(pair.key) ? this.copy(pair.key, site) : pair.key, isNode(pair.value) ? this.copy(pair.value, site) : pair.value);
    recordOrigin(copy, pair, site);
    return copy;
  }

  private seq(seq: YAMLSeq): Node {
    const items = seq.items.map((item) => this.resolve(item));
    if (items.every((item, index) => item === seq.items[index])) return seq;
    return rebuilt(seq, items);
  }

  private map(map: YAMLMap): Node {
    const items: Array<Pair | YAMLMap[]> = [];
    let changed = false;
    for (const pair of map.items) {
      const key = isMergeKey(pair.key) ? pair.key : this.resolve(pair.key);
      const value = this.resolve(pair.value);
      const sources = key === pair.key && isMergeKey(key) ? mergeSources(value) : undefined;
      if (sources) {
        items.push(sources);
        changed = true;
        continue;
      }
      if (key === pair.key && value === pair.value) {
        items.push(pair);
        continue;
      }
      const resolved = new Pair(key, value);
      recordOrigin(resolved, pair);
      items.push(resolved);
      changed = true;
    }
    return changed ? rebuilt(map, withMergedKeys(items)) : map;
  }
}

/** Local keys win over merged ones wherever the merge key stands; among merged maps, the first to set a key wins. */
function withMergedKeys(items: Array<Pair | YAMLMap[]>): Pair[] {
  const seen = new Set<unknown>();
  for (const item of items) if (!Array.isArray(item)) seen.add(keyOf(item));
  const pairs: Pair[] = [];
  for (const item of items) {
    if (!Array.isArray(item)) {
      pairs.push(item);
      continue;
    }
    for (const source of item) {
      for (const pair of source.items as Pair[]) {
        const key = keyOf(pair);
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push(pair);
      }
    }
  }
  return pairs;
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** `<<` written plain: the parser (with merge keys on) gives it a symbol as its value. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** The maps a merge key's value merges, or undefined when it is not a map or a sequence of maps (the decoder rejects it). */
function mergeSources(value: unknown): YAMLMap[] | undefined {
  if (isMap(value)) return [value];
  if (isSeq(value) && value.items.every((item) => isMap(item))) return value.items as YAMLMap[];
  return undefined;
}

function rebuilt<T extends YAMLMap | YAMLSeq>(collection: T, items: unknown[]): T {
  const copy = shallowCopy(collection);
  (copy as unknown as YAMLSeq).items = items;
  recordOrigin(copy, collection);
  return copy;
}

/** A copy of a node: made by its own class (which marks the node's type), then given the node's properties. */
function shallowCopy<T extends object>(node: T): T {
  const NodeClass = node.constructor as new () => T;
  return Object.assign(new NodeClass(), node);
}

function spanOf(node: Node): Span {
  return node.range ? [node.range[0], node.range[1]] : [0, 0];
}
