import { Composer, Parser, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export interface ComposedDocument {
  doc: Document.Parsed;
  /** Offset at which the document nests collections deeper than the limit: it was left empty instead of composed. */
  tooDeepAt?: number;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Documents whose text was blanked so that the parser could get past them, at most (each retry costs a parse). */
const MAX_BLANKED_DOCUMENTS = 20;
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * `parseAllDocuments`, except that a document whose collections nest deeper than `maxDepth` is not composed: its
 * contents stay empty. The composer recurses once per level and, past a few thousand levels, runs out of stack at a
 * depth that depends on how deep the caller's stack already is, so the same text would give different trees. The
 * concrete syntax tree is measured without recursion. Its parser recurses too, but only when it closes thousands of
 * block collections at once; then the document it was in is blanked (same length, so offsets hold) and parsed again.
 */
export function composeDocuments(text: string, maxDepth: number, options: Options): ComposedDocument[] {
  let source = text;
  const blanked: number[] = [];
  for (;;) {
    const parser = new Parser();
    let tokens: CST.Token[];
    try {
      tokens = [...parser.parse(source)];
    } catch (error) {
      if (!(error instanceof RangeError) || blanked.length >= MAX_BLANKED_DOCUMENTS) throw error;
      const start = documentStartBefore(source, parser.offset);
      const content = source.slice(start, parser.offset).search(/[^\s]/) + start + (source.startsWith('---', start) ? 3 : 0);
      const first = source.slice(content, parser.offset).search(/[^\s]/);
      if (first < 0) throw error;
      // A null (`~`) where the content began keeps a document there to hold the problem.
      source = `${source.slice(0, content + first)}~${source.slice(content + first + 1, parser.offset).replace(/[^\r\n]/g, ' ')}${source.slice(parser.offset)}`;
      blanked.push(content + first);
      continue;
    }
    return compose(tokens, source.length, maxDepth, options, blanked);
  }
}

/** The offset of the `---` line that starts the document holding `offset` (not one at `offset` itself), or 0. */
function documentStartBefore(text: string, offset: number): number {
  let start = 0;
  DOCUMENT_START.lastIndex = 0;
  for (let match = DOCUMENT_START.exec(text); match && match.index < offset; match = DOCUMENT_START.exec(text)) start = match.index;
  return start;
}

function compose(tokens: CST.Token[], length: number, maxDepth: number, options: Options, blanked: readonly number[]): ComposedDocument[] {
  const composer = new Composer(options);
  const composed: ComposedDocument[] = [];
  const pending: Array<{ tooDeepAt?: number; end?: number }> = [];
  let open: { tooDeepAt?: number; end?: number } | undefined;
  const take = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) {
      const info = pending.shift() ?? {};
      if (info.tooDeepAt !== undefined && info.end !== undefined) doc.range = [doc.range[0], info.end, info.end];
      composed.push({ doc, tooDeepAt: info.tooDeepAt });
    }
  };
  for (const token of tokens) {
    if (open && open.end === undefined) open.end = token.offset;
    if (token.type === 'document') {
      const tooDeepAt = token.value ? collectionDeeperThan(token.value, maxDepth) : undefined;
      open = { tooDeepAt };
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

/** The offset of the first collection more than `maxDepth` collections deep, found with an explicit stack. */
function collectionDeeperThan(root: CST.Token, maxDepth: number): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = [{ token: root, depth: 1 }];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth > maxDepth) return token.offset;
    for (const item of token.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
