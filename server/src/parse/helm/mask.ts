import { firstActionEndingAfter, type TemplateAction } from './actions';

/** Stands for the text an inline action renders: a plain scalar character, legal in keys, values and quotes. */
export const MASK_CHAR = '_';

/**
 * An output action on a line of its own (or after a `key:` with `nindent`): it renders a block of keys or items of
 * unknown content into the collection that owns its column.
 */
export interface BlockInsertion {
  action: TemplateAction;
  /** The column its text is rendered at (`nindent N`/`indent N`, else the action's own column). */
  column: number;
  /** The offset of the first key or item character on the owning line; undefined when the document's root owns it. */
  owner?: number;
  /** The owning line is a list item (`- name: x`): the item's map is open; otherwise the key's value is. */
  ownerIsItem: boolean;
}

export interface MaskResult {
  /** The text with every action replaced (same length, same line breaks): `_` inline, spaces where it renders no scalar. */
  masked: string;
  insertions: BlockInsertion[];
}

/**
 * Masks the actions of `text`. Comments and control actions become spaces; an output action inside a line becomes
 * `_`s (a scalar of unknown value); an output action alone on its line becomes spaces and a block insertion. The body
 * of a `define` (a named template written inside a manifest) is blanked too: it is not part of this manifest.
 */
export function maskActions(text: string, actions: readonly TemplateAction[], firstBranchOnly = false): MaskResult {
  const chars = text.split('');
  const insertions: BlockInsertion[] = [];
  let defineDepth = 0;
  let defineStart = 0;
  let depth = 0;
  for (const action of actions) {
    const [start, end] = action.span;
    if (defineDepth > 0) {
      if (opensBlock(action)) depth++;
      else if (action.keyword === 'end' && --depth === defineDepth - 1) {
        blank(chars, defineStart, end);
        defineDepth = 0;
      }
      continue;
    }
    if (action.keyword === 'define') {
      defineDepth = ++depth;
      defineStart = start;
      continue;
    }
    if (opensBlock(action)) depth++;
    else if (action.keyword === 'end') depth = Math.max(0, depth - 1);
    const placement = placementOf(text, action, actions);
    if (placement === 'block') {
      fill(chars, Math.max(start, blockScalarContentStart(chars, start)), end, start);
      if (action.kind === 'output') insertions.push(insertion(text, chars, action));
    } else if (action.kind === 'output' || placement === 'leading') {
      fill(chars, start, end);
    } else {
      blank(chars, start, end);
    }
  }
  if (defineDepth > 0) blank(chars, defineStart, text.length);
  if (!firstBranchOnly) return { masked: chars.join(''), insertions };
  const skipped = elseBranches(actions);
  for (const [from, to] of skipped) blank(chars, from, to);
  const kept = insertions.filter((i) => !skipped.some(([from, to]) => from <= i.action.span[0] && i.action.span[0] < to));
  return { masked: chars.join(''), insertions: kept };
}

/** From each `else` of an if/with/range to its `end`: the branches after the first. */
function elseBranches(actions: readonly TemplateAction[]): Array<[number, number]> {
  const open: Array<{ elseAt?: number }> = [];
  const ranges: Array<[number, number]> = [];
  for (const action of actions) {
    if (opensBlock(action)) open.push({});
    else if (action.keyword === 'else' && open.length > 0) open[open.length - 1].elseAt ??= action.span[0];
    else if (action.keyword === 'end') {
      const block = open.pop();
      if (block?.elseAt !== undefined) ranges.push([block.elseAt, action.span[0]]);
    }
  }
  return ranges;
}

function opensBlock(action: TemplateAction): boolean {
  return action.keyword === 'if' || action.keyword === 'range' || action.keyword === 'with' || action.keyword === 'define' || action.keyword === 'block';
}

/**
 * An action alone on its line, before the first line of a block scalar (`key: |` above it): blanked, it would be a
 * leading blank line indented more than the content, which YAML rejects. It is content instead, from one column past
 * the header's indentation (returned offset); elsewhere the whole line is blanked (returns Infinity).
 */
function blockScalarContentStart(chars: string[], start: number): number {
  const lineStart = lastLineStart(chars, start);
  for (let end = lineStart - 1; end > 0;) {
    const from = lastLineStart(chars, end);
    const line = chars.slice(from, end).join('');
    end = from - 1;
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    return BLOCK_SCALAR_HEADER.test(line) ? lineStart + indent + 1 : Infinity;
  }
  return Infinity;
}

const BLOCK_SCALAR_HEADER = /(?:^|\s)[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * `block` when nothing but actions shares the line, or when it follows `key:` and starts a new line (`nindent`);
 * `leading` when it starts the line's content (`{{ if .x }}key: v{{ end }}`): masked, it keeps that content's column.
 */
function placementOf(text: string, action: TemplateAction, actions: readonly TemplateAction[]): 'block' | 'leading' | 'inline' {
  const [start, end] = action.span;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = outsideActions(text, lineStart, start, actions).trim();
  const after = outsideActions(text, end, lineEnd, actions).trim();
  if (after !== '' && !after.startsWith('#')) return before === '' ? 'leading' : 'inline';
  if (before === '' || before === '-') return 'block';
  return before.endsWith(':') && /\bnindent\b/.test(action.body) ? 'block' : 'inline';
}

/** The text of [from, to) with the actions in it left out. */
function outsideActions(text: string, from: number, to: number, actions: readonly TemplateAction[]): string {
  let result = '';
  let at = from;
  for (const action of actionsWithin(actions, from, to)) {
    if (action.span[0] > at) result += text.slice(at, action.span[0]);
    at = Math.max(at, action.span[1]);
  }
  return at < to ? result + text.slice(at, to) : result;
}

function actionsWithin(actions: readonly TemplateAction[], from: number, to: number): TemplateAction[] {
  const found: TemplateAction[] = [];
  for (let i = firstActionEndingAfter(actions, from); i < actions.length && actions[i].span[0] < to; i++) found.push(actions[i]);
  return found;
}

function insertion(text: string, masked: string[], action: TemplateAction): BlockInsertion {
  const start = action.span[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownColumn = start - lineStart;
  const nindent = /\bnindent\s+(\d+)/.exec(action.body);
  const indent = /\bindent\s+(\d+)/.exec(action.body);
  const column = nindent ? Number(nindent[1]) : indent ? ownColumn + Number(indent[1]) : ownColumn;
  return { action, column, ...ownerOf(masked, start, column) };
}

/** The nearest line at or before `offset` (only its part before `offset` on the first) indented less than `column`. */
function ownerOf(masked: string[], offset: number, column: number): { owner?: number; ownerIsItem: boolean } {
  let lineEnd = offset;
  while (lineEnd > 0 || lineEnd === offset) {
    const lineStart = lastLineStart(masked, lineEnd);
    let first = lineStart;
    while (first < lineEnd && (masked[first] === ' ' || masked[first] === '\t')) first++;
    const blankLine = first >= lineEnd || masked[first] === '#';
    if (!blankLine && first - lineStart < column) return entryOf(masked, first, lineEnd);
    if (lineStart === 0) break;
    lineEnd = lineStart - 1;
  }
  return { ownerIsItem: false };
}

function lastLineStart(masked: string[], from: number): number {
  let i = from - 1;
  while (i >= 0 && masked[i] !== '\n') i--;
  return i + 1;
}

/** Past the `- ` markers of a list item line, to the first key (or scalar) character. */
function entryOf(masked: string[], first: number, lineEnd: number): { owner: number; ownerIsItem: boolean } {
  let at = first;
  let item = false;
  while (at < lineEnd && masked[at] === '-' && (masked[at + 1] === ' ' || masked[at + 1] === '\t' || at + 1 >= lineEnd)) {
    item = true;
    at++;
    while (at < lineEnd && (masked[at] === ' ' || masked[at] === '\t')) at++;
  }
  return { owner: at, ownerIsItem: item };
}

/** Spaces in place of [from, to), line breaks kept. */
function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * `_`s on the action's first line, spaces on the lines after it (a continuation at column 0 would end the value);
 * spaces from `blankFrom` to `from`, and everywhere when `from` is past the end.
 */
function fill(chars: string[], from: number, to: number, blankFrom = from): void {
  blank(chars, blankFrom, Math.min(from, to));
  let firstLine = true;
  for (let i = from; i < to; i++) {
    if (chars[i] === '\n' || chars[i] === '\r') firstLine = false;
    else chars[i] = firstLine ? MASK_CHAR : ' ';
  }
}
