import { isCollection, isNode, isPair, type Document } from 'yaml';
import { composeDocuments, type ComposedDocument, type ComposeOptions } from './composeDocuments';

/**
 * A stretch of the text that the parser reads on its own: from a `---` line up to the next one. Multi-document
 * manifests are split the same way before parsing by kubectl (a `---` line ends a document whatever it is in), and
 * the YAML lexer too ends every collection and scalar at such a line, except a quote left open: that one runs to the
 * end of the file in a whole-stream parse, and only to the next `---` here. Comments before the first `---` are part
 * of the first chunk, so that they stay with the first document.
 */
export interface ParsedChunk {
  start: number;
  end: number;
  documents: ComposedDocument[];
}

/** The text of the previous version of a file and its chunks, whose documents an edit left unchanged are reused. */
export interface PreviousParse {
  text: string;
  chunks: readonly ParsedChunk[];
}

/** Blank and comment lines only (and a byte order mark). */
const NOTHING_BUT_COMMENTS = /^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/;

/** Ends a `---` or `...` marker: a space, a tab, a line break or the end of the text. */
function endsMarker(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const char = text.charCodeAt(at);
  return char === 32 || char === 9 || char === 13 || char === 10;
}

/** Directives (`%YAML`, `%TAG`) and `...` lines carry state from one document to the next: such a text is one chunk. */
function hasDirectiveOrDocumentEnd(text: string): boolean {
  if (text.startsWith('%') || text.includes('\n%')) return true;
  if (text.startsWith('...') && endsMarker(text, 3)) return true;
  for (let at = text.indexOf('\n...'); at >= 0; at = text.indexOf('\n...', at + 1)) if (endsMarker(text, at + 4)) return true;
  return false;
}

/** The offset where each chunk of `text` starts (indexOf, not a regular expression: this runs on every edit). */
export function chunkStarts(text: string): number[] {
  if (hasDirectiveOrDocumentEnd(text)) return [0];
  const starts = [0];
  for (let at = text.indexOf('\n---'); at >= 0; at = text.indexOf('\n---', at + 1)) {
    const line = at + 1;
    if (!endsMarker(text, line + 3)) continue;
    if (starts.length > 1 || !NOTHING_BUT_COMMENTS.test(text.slice(0, line))) starts.push(line);
  }
  return starts;
}

/**
 * Every document of `text`, parsed chunk by chunk. With the previous version's parse, a chunk whose text the edit did
 * not touch is taken from it instead of parsed again: as it was if it lies before the edit, moved by the change in
 * length if after. Its documents are moved in place, so the previous parse must not be used after this call.
 */
export function composeChunks(text: string, maxDepth: number, options: ComposeOptions, previous?: PreviousParse): ParsedChunk[] {
  const starts = chunkStarts(text);
  const reuse = previous ? reuserFor(previous, text) : undefined;
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    return reuse?.(start, end) ?? { start, end, documents: composeDocuments(text, maxDepth, options, start, end) };
  });
}

/** Looks up the previous chunk with the same text as the chunk from `start` to `end` of the new text, if the edit left one. */
function reuserFor(previous: PreviousParse, text: string): (start: number, end: number) => ParsedChunk | undefined {
  const before = previous.text;
  const prefix = commonPrefixLength(before, text);
  const suffix = commonSuffixLength(before, text, prefix);
  const shift = text.length - before.length;
  const byStart = new Map(previous.chunks.map((chunk) => [chunk.start, chunk]));
  return (start, end) => {
    if (end <= prefix) {
      const chunk = byStart.get(start);
      return chunk?.end === end ? chunk : undefined;
    }
    if (start >= text.length - suffix) {
      const chunk = byStart.get(start - shift);
      return chunk?.end === end - shift ? moved(chunk, shift) : undefined;
    }
    return undefined;
  };
}

/** Characters compared at once (a slice comparison) before the common start or end is narrowed down character by character. */
const BLOCK = 1024;

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length + BLOCK <= limit && a.slice(length, length + BLOCK) === b.slice(length, length + BLOCK)) length += BLOCK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** The length of the common end of `a` and `b`, not reaching into their first `prefix` characters. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (length + BLOCK <= limit && a.slice(a.length - length - BLOCK, a.length - length) === b.slice(b.length - length - BLOCK, b.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

function moved(chunk: ParsedChunk, shift: number): ParsedChunk {
  if (shift === 0) return chunk;
  return {
    start: chunk.start + shift,
    end: chunk.end + shift,
    documents: chunk.documents.map((composed) => {
      moveOffsets(composed.doc, shift);
      return { ...composed, tooDeepAt: composed.tooDeepAt === undefined ? undefined : composed.tooDeepAt + shift };
    }),
  };
}

/** Adds `shift` to every offset the document holds: its range, its nodes' ranges, its errors' and warnings' positions. */
function moveOffsets(doc: Document.Parsed, shift: number): void {
  doc.range = [doc.range[0] + shift, doc.range[1] + shift, doc.range[2] + shift];
  for (const problem of [...doc.errors, ...doc.warnings]) problem.pos = [problem.pos[0] + shift, problem.pos[1] + shift];
  moveNode(doc.contents, shift);
}

/** The tree walked directly, not with `visit` (which builds a path for every node): this runs on every document after an edit. */
function moveNode(node: unknown, shift: number): void {
  if (isPair(node)) {
    moveNode(node.key, shift);
    moveNode(node.value, shift);
    return;
  }
  if (!isNode(node)) return;
  const range = node.range;
  if (range) node.range = [range[0] + shift, range[1] + shift, range[2] + shift];
  if (isCollection(node)) for (const item of node.items) moveNode(item, shift);
}
