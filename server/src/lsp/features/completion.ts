import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { indentsSequences, indentUnitOf } from '../../yaml/edits';
import { enumValueMeaning } from '../../hovers/knowledge/enumValues';
import type { ManifestFile, YamlDocument } from '../../parse/model';
import type { PathSegment } from '../../yaml/nodes';
import { BUILTIN_SCHEMA } from '../../schema/builtin';
import { defaultOf } from '../../hovers/fieldHover';
import { typeLabel, type Field, type ObjectType } from '../../schema/model';
import { preferredVersionOf } from '../../schema/resolveKind';
import { rootSchemaOf, schemaAtPath, type SchemaAtPath } from '../../schema/schemaAt';
import type { WorkspaceView } from '../../workspace/view';
import { actionAt } from '../../parse/helm/valuesRef';
import { valuesCompletion } from './helmValues';
import type { FeatureContext } from '../context';

/** Stands in for the key being typed, so that the YAML parser places it by its indentation. */
const PROBE = 'podlabCompletionProbe';

interface Cursor {
  /** The parsed YAML document under the cursor (this version's cached parse). */
  document?: YamlDocument;
  /** The document's text (from its `---`, or the file's start, to the next document). */
  region: string;
  regionStart: number;
  offset: number;
  line: string;
  lineStart: number;
  /** Custom resources' schemas come from the workspace's CRDs. */
  workspace?: WorkspaceView;
}

/** Completion in a Kubernetes manifest: keys allowed at the cursor, enum values, apiVersions and kinds. */
export function completion(context: FeatureContext, position: Position): CompletionItem[] {
  const { document, file, workspace } = context;
  if (file.oversized) return [];
  const at = document.offsetAt(position);
  if (file.template) {
    const values = valuesCompletion(context, at);
    if (values) return values;
    if (actionAt(file.template, at)) return [];
  }
  if (file.documents.some((yamlDocument) => yamlDocument.tooDeep && at >= yamlDocument.span[0] && at <= yamlDocument.span[1])) return [];
  const cursor = cursorAt(document, file, position, workspace);
  if (!cursor) return [];
  if (!file.looksLikeKubernetes && !blankBesides(file.text, cursor)) return [];
  const before = cursor.line.slice(0, cursor.offset - cursor.lineStart);
  const after = cursor.line.slice(cursor.offset - cursor.lineStart);
  if (/^\s*#/.test(before)) return [];
  const valueMatch = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?):\s+([^\s#]*)$/.exec(before);
  if (valueMatch) return valueCompletions(document, cursor, valueMatch[1].length, valueMatch[2], valueMatch[3], after);
  const keyMatch = /^(\s*(?:-\s+)*)([A-Za-z0-9_./-]*)$/.exec(before);
  if (keyMatch) return keyCompletions(document, cursor, keyMatch[1].length, keyMatch[2], after);
  return [];
}

/** Nothing but blank lines, comments and `---` outside the cursor's line: a new file, which may become a manifest. */
function blankBesides(text: string, cursor: Cursor): boolean {
  const others = text.slice(0, cursor.lineStart) + text.slice(cursor.lineStart + cursor.line.length);
  return others.split(/\r?\n/).every((line) => /^\s*(?:#.*|---\s*)?$/.test(line));
}

function cursorAt(document: TextDocument, file: ManifestFile, position: Position, workspace?: WorkspaceView): Cursor | undefined {
  const offset = document.offsetAt(position);
  // In a template, the text the parser read: actions masked, offsets unchanged.
  const text = file.template?.masked ?? file.text;
  let index = -1;
  for (let i = 0; i < file.documents.length; i++) {
    if (file.documents[i].span[0] <= offset || i === 0) index = i;
    else break;
  }
  const regionStart = index <= 0 ? 0 : file.documents[index].doc.range[0];
  const next = file.documents[index + 1];
  const regionEnd = next ? next.doc.range[0] : text.length;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  return { document: file.documents[index], region: text.slice(regionStart, regionEnd), regionStart, offset, line: text.slice(lineStart, lineEnd).replace(/\r$/, ''), lineStart, workspace };
}

/** Where the key at `keyColumn` of the cursor's line goes: its path, its map (without that key) and the document's root map. */
interface Placement {
  path: PathSegment[];
  /** The map's other keys. */
  siblings: string[];
  apiVersion?: string;
  kind?: string;
}

/**
 * Where the line's key goes. When the line already holds that key and its document parsed cleanly, the cached parse
 * says so directly; otherwise (a half-typed key, which YAML may read as part of the value above) only a parse of
 * the document with a probe key in its place can tell.
 */
function placementOf(cursor: Cursor, keyColumn: number, keyEnd: number, hasKey: boolean): Placement | undefined {
  if (hasKey && cursor.document && cursor.document.doc.errors.length === 0) {
    // Resolved: keys a merge key (<<) brings in are siblings too.
    const root = cursor.document.resource?.root ?? cursor.document.doc.contents;
    const keyOffset = cursor.lineStart + keyColumn;
    const found = isMap(root) ? pairWithKeyAt(root, keyOffset, []) : undefined;
    if (found && isMap(root)) {
      const others = (map: YAMLMap) => map.items.filter((pair) => pair !== found.pair);
      return { path: found.path, siblings: keysOf(others(found.map)), apiVersion: scalarOf(others(root), 'apiVersion'), kind: scalarOf(others(root), 'kind') };
    }
  }
  const probed = probe(cursor, keyColumn, keyEnd, '');
  if (!probed) return undefined;
  const others = (map: YAMLMap) => map.items.filter((pair) => !(isScalar(pair.key) && pair.key.value === PROBE));
  return { path: probed.path, siblings: keysOf(others(probed.map)), apiVersion: scalarOf(probed.root.items, 'apiVersion'), kind: scalarOf(probed.root.items, 'kind') };
}

/** The pair whose key starts at `offset`, descending only into the collections that span it. */
function pairWithKeyAt(node: Node, offset: number, path: PathSegment[]): { pair: Pair; map: YAMLMap; path: PathSegment[] } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const keyRange = pair.key.range;
      if (keyRange?.[0] === offset) return { pair, map: node, path };
      const value = pair.value as Node | null;
      if (value && (isMap(value) || isSeq(value)) && value.range && value.range[0] <= offset && offset < value.range[2]) {
        return pairWithKeyAt(value, offset, [...path, String(pair.key.value)]);
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item && (isMap(item) || isSeq(item)) && item.range && item.range[0] <= offset && offset < item.range[2]) return pairWithKeyAt(item, offset, [...path, i]);
    }
  }
  return undefined;
}

function keysOf(pairs: readonly Pair[]): string[] {
  return pairs.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
}

/** Parses the document with the probe in place of the line's key; returns where the probe landed. */
function probe(cursor: Cursor, keyColumn: number, keyEnd: number, value: string): { path: PathSegment[]; map: YAMLMap; root: YAMLMap } | undefined {
  const from = cursor.lineStart + keyColumn - cursor.regionStart;
  const to = cursor.lineStart + keyEnd - cursor.regionStart;
  const lineEnd = cursor.lineStart + cursor.line.length - cursor.regionStart;
  const probed = `${cursor.region.slice(0, from)}${PROBE}: ${value}${cursor.region.slice(Math.max(to, lineEnd))}`;
  const doc = parseDocument(probed, { uniqueKeys: false, strict: false, logLevel: 'silent' });
  if (!isMap(doc.contents)) return undefined;
  const found = findProbe(doc.contents, []);
  return found ? { ...found, root: doc.contents } : undefined;
}

function findProbe(node: Node, path: PathSegment[]): { path: PathSegment[]; map: YAMLMap } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key === PROBE) return { path, map: node };
      if (pair.value && typeof pair.value === 'object') {
        const found = findProbe(pair.value as Node, [...path, key]);
        if (found) return found;
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (item && typeof item === 'object') {
        const found = findProbe(item as Node, [...path, i]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function scalarOf(pairs: readonly Pair[], key: string): string | undefined {
  const pair = pairs.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  return pair && isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

function keyCompletions(document: TextDocument, cursor: Cursor, keyColumn: number, typed: string, after: string): CompletionItem[] {
  const existingKey = /^([A-Za-z0-9_./-]*)\s*:/.exec(after);
  const keyEnd = cursor.offset - cursor.lineStart + (existingKey ? existingKey[1].length : 0);
  const found = placementOf(cursor, keyColumn, keyEnd, !!existingKey);
  if (!found) return [];
  const range = rangeOf(document, cursor.offset - typed.length, cursor.lineStart + keyEnd);
  const { apiVersion, kind } = found;
  if (found.path.length === 0 && (!apiVersion || !kind)) return rootKeysWithoutKind(found.siblings, range, document);
  const root = rootSchemaOf(fileLike(cursor), apiVersion, kind, cursor.workspace);
  if (!root) return [];
  const at = schemaAtPath(root, found.path);
  if (!at) return [];
  // `- Rea` in a list of scalars (accessModes, ipFamilies, ...): the item's allowed values.
  if (at.type.kind !== 'object') return !existingKey && typeof found.path[found.path.length - 1] === 'number' ? valueItems(at, range) : [];
  const present = new Set(found.siblings);
  const layout = { unit: indentUnitOf(document.getText()), indentSeq: indentsSequences(document.getText()) };
  return fieldItems(at.type, present, range, layout, !existingKey);
}

/** The CRD lookup needs a file; completion has only the region, so it asks the schema for built-in kinds only. */
function fileLike(cursor: Cursor): ManifestFile {
  return { text: cursor.region, documents: [], resources: [], syntaxProblems: [], templated: false, oversized: false, looksLikeKubernetes: true } as ManifestFile;
}

function fieldItems(type: ObjectType, present: Set<string>, range: Range, layout: { unit: number; indentSeq: boolean }, withValue: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const field of type.fields.values()) {
    if (present.has(field.name) || field.name === 'status') continue;
    items.push({
      label: field.name,
      kind: CompletionItemKind.Property,
      detail: `${typeLabel(field.type)}${field.required ? ' · required' : ''}`,
      documentation: documentationOf(field),
      sortText: `${field.required ? '0' : '1'}_${field.name}`,
      filterText: field.name,
      textEdit: { range, newText: withValue ? snippetFor(field, layout) : field.name },
      insertTextFormat: withValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.adjustIndentation,
    });
  }
  return items;
}

/** `key: $0`, or the key and an indented block for objects and lists (VS Code adds the line's own indentation). */
function snippetFor(field: Field, layout: { unit: number; indentSeq: boolean }): string {
  const indent = ' '.repeat(layout.unit);
  const type = field.type;
  if (type.kind === 'object' || type.kind === 'map') return `${field.name}:\n${indent}$0`;
  if (type.kind === 'list') {
    const dash = layout.indentSeq ? indent : '';
    if (field.enum) return `${field.name}:\n${dash}- \${1|${field.enum.join(',')}|}`;
    return `${field.name}:\n${dash}- $0`;
  }
  if (field.enum) return `${field.name}: \${1|${field.enum.join(',')}|}`;
  if (type.scalar === 'boolean') return `${field.name}: \${1|true,false|}`;
  return `${field.name}: $0`;
}

function documentationOf(field: Field): { kind: 'markdown'; value: string } | undefined {
  const parts = [field.description ?? (field.type.kind === 'object' ? field.type.description : undefined)];
  const serverDefault = defaultOf(field);
  if (serverDefault && field.serverDefault) parts.push(`**Default:** ${serverDefault}`);
  const value = parts.filter(Boolean).join('\n\n');
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

/** A document that has no apiVersion and kind yet: offer them, and every built-in pair at once. */
function rootKeysWithoutKind(siblings: readonly string[], range: Range, document: TextDocument): CompletionItem[] {
  const items: CompletionItem[] = [];
  const present = new Set(siblings);
  if (present.has('apiVersion') || present.has('kind')) {
    for (const key of ['apiVersion', 'kind']) {
      if (!present.has(key)) items.push({ label: key, kind: CompletionItemKind.Property, sortText: `0_${key}`, textEdit: { range, newText: `${key}: ` } });
    }
    return items;
  }
  if (siblings.length > 0) return items;
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  for (const info of BUILTIN_SCHEMA.kinds()) {
    const preferred = preferredVersionOf(info.kind)?.apiVersion === info.apiVersion;
    items.push({
      label: `${info.kind} (${info.apiVersion})`,
      kind: CompletionItemKind.Class,
      detail: `apiVersion: ${info.apiVersion}, kind: ${info.kind}`,
      documentation: info.type.description,
      sortText: `${preferred ? '0' : '1'}_${info.kind}_${info.apiVersion}`,
      filterText: info.kind,
      textEdit: { range, newText: `apiVersion: ${info.apiVersion}${eol}kind: ${info.kind}${eol}` },
    });
  }
  return items;
}

function valueCompletions(document: TextDocument, cursor: Cursor, keyColumn: number, key: string, typed: string, after: string): CompletionItem[] {
  const range = rangeOf(document, cursor.offset - typed.length, cursor.offset + (/^[^\s#]*/.exec(after)?.[0].length ?? 0));
  const keyEnd = keyColumn + key.length;
  const found = placementOf(cursor, keyColumn, keyEnd, true);
  if (!found) return [];
  const { apiVersion, kind } = found;
  if (found.path.length === 0 && key === 'apiVersion') return apiVersionItems(kind, range);
  if (found.path.length === 0 && key === 'kind') return kindItems(apiVersion, range);
  const root = rootSchemaOf(fileLike(cursor), apiVersion, kind, cursor.workspace);
  if (!root) return [];
  const at = schemaAtPath(root, [...found.path, key]);
  return at ? valueItems(at, range) : [];
}

/** The values a scalar field allows: its enum, or true and false. */
function valueItems(at: SchemaAtPath, range: Range): CompletionItem[] {
  const field = at.field;
  if (!field || at.mapKey) return [];
  const values = field.enum ?? (at.type.kind === 'scalar' && at.type.scalar === 'boolean' ? ['true', 'false'] : []);
  return values.map((value, index) => {
    const meaning = enumValueMeaning(at.owner?.name, field.name, value);
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      sortText: String(index).padStart(3, '0'),
      textEdit: { range, newText: value },
      ...(meaning ? { documentation: { kind: MarkupKind.Markdown, value: meaning } } : {}),
    };
  });
}

function apiVersionItems(kind: string | undefined, range: Range): CompletionItem[] {
  const versions = new Map<string, string[]>();
  for (const info of BUILTIN_SCHEMA.kinds()) versions.set(info.apiVersion, [...(versions.get(info.apiVersion) ?? []), info.kind]);
  const serving = kind ? new Set(BUILTIN_SCHEMA.versionsOf(kind).map((info) => info.apiVersion)) : undefined;
  const preferred = kind ? preferredVersionOf(kind)?.apiVersion : undefined;
  return [...versions]
    .filter(([apiVersion]) => !serving || serving.size === 0 || serving.has(apiVersion))
    .map(([apiVersion, kinds]) => ({
      label: apiVersion,
      kind: CompletionItemKind.Module,
      detail: kinds.join(', '),
      sortText: `${apiVersion === preferred ? '0' : '1'}_${apiVersion}`,
      textEdit: { range, newText: apiVersion },
    }));
}

function kindItems(apiVersion: string | undefined, range: Range): CompletionItem[] {
  const all = [...BUILTIN_SCHEMA.kinds()];
  const served = apiVersion ? all.filter((info) => info.apiVersion === apiVersion) : [];
  const source = served.length > 0 ? served : all;
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const info of source) {
    if (seen.has(info.kind)) continue;
    seen.add(info.kind);
    items.push({
      label: info.kind,
      kind: CompletionItemKind.Class,
      detail: served.length > 0 ? info.apiVersion : BUILTIN_SCHEMA.versionsOf(info.kind).map((v) => v.apiVersion).join(', '),
      documentation: info.type.description,
      textEdit: { range, newText: info.kind },
    });
  }
  return items;
}

function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
