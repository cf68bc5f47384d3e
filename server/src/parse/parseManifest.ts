import { isMap, isScalar, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import type { ManifestFile, Resource, Span, SyntaxProblem, YamlDocument } from './model';

export interface ParseOptions {
  /** Above this many characters only the YAML syntax is checked. */
  maxAnalysisSize?: number;
}

export const DEFAULT_MAX_ANALYSIS_SIZE = 5_000_000;
/** Aliases expanded into plain JSON at most; more is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;
const TEMPLATE_ACTION = /\{\{[\s\S]*?\}\}/;
const TOP_LEVEL_KUBERNETES_KEY = /^(apiVersion|kind)[ \t]*:/m;

export function parseManifest(text: string, options: ParseOptions = {}): ManifestFile {
  const oversized = text.length > (options.maxAnalysisSize ?? DEFAULT_MAX_ANALYSIS_SIZE);
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const documents: YamlDocument[] = [];
  const resources: Resource[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  const all = Array.isArray(parsed) ? parsed : [];
  // parseAllDocuments returns an EmptyStream for empty input.
  for (const doc of all) {
    const yamlDocument: YamlDocument = { index: documents.length, doc, span: clampSpan(doc.range, text.length) };
    documents.push(yamlDocument);
    for (const error of doc.errors) syntaxProblems.push(toProblem(error, error.code === 'DUPLICATE_KEY' ? 'warning' : 'error', text.length));
    for (const warning of doc.warnings) syntaxProblems.push(toProblem(warning, 'warning', text.length));
    if (oversized) continue;
    const resource = readResource(yamlDocument, resources.length, text.length);
    if (!resource) continue;
    yamlDocument.resource = resource;
    resources.push(resource);
    if (!resource.object) {
      syntaxProblems.push({
        code: 'ALIAS_LIMIT',
        message: `This document expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"); it is not analysed further.`,
        span: resource.span,
        severity: 'error',
      });
    }
  }
  const looksLikeKubernetes = resources.length > 0 || TOP_LEVEL_KUBERNETES_KEY.test(text);
  return { text, documents, resources, syntaxProblems, templated: TEMPLATE_ACTION.test(text), oversized, looksLikeKubernetes };
}

function readResource(yamlDocument: YamlDocument, index: number, length: number): Resource | undefined {
  const root = yamlDocument.doc.contents;
  if (!isMap(root) || !root.has('apiVersion') || !root.has('kind')) return undefined;
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
    object: toPlainObject(yamlDocument.doc),
  };
}

function toPlainObject(doc: Document.Parsed): Record<string, unknown> | undefined {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
