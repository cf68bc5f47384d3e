import { isMap, isScalar, Scalar, visit, type Document, type YAMLMap } from 'yaml';
import { composeChunks, type ParsedChunk, type PreviousParse } from './documentChunks';
import { largeManifestFile } from './largeFileSyntax';
import type { ManifestFile, Resource, Span, SyntaxProblem, YamlDocument } from './model';
import { MAX_NESTING_DEPTH, nodeNestedDeeperThan } from './nestingDepth';
import { duplicateAcrossBranches, templateFacts, type TemplateFacts } from './helm/templateFacts';
import { badMergeKey, mayHoldAliases, resolveAliases } from './resolveAliases';
import type { UseSite } from '../yaml/resolved';

export interface ParseOptions {
  /** Above this many characters only the YAML syntax is checked (the editor passes podlab.maxFileSize); default: no limit. */
  maxAnalysisSize?: number;
  /** Above that size, leave the syntax check to the caller (`syntaxCheckPending`), which runs it in slices. */
  deferLargeFileSyntax?: boolean;
  /**
   * The parse of the previous version of the same file: the documents an edit did not touch are taken from it instead
   * of parsed again. It must not be used afterwards (its documents move to the new parse).
   */
  previous?: ManifestFile;
}

/** Syntax problems kept per file; the rest are summed up in one more problem, so a broken file does not flood the editor. */
export const MAX_SYNTAX_PROBLEMS = 50;
/** Aliases expanded into plain JSON at most; more is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;
const TOP_LEVEL_KUBERNETES_KEY = /^(apiVersion|kind)[ \t]*:/m;
const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error', merge: true } as const;

/**
 * A template is parsed with its actions masked, every branch read. Should the branches together not make valid YAML
 * (`{{ if }}` a block map `{{ else }}` `{}`), the first branches alone are read, when that has fewer YAML errors.
 */
function composeTemplate(text: string, previous: PreviousParse | undefined): { chunks: ParsedChunk[]; template: TemplateFacts } {
  const template = templateFacts(text);
  const chunks = composeChunks(template.masked, MAX_NESTING_DEPTH, COMPOSE_OPTIONS, previous);
  const errors = yamlErrorCount(chunks);
  if (errors === 0 || !template.actions.some((action) => action.keyword === 'else')) return { chunks, template };
  const firstBranches = templateFacts(text, true);
  const alternative = composeChunks(firstBranches.masked, MAX_NESTING_DEPTH, COMPOSE_OPTIONS);
  return yamlErrorCount(alternative) < errors ? { chunks: alternative, template: firstBranches } : { chunks, template };
}

function yamlErrorCount(chunks: readonly ParsedChunk[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.documents.reduce((count, { doc }) => count + doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').length, 0), 0);
}

export function parseManifest(editorText: string, options: ParseOptions = {}): ManifestFile {
  const text = withLoneCarriageReturnsAsLineFeeds(editorText);
  const maxAnalysisSize = options.maxAnalysisSize ?? Infinity;
  const oversized = text.length > maxAnalysisSize;
  const templated = hasTemplateAction(text);
  if (oversized) return largeManifestFile(text, { templated, looksLikeKubernetes: TOP_LEVEL_KUBERNETES_KEY.test(text) }, !!options.deferLargeFileSyntax);
  const previous = options.previous?.chunks ? { text: options.previous.template?.masked ?? options.previous.text, chunks: options.previous.chunks } : undefined;
  const { chunks, template } = templated ? composeTemplate(text, previous) : { chunks: composeChunks(text, MAX_NESTING_DEPTH, COMPOSE_OPTIONS, previous), template: undefined };
  const documents: YamlDocument[] = [];
  const resources: Resource[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  const aliasUses: UseSite[] = [];
  for (const { doc, tooDeepAt, syntaxDepth } of chunks.flatMap((chunk) => chunk.documents)) {
    const yamlDocument: YamlDocument = { index: documents.length, doc, span: clampSpan(doc.range, text.length) };
    documents.push(yamlDocument);
    const nesting = guardNesting(doc, text, tooDeepAt, syntaxDepth);
    if (nesting) {
      yamlDocument.tooDeep = true;
      syntaxProblems.push(nesting);
    }
    for (const error of doc.errors) {
      if (error.code === 'RESOURCE_EXHAUSTION') continue;
      if (template && error.code === 'DUPLICATE_KEY' && duplicateAcrossBranches(doc, error.pos[0], template)) continue;
      const problem = toProblem(error, error.code === 'DUPLICATE_KEY' ? 'warning' : 'error', text.length);
      if (error.code === 'DUPLICATE_KEY') problem.span = keySpanAt(doc, problem.span[0]) ?? problem.span;
      else problem.span = unclosedOpeningSpan(doc, text, error) ?? problem.span;
      syntaxProblems.push(problem);
    }
    for (const warning of doc.warnings) syntaxProblems.push(toProblem(warning, 'warning', text.length));
    if (oversized) continue;
    const resource = readResource(yamlDocument, resources.length, text, aliasUses);
    if (!resource) continue;
    yamlDocument.resource = resource;
    resources.push(resource);
    if (!resource.object) syntaxProblems.push(plainObjectProblem(doc, resource, text.length));
  }
  const looksLikeKubernetes = resources.length > 0 || TOP_LEVEL_KUBERNETES_KEY.test(text);
  return { text, documents, resources, syntaxProblems: capProblems(syntaxProblems), templated, template, oversized, looksLikeKubernetes, chunks, aliasUses };
}

/** The document has YAML errors (duplicate keys, only warned about, do not count): its tree is the parser's best guess. */
export function hasSyntaxErrors(document: YamlDocument): boolean {
  return document.doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

/**
 * The editor (and YAML) take a lone `\r` for a line break; the parser does not (it would read `-\rx` as one scalar
 * over two editor lines), nor does any code here that looks for `\n`. Swapping it for `\n` keeps every offset, so
 * spans and edits computed on the result fit the editor's text.
 */
function withLoneCarriageReturnsAsLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Holds a Helm/Go template action: a `{{` with a `}}` after it (indexOf, not a lazy regex, which is quadratic on many `{{`). */
function hasTemplateAction(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

/**
 * A document nested too deeply is left empty (composeDocuments did not compose it; or, should the composer still run
 * out of stack, its tree is dropped here): nothing downstream walks it, and one problem says why, on the line where
 * the limit is crossed, instead of the parser's "Maximum call stack size exceeded". The tree is walked only when its
 * syntax tree is deep enough for the tree to cross the limit (see ComposedDocument.syntaxDepth).
 */
function guardNesting(doc: Document.Parsed, text: string, tooDeepAt: number | undefined, syntaxDepth: number): SyntaxProblem | undefined {
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  const mayNestTooDeep = tooDeepAt === undefined && 2 * syntaxDepth > MAX_NESTING_DEPTH;
  const deep = mayNestTooDeep ? nodeNestedDeeperThan(doc.contents)?.range?.[0] : tooDeepAt;
  if (!exhausted && deep === undefined) return undefined;
  doc.contents = null;
  const start = Math.min(deep ?? exhausted?.pos[0] ?? 0, text.length);
  const lineEnd = text.slice(start).search(/[\r\n]/);
  return {
    code: 'NESTING_LIMIT',
    message: `This document nests collections more than ${MAX_NESTING_DEPTH} levels deep: Podlab checks only its YAML syntax and does not analyse it.`,
    span: [start, lineEnd < 0 ? text.length : start + lineEnd],
    severity: 'error',
  };
}

/** Why a resource has no plain object: an alias bomb, or an alias whose anchor does not exist (before it). */
function plainObjectProblem(doc: Document.Parsed, resource: Resource, length: number): SyntaxProblem {
  let unresolved: Span | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return undefined;
      unresolved = clampSpan(alias.range, length);
      return visit.BREAK;
    },
  });
  if (unresolved) {
    return { code: 'BAD_ALIAS', message: 'This alias has no anchor of that name before it; the document is not analysed further.', span: unresolved, severity: 'error' };
  }
  const merge = badMergeKey(doc);
  if (merge) {
    return { code: 'BAD_MERGE', message: 'A merge key (<<) takes a map or a list of maps (Kubernetes rejects anything else); the document is not analysed further.', span: merge, severity: 'error' };
  }
  return {
    code: 'ALIAS_LIMIT',
    message: `This document expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"); it is not analysed further.`,
    span: resource.span,
    severity: 'error',
  };
}

/**
 * An unclosed quote or flow collection is reported where the parser gave up (often the end of the file);
 * point instead at its opening character, through the end of that line.
 */
function unclosedOpeningSpan(doc: Document.Parsed, text: string, error: { code: string; message: string; pos: [number, number] }): Span | undefined {
  const quote = error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
  const flow = error.code === 'BAD_INDENT' && /^Flow (sequence|map) .* end with a [\]}]/.test(error.message);
  if (!quote && !flow) return undefined;
  let start: number | undefined;
  const check = (node: { range?: [number, number, number] | null }, matches: boolean) => {
    if (!matches || node.range?.[1] !== error.pos[0]) return undefined;
    start = node.range[0];
    return visit.BREAK;
  };
  visit(doc, {
    Scalar: (_, node) => check(node, quote && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)),
    Map: (_, node) => check(node, flow && !!node.flow),
    Seq: (_, node) => check(node, flow && !!node.flow),
  });
  if (start === undefined) return undefined;
  const lineEnd = text.slice(start).search(/[\r\n]/);
  return [start, lineEnd < 0 ? text.length : start + Math.max(lineEnd, 1)];
}

/** The whole key that starts at `offset` (the parser points at its first character only). */
function keySpanAt(doc: Document.Parsed, offset: number): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Pair(_, pair) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (range?.[0] !== offset) return undefined;
      span = [range[0], range[1]];
      return visit.BREAK;
    },
  });
  return span;
}

/** Keeps the first problems in document order and replaces the rest with one that counts them. */
function capProblems(problems: SyntaxProblem[]): SyntaxProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const sorted = [...problems].sort((a, b) => a.span[0] - b.span[0]);
  const kept = sorted.slice(0, MAX_SYNTAX_PROBLEMS);
  const rest = sorted.length - kept.length;
  const firstHidden = sorted[MAX_SYNTAX_PROBLEMS];
  kept.push({
    code: 'TOO_MANY_PROBLEMS',
    message: `${rest} more YAML problem${rest === 1 ? '' : 's'} from here on ${rest === 1 ? 'is' : 'are'} not shown; fix the ones above first.`,
    span: firstHidden.span,
    severity: 'error',
  });
  return kept;
}

function readResource(yamlDocument: YamlDocument, index: number, text: string, aliasUses: UseSite[]): Resource | undefined {
  const { length } = text;
  const contents = yamlDocument.doc.contents;
  if (!isMap(contents) || !contents.has('apiVersion') || !contents.has('kind')) return undefined;
  const object = toPlainObject(yamlDocument.doc);
  // An alias bomb (no plain object) is not expanded here either.
  const root = object ? resolvedContents(yamlDocument, text, aliasUses) as YAMLMap : contents;
  const metadata = root.get('metadata');
  return {
    index,
    document: yamlDocument,
    root,
    apiVersion: scalarString(root, 'apiVersion'),
    kind: scalarString(root, 'kind'),
    name: isMap(metadata) ? scalarString(metadata, 'name') : undefined,
    namespace: isMap(metadata) ? scalarString(metadata, 'namespace') : undefined,
    span: clampSpan(root.range ?? yamlDocument.doc.range, length),
    object,
  };
}

/** The document's contents with aliases and merge keys resolved (see resolveAliases); as written when there are none, or too many. */
function resolvedContents(yamlDocument: YamlDocument, text: string, aliasUses: UseSite[]): unknown {
  const { doc } = yamlDocument;
  if (!doc.contents || !mayHoldAliases(text, yamlDocument.span)) return doc.contents;
  const resolution = resolveAliases(doc);
  if (!resolution) return doc.contents;
  aliasUses.push(...resolution.uses);
  return resolution.contents;
}

/** Documents reused from the previous version's parse keep their plain object too. */
const plainObjects = new WeakMap<Document.Parsed, Record<string, unknown> | undefined>();

function toPlainObject(doc: Document.Parsed): Record<string, unknown> | undefined {
  if (plainObjects.has(doc)) return plainObjects.get(doc);
  let object: Record<string, unknown> | undefined;
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    object = undefined;
  }
  plainObjects.set(doc, object);
  return object;
}

function scalarString(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

function toProblem(error: { code: string; message: string; pos: [number, number] }, severity: 'error' | 'warning', length: number): SyntaxProblem {
  const message = error.code === 'DUPLICATE_KEY'
    ? 'Duplicate key: most YAML readers keep the last value, and kubectl with strict field validation rejects the object.'
    : firstLine(error.message);
  return { code: error.code, message, span: clampSpan(error.pos, length), severity };
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return end < 0 ? message : message.slice(0, end);
}

function clampSpan(range: readonly number[] | null | undefined, length: number): Span {
  const start = Math.min(Math.max(range?.[0] ?? 0, 0), length);
  const end = Math.min(Math.max(range?.[1] ?? start, start), length);
  return [start, end];
}
