import { isMap, isNode, isPair, isScalar, isSeq, parse, Scalar, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from './span';
import { pairOf, spanOf } from './nodes';
import { textNodeOf } from './resolved';

/** Replaces a scalar's text with `value`, keeping the quoting style the user chose. */
export function replaceScalar(resolved: Scalar, value: string): TextEdit | undefined {
  const node = textNodeOf(resolved);
  const span = spanOf(node);
  if (!span) return undefined;
  return { span, newText: quoteLike(node, value) };
}

/** Replaces a scalar with the string `value`: like replaceScalar, but quoted when plain text would read as something else (`true`, `1.0`). */
export function replaceWithString(resolved: Scalar, value: string): TextEdit | undefined {
  const node = textNodeOf(resolved);
  const span = spanOf(node);
  if (!span) return undefined;
  if (node.type !== Scalar.PLAIN) return { span, newText: quoteLike(node, value) };
  return { span, newText: readsAsString(value) ? value : JSON.stringify(value) };
}

function readsAsString(value: string): boolean {
  try {
    return value !== '' && parse(value) === value;
  } catch {
    return false;
  }
}

export function quoteLike(node: Scalar, value: string): string {
  // A line break cannot be written plain or single-quoted on one line (a plain scalar folded over lines has one).
  if (node.type === Scalar.QUOTE_DOUBLE || /[\r\n]/.test(value)) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** The indentation (spaces) of the line holding `offset`. */
export function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ ]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

/** The line ending the document already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break that ends the line holding `offset` (before a `\r\n`), or the text's end. */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

let lastUnit: { text: string; unit: number } | undefined;

/**
 * The document's indentation step: the smallest indentation any line uses (2 when nothing is indented).
 * Remembered for the last text: every fix of one analysis asks it of the same (possibly 50,000-line) text.
 */
export function indentUnitOf(text: string): number {
  if (lastUnit?.text === text) return lastUnit.unit;
  const unit = scanIndentUnit(text);
  lastUnit = { text, unit };
  return unit;
}

function scanIndentUnit(text: string): number {
  let unit = Infinity;
  for (const match of text.matchAll(/^( +)[^ \r\n#]/gm)) unit = Math.min(unit, match[1].length);
  return Number.isFinite(unit) && unit <= 8 ? unit : 2;
}

/** Whether block sequences under a key are indented (`key:\n  - a`) rather than flush (`key:\n- a`); follows the document. */
export function indentsSequences(text: string): boolean {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
  return match ? match[2].length > match[1].length : true;
}

interface Layout {
  eol: string;
  unit: number;
  indentSeq: boolean;
}

function layoutOf(text: string): Layout {
  return { eol: eolOf(text), unit: indentUnitOf(text), indentSeq: indentsSequences(text) };
}

/** `value` as block YAML lines, each prefixed with `indent`. */
export function blockLines(text: string, value: unknown, indent: number): string[] {
  const layout = layoutOf(text);
  const rendered = stringify(value, { indent: layout.unit, indentSeq: layout.indentSeq, lineWidth: 0 }).replace(/\n$/, '');
  return rendered.split('\n').map((line) => (line.length > 0 ? ' '.repeat(indent) + line : line));
}

/** `value` in flow style: `{a: 1, b: [x]}`. */
export function flowText(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
}

/** The end of the last character that belongs to `node` (comments on the same line included, trailing blank lines not). */
function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * The end of the pair's text. With no value, that is its `:` when one follows the key (`key:`), or else the key
 * itself (an explicit key, `? key`, may have no `:` at all: a `:` further on belongs to some other entry).
 */
/**
 * The end of `node` and everything in it. A collection's own range can end early: a compact map that is an explicit
 * key (`? containers:` followed by its list) ends, for the parser, on its first line.
 */
function treeEnd(text: string, node: Node): number {
  let end = node.range![0];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (isPair(current)) {
      stack.push(current.key, current.value);
      continue;
    }
    if (!isNode(current)) continue;
    if (current.range) end = Math.max(end, contentEnd(text, current));
    if (isMap(current) || isSeq(current)) stack.push(...current.items);
  }
  return end;
}

function pairEnd(text: string, pair: Pair): number {
  const value = pair.value as Node | null;
  if (value && value.range) return Math.max(treeEnd(text, value), treeEnd(text, pair.key as Node));
  const key = pair.key as Node;
  const keyEnd = treeEnd(text, key);
  const colon = /^[ \t]*(?:\r?\n[ \t]*)?:/.exec(text.slice(keyEnd, keyEnd + 256));
  return colon ? keyEnd + colon[0].length : keyEnd;
}

function keyStart(pair: Pair): number {
  return (pair.key as Node).range![0];
}

/** What may stand between an entry's start and its key on that line: an explicit-key `?`, an anchor, a tag. */
const KEY_PREFIX = /(?:(?:\?|[&!][^\s]*)[ \t]+)+$/;

/**
 * The column at which the entries of a block map start: where the first entry's line has its `?`, anchor or tag
 * (`&a apiVersion: v1`, `- !!str name: x`, `? key`), not where the key's own text starts. A compact map that is an
 * explicit key reports a range from inside its first entry, so the map's own start is compared too.
 */
export function entryColumn(text: string, resolved: YAMLMap): number {
  const map = textNodeOf(resolved);
  const first = map.items[0];
  const start = Math.min(map.range![0], first ? keyStart(first) : map.range![0]);
  const lineStart = lineStartOf(text, start);
  const prefix = text.slice(lineStart, start);
  const props = KEY_PREFIX.exec(prefix);
  return prefix.length - (props ? props[0].length : 0);
}

/** Adds `key: value` as the last entry of `map`, in the map's own style and indentation. */
export function insertPair(text: string, map: YAMLMap, key: string, value: unknown): TextEdit | undefined {
  return insertEntries(text, map, { [key]: value });
}

/**
 * Adds `key: value` on the line after the entry `after` of a block map, when that entry fits on one line (a scalar,
 * with its comment); otherwise, or in a flow map, as the last entry.
 */
export function insertPairAfter(text: string, map: YAMLMap, after: Pair, key: string, value: unknown): TextEdit | undefined {
  const target = textNodeOf(map);
  const entry = textNodeOf(after);
  const scalar = entry.value;
  // An entry merged in from an anchor (`<<: *base`) is written elsewhere: the new line goes at the end of the map.
  if (target.flow || !target.items.includes(entry) || !isScalar(scalar) || !scalar.range) return insertPair(text, map, key, value);
  const start = keyStart(entry);
  if (text.slice(start, scalar.range[1]).includes('\n')) return insertPair(text, map, key, value);
  const at = lineEndOf(text, scalar.range[1]);
  const eol = eolOf(text);
  return { span: [at, at], newText: eol + blockLines(text, { [key]: value }, entryColumn(text, target)).join(eol) };
}

/** Adds every entry of `entries` after the last entry of `map`, in one edit. */
export function insertEntries(text: string, resolved: YAMLMap, entries: Record<string, unknown>): TextEdit | undefined {
  const map = textNodeOf(resolved);
  if (!map.range || Object.keys(entries).length === 0) return undefined;
  if (map.flow) {
    const entry = flowText(entries).slice(1, -1);
    const last = map.items[map.items.length - 1];
    if (!last) {
      const close = text.lastIndexOf('}', map.range[1]);
      return close < 0 ? undefined : { span: [close, close], newText: entry };
    }
    const end = pairEnd(text, last);
    return { span: [end, end], newText: `, ${entry}` };
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  if (!first || !last) return undefined;
  const column = entryColumn(text, map);
  const at = lineEndOf(text, pairEnd(text, last));
  if (!endsBlockAt(text, at, column)) return undefined;
  const eol = eolOf(text);
  return { span: [at, at], newText: eol + blockLines(text, entries, column).join(eol) };
}

/**
 * Whether the first line with content after `at` starts left of `column` (or is a document marker, or there is none):
 * a line inserted at `column` then ends the block instead of cutting it in two. A line at or right of it means the
 * parser's tree does not cover the text there (which the parser allows itself around explicit `?` keys) and no
 * insertion point is safe. `dashOpensItem`: a line at `column` is fine unless it starts a sequence item.
 */
function endsBlockAt(text: string, at: number, column: number, dashOpensItem = false): boolean {
  let lineStart = text.indexOf('\n', at) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) {
      const indent = /^[ \t]*/.exec(line)![0].length;
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(content)) return true;
      if (indent < column) return true;
      return dashOpensItem && indent === column && !/^-(\s|$)/.test(content);
    }
    lineStart = lineEnd + 1;
  }
  return true;
}

/**
 * Merges `tree` into `map`: keys missing from `map` are added in one edit per existing map;
 * keys present hold maps to merge into, and leaves already present are left alone.
 */
export function mergeInto(text: string, map: YAMLMap, tree: Record<string, unknown>): TextEdit[] | undefined {
  const missing: Record<string, unknown> = {};
  const edits: TextEdit[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const pair = pairOf(map, key);
    if (!pair) {
      missing[key] = value;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    if (isMap(pair.value)) {
      const inner = mergeInto(text, pair.value, value as Record<string, unknown>);
      if (!inner) return undefined;
      edits.push(...inner);
    } else if (isEmptyValue(pair.value)) {
      const edit = fillEmptyPair(text, map, pair, value);
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      return undefined;
    }
  }
  if (Object.keys(missing).length > 0) {
    const edit = insertEntries(text, map, missing);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/** Gives `key:` (present with no value) a value, rendered below it in block style. */
function fillEmptyPair(text: string, resolvedMap: YAMLMap, resolvedPair: Pair, value: unknown): TextEdit | undefined {
  const map = textNodeOf(resolvedMap);
  const pair = textNodeOf(resolvedPair);
  const end = pairEnd(text, pair);
  if (map.flow || typeof value !== 'object' || value === null) return { span: [end, end], newText: ` ${flowText(value)}` };
  const column = columnOf(text, keyStart(pair));
  const layout = layoutOf(text);
  const indent = Array.isArray(value) && !layout.indentSeq ? column : column + layout.unit;
  const eol = eolOf(text);
  const at = lineEndOf(text, end);
  const trailing = text.slice(end, at);
  return { span: [end, at], newText: trailing.trimEnd() + eol + blockLines(text, value, indent).join(eol) };
}

function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined) && !node.source);
}

/**
 * Sets `value` at `path` under `map`, creating the maps along the way.
 * Existing maps are reused; a key already holding something other than a map stops it (undefined).
 */
export function setIn(text: string, map: YAMLMap, path: readonly string[], value: unknown): TextEdit | undefined {
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const pair = pairOf(current, path[i]);
    const rest = nest(path.slice(i + 1), value);
    if (!pair) return insertPair(text, current, path[i], rest);
    if (i === path.length - 1) {
      if (isScalar(pair.value) && !isEmptyValue(pair.value) && !isMap(value) && !Array.isArray(value)) {
        return { span: spanOf(textNodeOf(pair.value))!, newText: flowText(value) };
      }
      if (isEmptyValue(pair.value)) return fillEmptyPair(text, current, pair, value);
      return undefined;
    }
    if (isMap(pair.value)) {
      current = pair.value;
      continue;
    }
    if (isEmptyValue(pair.value)) return fillEmptyPair(text, current, pair, rest);
    return undefined;
  }
  return undefined;
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** Removes `key` and its value from `map`, whole lines where the pair has its own lines. */
export function removePair(text: string, resolved: YAMLMap, key: string): TextEdit | undefined {
  const map = textNodeOf(resolved);
  const index = map.items.findIndex((item) => isScalar(item.key) && item.key.value === key);
  if (index < 0) return undefined;
  const pair = map.items[index];
  const start = keyStart(pair);
  const end = pairEnd(text, pair);
  const next = map.items[index + 1];
  const previous = map.items[index - 1];
  if (map.flow) {
    if (previous) return { span: [pairEnd(text, previous), end], newText: '' };
    if (next) return { span: [start, keyStart(next)], newText: '' };
    return { span: [start, end], newText: '' };
  }
  const lineStart = lineStartOf(text, start);
  const ownsLine = text.slice(lineStart, start).trim() === '';
  if (!ownsLine) {
    // The pair follows a `- ` on its line: the next pair moves up to take its place.
    if (next) return { span: [start, keyStart(next)], newText: '' };
    return { span: [start, lineEndOf(text, end)], newText: '{}' };
  }
  if (map.items.length === 1) return undefined;
  const lineEnd = lineEndOf(text, end);
  const afterBreak = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
  return { span: [lineStart, afterBreak], newText: '' };
}

/** The offset of the `-` that introduces a block sequence item starting at `itemStart`. */
export function dashOf(text: string, itemStart: number): number {
  let at = itemStart - 1;
  while (at >= 0 && text[at] !== '-') at--;
  return at;
}

/** Appends `value` as the last item of `seq`, in its own style. */
export function appendItem(text: string, resolved: YAMLSeq, value: unknown): TextEdit | undefined {
  const seq = textNodeOf(resolved);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    if (!last?.range) {
      const close = text.lastIndexOf(']', seq.range![1]);
      return close < 0 ? undefined : { span: [close, close], newText: flowText(value) };
    }
    const end = contentEnd(text, last);
    return { span: [end, end], newText: `, ${flowText(value)}` };
  }
  const first = seq.items[0] as Node | undefined;
  if (!first?.range || !last?.range) return undefined;
  const dashColumn = columnOf(text, dashOf(text, first.range[0]));
  const eol = eolOf(text);
  const at = lineEndOf(text, contentEnd(text, last));
  return { span: [at, at], newText: eol + itemLines(text, value, dashColumn).join(eol) };
}

/** `value` as a block sequence item whose dash sits at `dashColumn`. */
export function itemLines(text: string, value: unknown, dashColumn: number): string[] {
  const lines = blockLines(text, value, dashColumn + 2);
  lines[0] = `${' '.repeat(dashColumn)}- ${lines[0].slice(dashColumn + 2)}`;
  return lines;
}

/** Adds `key` holding a one-item list to `map`, or appends the item when the list exists. */
export function appendToList(text: string, map: YAMLMap, key: string, item: unknown): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (pair && isSeq(pair.value)) return appendItem(text, pair.value, item);
  if (pair && !isEmptyValue(pair.value)) return undefined;
  return setIn(text, map, [key], [item]);
}
