import { Composer, CST, isCollection, isScalar, Parser, Scalar, visit, type Document } from 'yaml';
import type { ManifestFile, Span, SyntaxProblem } from './model';
import { MAX_NESTING_DEPTH } from './nestingDepth';

/** Syntax problems reported for a file above the size setting; the rest are counted in one more problem. */
export const MAX_LARGE_FILE_PROBLEMS = 100;
/** Characters handed to the parser per slice; the check can pause after each. */
export const SLICE_CHARS = 64 * 1024;
/**
 * A document longer than this is not composed (its syntax tree alone is checked): composing keeps every node of it
 * alive at once, some fifty bytes of memory per character.
 */
export const MAX_COMPOSED_DOCUMENT = 2_000_000;

/** As parseManifest words it, so that a duplicate key reads the same in a file of any size. */
const DUPLICATE_KEY_MESSAGE = 'Duplicate key: most YAML readers keep the last value, and kubectl with strict field validation rejects the object.';
const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' } as const;

export interface LargeFileFacts {
  templated: boolean;
  looksLikeKubernetes: boolean;
}

/**
 * The ManifestFile of a file above the size setting: no document is kept, so no rule, hover or simulation walks it.
 * Its syntax is checked now, or (`deferred`) later in slices by whoever holds it (see checkInSlices).
 */
export function largeManifestFile(text: string, facts: LargeFileFacts, deferred: boolean): ManifestFile {
  // Those files get one notice and nothing else (see analyze): checking their syntax would be wasted.
  const checked = facts.looksLikeKubernetes && !facts.templated;
  const file: ManifestFile = { text, documents: [], resources: [], syntaxProblems: [], oversized: true, ...facts };
  if (checked && deferred) file.syntaxCheckPending = true;
  else if (checked) file.syntaxProblems = runToEnd(largeFileSyntaxSlices(text));
  return file;
}

/**
 * Checks the YAML syntax of `text` one slice at a time, yielding after each slice and returning the problems.
 * The text goes to the parser in slices that end at line ends, so a document of any length can be paused in; each finished
 * document is composed for the composer's checks (indentation, tabs, unclosed quotes and flows, duplicate keys)
 * and dropped at once, so memory holds one document, not the file.
 */
export function* largeFileSyntaxSlices(text: string, sliceChars = SLICE_CHARS): Generator<void, SyntaxProblem[]> {
  const problems = new ProblemList(text, MAX_LARGE_FILE_PROBLEMS);
  const parser = new Parser();
  const composer = new Composer(COMPOSE_OPTIONS);
  let documentStart = 0;
  const take = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) problems.addDocument(doc);
  };
  const handle = (token: CST.Token) => {
    if (token.type !== 'document') return take(composer.next(token));
    const end = parser.offset;
    const tooDeepAt = token.value ? collectionDeeperThan(token.value, MAX_NESTING_DEPTH) : undefined;
    if (tooDeepAt !== undefined) {
      problems.add(nestingProblem(text, tooDeepAt));
      token.value = undefined;
    } else if (end - documentStart > MAX_COMPOSED_DOCUMENT) {
      problems.addTreeOnly(token);
      token.value = undefined;
    }
    documentStart = end;
    take(composer.next(token));
  };
  for (let from = 0; from < text.length && !problems.full;) {
    const to = sliceEnd(text, from + sliceChars);
    const last = to >= text.length;
    try {
      for (const token of parser.parse(text.slice(from, to), !last)) handle(token);
      if (last) take(composer.end());
    } catch (error) {
      // The parser recurses when it closes thousands of block collections at once.
      if (!(error instanceof RangeError)) throw error;
      problems.add({ ...nestingProblem(text, Math.min(parser.offset, text.length)), message: `Collections nest too deeply here for the YAML parser: Podlab stops checking the syntax of this file at this line.` });
      break;
    }
    from = to;
    yield;
  }
  return problems.result();
}

/** Runs every slice at once (tests, and callers that cannot wait). */
export function runToEnd<T>(slices: Generator<void, T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * The end of the line holding `offset` (just past its line break), or the end of the text: the lexer does not give
 * the same tokens for every cut inside a line (a plain scalar or flow collection cut in two), but does at line ends.
 */
function sliceEnd(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const lineEnd = text.indexOf('\n', offset);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

function nestingProblem(text: string, at: number): SyntaxProblem {
  return {
    code: 'NESTING_LIMIT',
    message: `This document nests collections more than ${MAX_NESTING_DEPTH} levels deep: Podlab checks only its YAML syntax and does not analyse it.`,
    span: [at, lineEnd(text, at)],
    severity: 'error',
  };
}

function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' && end - 1 > at ? end - 1 : end;
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

/** Problems in document order, at most `limit` of them, then one that counts the rest. */
class ProblemList {
  private readonly kept: SyntaxProblem[] = [];
  private hidden = 0;
  private firstHidden: Span | undefined;

  constructor(private readonly text: string, private readonly limit: number) {}

  /** Enough is known: past the limit, only the count of the rest is missing, and it is not worth a full parse. */
  get full(): boolean {
    return this.hidden >= this.limit * 100;
  }

  add(problem: SyntaxProblem): void {
    if (this.kept.length < this.limit) {
      this.kept.push(problem);
      return;
    }
    this.hidden++;
    this.firstHidden ??= problem.span;
  }

  addDocument(doc: Document.Parsed): void {
    const found: SyntaxProblem[] = [];
    for (const error of doc.errors) {
      if (error.code === 'RESOURCE_EXHAUSTION') continue;
      const message = error.code === 'DUPLICATE_KEY' ? DUPLICATE_KEY_MESSAGE : firstLine(error.message);
      found.push({ code: error.code, message, span: this.spanOf(doc, error), severity: error.code === 'DUPLICATE_KEY' ? 'warning' : 'error' });
    }
    for (const warning of doc.warnings) found.push({ code: warning.code, message: firstLine(warning.message), span: this.clamp(warning.pos), severity: 'warning' });
    found.sort((a, b) => a.span[0] - b.span[0]).forEach((problem) => this.add(problem));
  }

  /** A document too long to compose: the problems its syntax tree holds (stray tokens, unclosed quotes and flows). */
  addTreeOnly(token: CST.Document): void {
    const found: SyntaxProblem[] = [];
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (!node) continue;
        if (node.type === 'error') found.push(this.strayToken(node));
        const unclosed = unclosedOpening(node);
        if (unclosed) found.push({ code: 'MISSING_CHAR', message: unclosed, span: [node.offset, lineEnd(this.text, node.offset)], severity: 'error' });
      }
    });
    found.sort((a, b) => a.span[0] - b.span[0]).forEach((problem) => this.add(problem));
  }

  result(): SyntaxProblem[] {
    if (!this.firstHidden) return this.kept;
    const more = this.full ? `${this.hidden} or more` : `${this.hidden}`;
    return [...this.kept, {
      code: 'TOO_MANY_PROBLEMS',
      message: `${more} more YAML problem${this.hidden === 1 ? '' : 's'} from here on ${this.hidden === 1 ? 'is' : 'are'} not shown; fix the ones above first.`,
      span: this.firstHidden,
      severity: 'error',
    }];
  }

  private strayToken(token: CST.ErrorToken): SyntaxProblem {
    return { code: 'UNEXPECTED_TOKEN', message: firstLine(token.message), span: this.clamp([token.offset, token.offset + token.source.length]), severity: 'error' };
  }

  /**
   * Where the problem is: a duplicate key as the whole key; an unclosed quote or flow collection at its opening
   * character through the end of that line (the parser reports it where it gave up, often the end of the file).
   */
  private spanOf(doc: Document.Parsed, error: { code: string; message: string; pos: [number, number] }): Span {
    const quote = error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
    const flow = error.code === 'BAD_INDENT' && /^Flow (sequence|map) .* end with a [\]}]/.test(error.message);
    if (error.code !== 'DUPLICATE_KEY' && !quote && !flow) return this.clamp(error.pos);
    let span: Span | undefined;
    visit(doc, {
      Pair: (_, pair) => {
        const range = isScalar(pair.key) || isCollection(pair.key) ? pair.key.range : undefined;
        if (error.code !== 'DUPLICATE_KEY' || range?.[0] !== error.pos[0]) return undefined;
        span = [range[0], range[1]];
        return visit.BREAK;
      },
      Scalar: (_, node) => {
        if (!quote || node.range?.[1] !== error.pos[0] || (node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE)) return undefined;
        span = [node.range[0], lineEnd(this.text, node.range[0])];
        return visit.BREAK;
      },
      Collection: (_, node) => {
        if (!flow || !node.flow || node.range?.[1] !== error.pos[0]) return undefined;
        span = [node.range[0], lineEnd(this.text, node.range[0])];
        return visit.BREAK;
      },
    });
    return span ? this.clamp(span) : this.clamp(error.pos);
  }

  private clamp(range: readonly number[]): Span {
    const start = Math.min(Math.max(range[0] ?? 0, 0), this.text.length);
    return [start, Math.min(Math.max(range[1] ?? start, start), this.text.length)];
  }
}

/** What is left open in a syntax tree node: a quote or a flow collection. */
function unclosedOpening(node: CST.Token): string | undefined {
  if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
    const quote = node.type === 'double-quoted-scalar' ? '"' : "'";
    const source = node.source.trimEnd();
    const closed = source.length > 1 && source.endsWith(quote) && (quote === "'" || !source.endsWith('\\"') || source.endsWith('\\\\"'));
    return closed ? undefined : `Missing closing ${quote}quote`;
  }
  if (node.type === 'flow-collection' && node.end.length === 0) {
    return `Flow ${node.start.source === '[' ? 'sequence' : 'map'} has no closing ${node.start.source === '[' ? ']' : '}'}`;
  }
  return undefined;
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return end < 0 ? message : message.slice(0, end);
}
