import { isScalar, visit, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../../yaml/span';
import { findActions, firstActionEndingAfter, type TemplateAction } from './actions';
import { maskActions, type BlockInsertion } from './mask';

/** What the parse of a templated file knows of its template actions; every offset is an offset of the editor's text. */
export interface TemplateFacts {
  actions: readonly TemplateAction[];
  /** The text the YAML parser read: the editor's text with each action masked (same length and line breaks). */
  masked: string;
  insertions: readonly BlockInsertion[];
  /** Only the first branch of each if/with/range was kept: read together, the branches did not make valid YAML. */
  firstBranchOnly: boolean;
}

export function templateFacts(text: string, firstBranchOnly = false): TemplateFacts {
  const actions = findActions(text);
  const { masked, insertions } = maskActions(text, actions, firstBranchOnly);
  return { actions, masked, insertions, firstBranchOnly };
}

/** Whether an action lies (even partly) inside `span`: what is written there is not literal. */
export function overlapsAction(facts: TemplateFacts, span: Span): boolean {
  const action = facts.actions[firstActionEndingAfter(facts.actions, span[0])];
  return action !== undefined && action.span[0] < span[1];
}

/** Whether an if/else/range/with/end action lies between the two offsets (two branches, or two iterations). */
export function controlBetween(facts: TemplateFacts, from: number, to: number): boolean {
  const actions = facts.actions;
  for (let i = firstActionEndingAfter(actions, from); i < actions.length && actions[i].span[0] < to; i++) {
    if (actions[i].kind === 'control' && actions[i].keyword !== ':=') return true;
  }
  return false;
}

/** Each `else` (and `else if`) with the start of its if/with/range block, computed once per parse. */
const elsesCache = new WeakMap<TemplateFacts, Array<{ at: number; blockStart: number }>>();

function elsesOf(facts: TemplateFacts): Array<{ at: number; blockStart: number }> {
  let elses = elsesCache.get(facts);
  if (elses) return elses;
  elses = [];
  const open: number[] = [];
  for (const action of facts.actions) {
    const keyword = action.keyword;
    if (keyword === 'if' || keyword === 'range' || keyword === 'with' || keyword === 'define' || keyword === 'block') open.push(action.span[0]);
    else if (keyword === 'end') open.pop();
    else if (keyword === 'else' && open.length > 0) elses.push({ at: action.span[0], blockStart: open[open.length - 1] });
  }
  elsesCache.set(facts, elses);
  return elses;
}

/** An `else` lies between the offsets, of a block that began before `from`: the two are in different branches. */
export function crossesBranch(facts: TemplateFacts, from: number, to: number): boolean {
  return elsesOf(facts).some((e) => from < e.at && e.at < to && e.blockStart < from);
}

/**
 * Where the template renders content the text does not show: the pairs whose value receives a block insertion, and
 * the maps and lists that do (or whose keys are actions). Nothing may be reported missing in those.
 */
export interface OpenParts {
  pairs: WeakSet<Pair>;
  collections: WeakSet<Node>;
}

/** Per parse (the facts) and document: a document reused from the previous version may now have other insertions. */
const openPartsCache = new WeakMap<TemplateFacts, WeakMap<Document.Parsed, OpenParts>>();

export function openPartsOf(doc: Document.Parsed, facts: TemplateFacts): OpenParts {
  let perDoc = openPartsCache.get(facts);
  if (!perDoc) openPartsCache.set(facts, perDoc = new WeakMap());
  const cached = perDoc.get(doc);
  if (cached) return cached;
  const parts: OpenParts = { pairs: new WeakSet(), collections: new WeakSet() };
  const [docStart, , docEnd] = doc.range;
  // An insertion is often the document's last line, after the range of its last node: the owner is what counts.
  const inDoc = facts.insertions.filter(({ owner, action }) => {
    const at = owner ?? action.span[0];
    return at >= docStart && at <= docEnd;
  });
  const keyOwners = new Set(inDoc.filter((i) => i.owner !== undefined && !i.ownerIsItem).map((i) => i.owner));
  // `- {{ include ... }}`: the item's map starts at its first key, on the lines after the insertion.
  const itemOwners = new Set(inDoc.filter((i) => i.ownerIsItem).map((i) => nextNonSpace(facts.masked, i.owner!)));
  if (inDoc.some((i) => i.owner === undefined) && doc.contents) parts.collections.add(doc.contents);
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key?.range && keyOwners.has(key.range[0])) {
        parts.pairs.add(pair);
        if (pair.value) parts.collections.add(pair.value as Node);
      }
    },
    Map(_, map) {
      if (map.range && (itemOwners.has(map.range[0]) || endsItsBranch(facts, map.range[1]))) parts.collections.add(map);
      if (map.items.some((item) => isScalar(item.key) && item.key.range && overlapsAction(facts, [item.key.range[0], item.key.range[1]]))) {
        parts.collections.add(map);
      }
    },
    Seq(_, seq) {
      if (seq.range && itemOwners.has(seq.range[0])) parts.collections.add(seq);
    },
  });
  perDoc.set(doc, parts);
  return parts;
}

/**
 * The map's last line is the last of an if/else branch: the lines after the `end` may continue it in the rendered
 * text (`{{ if .a }}- name: x{{ else }}- name: y{{ end }}` then `  port: 80`).
 */
function endsItsBranch(facts: TemplateFacts, mapEnd: number): boolean {
  const next = facts.actions[firstActionEndingAfter(facts.actions, mapEnd)];
  if (!next || next.span[0] < mapEnd || (next.keyword !== 'else' && next.keyword !== 'end')) return false;
  return facts.masked.slice(mapEnd, next.span[0]).trim() === '';
}

function nextNonSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/** A duplicate key whose first occurrence is in another branch (or iteration) of the template: not a duplicate. */
export function duplicateAcrossBranches(doc: Document.Parsed, errorOffset: number, facts: TemplateFacts): boolean {
  // The parser points at the start of the entry, which may be the blank lines masked actions left before the key.
  const keyOffset = nextNonSpace(facts.masked, errorOffset);
  let across = false;
  visit(doc, {
    Map(_, map) {
      const index = map.items.findIndex((item) => (item.key as Node | null)?.range?.[0] === keyOffset);
      if (index < 0) return undefined;
      const name = keyText(map.items[index].key);
      const first = map.items.find((item, i) => i < index && keyText(item.key) === name);
      const firstStart = (first?.key as Node | null)?.range?.[0];
      const keyEnd = (map.items[index].key as Node).range?.[1] ?? keyOffset;
      across = firstStart === undefined || overlapsAction(facts, [keyOffset, keyEnd]) || controlBetween(facts, firstStart, keyOffset);
      return visit.BREAK;
    },
  });
  return across;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}
