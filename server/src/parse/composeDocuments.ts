import { Composer, Parser, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export interface ComposedDocument {
  doc: Document.Parsed;
  /** Offset at which the document nests collections deeper than the limit: it was left empty instead of composed. */
  tooDeepAt?: number;
  /**
   * How many collections deep its syntax tree nests. The composed tree can nest up to twice as deep (a pair in a
   * flow sequence, `[a: [b: c]]`, becomes a map of its own), so a tree walk is needed only above half the limit.
   */
  syntaxDepth: number;
}

export type ComposeOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Documents whose text was blanked so that the parser could get past them, at most (each retry costs a parse). */
const MAX_BLANKED_DOCUMENTS = 20;
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/** The parser (not the composer) ran out of stack, at `offset`. */
class ParserOverflow {
  constructor(readonly error: RangeError, readonly offset: number) {}
}

/**
 * `parseAllDocuments`, except that a document whose collections nest deeper than `maxDepth` is not composed: its
 * contents stay empty. The composer recurses once per level and, past a few thousand levels, runs out of stack at a
 * depth that depends on how deep the caller's stack already is, so the same text would give different trees. The
 * concrete syntax tree is measured without recursion. Its parser recurses too, but only when it closes thousands of
 * block collections at once; then the document it was in is blanked (same length, so offsets hold) and parsed again.
 * Tokens go to the composer as the parser yields them, as in `parseAllDocuments`: each document's syntax tree can be
 * collected while the next one is read, instead of the whole file's staying alive until composing starts.
 * Only `text` from `start` to `end` is read; every offset in the result (node ranges, errors) is one into `text`.
 */
export function composeDocuments(text: string, maxDepth: number, options: ComposeOptions, start = 0, end = text.length): ComposedDocument[] {
  let source = start === 0 && end === text.length ? text : text.slice(start, end);
  const blanked: number[] = [];
  for (;;) {
    const parser = new Parser();
    parser.offset = start;
    try {
      return compose(tokensOf(parser, source), end, maxDepth, options, blanked);
    } catch (caught) {
      if (!(caught instanceof ParserOverflow)) throw caught;
      const { error } = caught;
      const offset = caught.offset - start;
      if (blanked.length >= MAX_BLANKED_DOCUMENTS) throw error;
      const documentStart = documentStartBefore(source, offset);
      const content = source.slice(documentStart, offset).search(/[^\s]/) + documentStart + (source.startsWith('---', documentStart) ? 3 : 0);
      const first = source.slice(content, offset).search(/[^\s]/);
      if (first < 0) throw error;
      // A null (`~`) where the content began keeps a document there to hold the problem.
      source = `${source.slice(0, content + first)}~${source.slice(content + first + 1, offset).replace(/[^\r\n]/g, ' ')}${source.slice(offset)}`;
      blanked.push(start + content + first);
    }
  }
}

/** The parser's tokens, with its stack overflow told apart from anything the composer throws. */
function* tokensOf(parser: Parser, source: string): Generator<CST.Token> {
  const tokens = parser.parse(source);
  for (;;) {
    let next: IteratorResult<CST.Token>;
    try {
      next = tokens.next();
    } catch (error) {
      if (error instanceof RangeError) throw new ParserOverflow(error, parser.offset);
      throw error;
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The offset of the `---` line that starts the document holding `offset` (not one at `offset` itself), or 0. */
function documentStartBefore(text: string, offset: number): number {
  let start = 0;
  DOCUMENT_START.lastIndex = 0;
  for (let match = DOCUMENT_START.exec(text); match && match.index < offset; match = DOCUMENT_START.exec(text)) start = match.index;
  return start;
}

function compose(tokens: Iterable<CST.Token>, length: number, maxDepth: number, options: ComposeOptions, blanked: readonly number[]): ComposedDocument[] {
  const composer = new Composer(options);
  const composed: ComposedDocument[] = [];
  const pending: Array<{ tooDeepAt?: number; syntaxDepth: number; end?: number }> = [];
  let open: { tooDeepAt?: number; syntaxDepth: number; end?: number } | undefined;
  const take = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) {
      const info = pending.shift() ?? { syntaxDepth: 0 };
      if (info.tooDeepAt !== undefined && info.end !== undefined) doc.range = [doc.range[0], info.end, info.end];
      composed.push({ doc, tooDeepAt: info.tooDeepAt, syntaxDepth: info.syntaxDepth });
    }
  };
  for (const token of tokens) {
    if (open && open.end === undefined) open.end = token.offset;
    if (token.type === 'document') {
      const { tooDeepAt, depth } = token.value ? collectionDepth(token.value, maxDepth) : { depth: 0 };
      open = { tooDeepAt, syntaxDepth: depth };
      pending.push(open);
      if (tooDeepAt !== undefined) token.value = undefined;
    }
    take(composer.next(token));
  }
  if (open && open.end === undefined) open.end = length;
  take(composer.end());
  for (const at of blanked) {
    const index = composed.findIndex(({ doc }) => at >= doc.range[0] && at < doc.range[2]);
    if (index < 0) continue;
    const holder = composed[index];
    const end = composed[index + 1]?.doc.range[0] ?? length;
    holder.tooDeepAt = at;
    holder.doc.contents = null;
    // Its errors are about the blanked text, not the user's.
    holder.doc.errors = [];
    holder.doc.range = [holder.doc.range[0], end, end];
  }
  return composed;
}

/**
 * How deep `root` nests collections, found with an explicit stack; stops at the first collection more than
 * `maxDepth` deep and gives its offset.
 */
function collectionDepth(root: CST.Token, maxDepth: number): { tooDeepAt?: number; depth: number } {
  if (!isCollectionToken(root)) return { depth: 0 };
  const tokens: CST.Token[] = [root];
  const depths: number[] = [1];
  let deepest = 0;
  while (tokens.length > 0) {
    const token = tokens.pop() as CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
    const depth = depths.pop()!;
    if (depth > maxDepth) return { tooDeepAt: token.offset, depth };
    if (depth > deepest) deepest = depth;
    for (const item of token.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
      if (item.key && isCollectionToken(item.key)) {
        tokens.push(item.key);
        depths.push(depth + 1);
      }
      if (item.value && isCollectionToken(item.value)) {
        tokens.push(item.value);
        depths.push(depth + 1);
      }
    }
  }
  return { depth: deepest };
}

function isCollectionToken(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}
