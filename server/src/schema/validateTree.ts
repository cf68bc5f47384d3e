import { textNodeOf } from '../yaml/resolved';
import { isAlias, isMap, isNode, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { insertEntries, replaceScalar } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import type { FixesOrBuilder } from '../findings/lazyFixes';
import type { Span } from '../parse/model';
import { mapAt, nodeAtPath } from '../yaml/nodes';
import type { SchemaCode } from './codes';
import { BUILTIN_SCHEMA } from './builtin';
import { nestedPathOf } from './misplaced';
import { moveFieldFix } from './moveField';
import { shortTypeName, typeLabel, type Field, type ObjectType, type ScalarName, type SchemaType } from './model';
import { placeholderFor } from './placeholder';
import { suggest } from './suggest';
import { enumChoices } from './enumChoice';

export interface TreeReport {
  code: SchemaCode;
  span: Span;
  message: string;
  /** A builder runs only when an editor asks for the fixes (see setFixes). */
  fixes?: FixesOrBuilder;
}

export interface TreeContext {
  text: string;
  report(found: TreeReport): void;
  /** A Kustomize strategic-merge patch: it leaves out required fields on purpose and may hold `$patch` directives. */
  patch?: boolean;
  /** The kind of the resource checked (some values depend on it: a Job's restartPolicy). */
  kind?: string;
  /** A Helm template: what holds an action is unknown, and some collections get content the text does not show. */
  template?: TemplateView;
}

export interface TemplateView {
  /** The node is or holds a template action: its value is unknown and fits any type. */
  unknown(node: Node): boolean;
  /** The pair's value receives rendered content (`key:` then `{{ toYaml .x | nindent 4 }}`). */
  openPair(pair: Pair): boolean;
  /** The map or list receives rendered keys or items: nothing may be reported missing from it. */
  open(node: Node): boolean;
  /** An `else` lies between the offsets, of a branch the first is in: they are in different renderings. */
  crossesBranch(from: number, to: number): boolean;
}

/** A key's value (or item) written in another branch than the key: read together, the branches mislead. */
function fromOtherBranch(context: TreeContext, anchor: Anchor, node: Node | null | undefined): boolean {
  const from = isNode(anchor) ? anchor.range?.[0] : undefined;
  const to = node?.range?.[0];
  return context.template !== undefined && from !== undefined && to !== undefined && context.template.crossesBranch(from, to);
}

/** YAML 1.1 booleans: Kubernetes reads manifests with a YAML 1.1 parser, so `yes` is a boolean there. */
const YAML11_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INTEGER_TEXT = /^[-+]?[0-9]+$/;
const NUMBER_TEXT = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Where a missing field is reported: a span, or the node (a key, a list item) whose span it is. Most anchors are
 * never reported at, so a node's span is read only when one is.
 */
export type Anchor = Span | Node;

/**
 * Checks the map `node` against `type`: unknown keys, then each value, then required fields, which are
 * reported at `anchor` (the key that holds the map).
 */
export function validateObject(node: YAMLMap, type: ObjectType, anchor: Anchor, context: TreeContext): void {
  let renamedTo: Set<string> | undefined;
  const template = context.template;
  for (const item of node.items) {
    const pair = item as Pair<Node, Node | null>;
    if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined || template?.unknown(pair.key)) continue;
    if (fromOtherBranch(context, anchor, pair.key)) continue;
    const name = String(pair.key.value);
    if (name === '<<' || (context.patch && name.startsWith('$'))) continue;
    const field = type.fields.get(name);
    if (!field) {
      if (!type.open) {
        const rename = reportUnknownField(node, pair as Pair<Scalar, Node | null>, name, type, context);
        if (rename) (renamedTo ??= new Set()).add(rename);
      }
      continue;
    }
    const keyAnchor = pair.key.range ? pair.key : anchor;
    if (!context.patch && isEmpty(pair.value) && type.required.includes(name)) {
      if (!template?.openPair(pair)) reportEmptyRequired(field, type, keyAnchor, context);
      continue;
    }
    validateValue(pair.value, field, field.type, keyAnchor, context);
  }
  if (context.patch || template?.open(node)) return;
  for (const name of type.required) {
    // A misspelt key whose rename fix supplies the field is one mistake, reported once.
    if (hasKey(node, name) || renamedTo?.has(name)) continue;
    const field = type.fields.get(name);
    if (field) reportMissing(node, field, type, anchor, context);
  }
}

function validateValue(node: Node | null, field: Field, type: SchemaType, anchor: Anchor, context: TreeContext): void {
  if (!node || isAlias(node)) return;
  if (isScalar(node) && (node.value === null || node.value === undefined)) return;
  if (isScalar(node) && context.template?.unknown(node)) return;
  switch (type.kind) {
    case 'scalar':
      if (type.scalar === 'any') return;
      if (isScalar(node)) checkScalar(node, type.scalar, field, context);
      else reportType(node, field, type, context);
      return;
    case 'list':
      if (isSeq(node)) {
        for (const item of node.items) {
          const itemNode = item as Node | null;
          if (fromOtherBranch(context, anchor, itemNode)) continue;
          validateValue(itemNode, field, type.items, itemAnchor(itemNode) ?? anchor, context);
        }
      } else {
        reportType(node, field, type, context);
      }
      return;
    case 'map':
      if (isMap(node)) {
        for (const item of node.items) {
          const pair = item as Pair<Node, Node | null>;
          if (fromOtherBranch(context, anchor, pair.key)) continue;
          validateValue(pair.value, field, type.values, (pair.key as Node | null)?.range ? pair.key : anchor, context);
        }
      } else {
        reportType(node, field, type, context);
      }
      return;
    case 'object':
      if (isMap(node)) validateObject(node, type, anchor, context);
      else reportType(node, field, type, context);
      return;
  }
}

/** A list item is anchored on its first key (`- name: x`), so a missing field shows on the item's first line. */
function itemAnchor(item: Node | null): Node | undefined {
  const node = isMap(item) && item.items.length > 0 ? item.items[0].key as Node | null : item;
  return node?.range ? node : undefined;
}

function checkScalar(node: Scalar, expected: ScalarName, field: Field, context: TreeContext): void {
  const value = node.value;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const plain = node.type === Scalar.PLAIN;
  switch (expected) {
    case 'string':
      if (typeof value === 'string') return checkEnum(node, value, field, context);
      return reportScalar(node, field, expected, context, [quoteFix(node, context.text)]);
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return;
      if (typeof value === 'string' && quoted && INTEGER_TEXT.test(value.trim())) return reportScalar(node, field, expected, context, [unquoteFix(node, value.trim())]);
      return reportScalar(node, field, expected, context);
    case 'number':
      if (typeof value === 'number') return;
      if (typeof value === 'string' && quoted && NUMBER_TEXT.test(value.trim())) return reportScalar(node, field, expected, context, [unquoteFix(node, value.trim())]);
      return reportScalar(node, field, expected, context);
    case 'boolean':
      if (typeof value === 'boolean') return;
      if (typeof value === 'string' && plain && YAML11_BOOLEANS.test(value)) return;
      if (typeof value === 'string' && quoted && /^(?:true|false)$/i.test(value)) return reportScalar(node, field, expected, context, [unquoteFix(node, value.toLowerCase())]);
      return reportScalar(node, field, expected, context);
    case 'int-or-string':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return;
      return reportScalar(node, field, expected, context, typeof value === 'number' ? [quoteFix(node, context.text)] : []);
    case 'quantity':
      // The syntax of the string is the invalid-quantity rule's business; here only the YAML type counts.
      if (typeof value === 'string' || typeof value === 'number') return;
      return reportScalar(node, field, expected, context);
    case 'any':
      return;
  }
}

function checkEnum(node: Scalar, value: string, field: Field, context: TreeContext): void {
  const values = field.enum;
  if (!values || values.length === 0 || values.includes(value)) return;
  const fixes = enumChoices(field, values, value, context.kind).flatMap((choice, index) => {
    const edit = replaceScalar(node, choice);
    return edit ? [{ title: `Change to "${choice}"`, edits: [edit], preferred: index === 0 }] : [];
  });
  context.report({
    code: 'invalid-enum',
    span: spanOf(node)!,
    message: `"${value}" is not a valid ${field.name}: expected ${listOf(values)}.`,
    fixes: fixes.length > 0 ? fixes : undefined,
  });
}

function reportScalar(node: Scalar, field: Field, expected: ScalarName, context: TreeContext, fixes: Array<Fix | undefined> = []): void {
  const found = describeScalar(node);
  context.report({
    code: 'invalid-type',
    span: spanOf(node)!,
    message: `${field.name} must be ${article(expected)}, not ${found}.`,
    fixes: withoutGaps(fixes),
  });
}

/** The scalar as written when it reads the same inside `[ ]`; else its value double-quoted (`create ]` would close the list). */
function flowSafeText(node: Scalar, written: string): string {
  const plainIsSafe = node.type === Scalar.PLAIN && !/[,[\]{}#\r\n]|: /.test(written);
  const quotedIsSafe = (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && !/[\r\n]/.test(written);
  return plainIsSafe || quotedIsSafe ? written : JSON.stringify(String(node.value ?? ''));
}

function reportType(node: Node, field: Field, type: SchemaType, context: TreeContext): void {
  const span = spanOf(node);
  if (!span) return;
  const fixes: Fix[] = [];
  if (type.kind === 'list' && isScalar(node) && (type.items.kind === 'scalar')) {
    const original = flowSafeText(node, context.text.slice(span[0], span[1]));
    fixes.push({ title: `Wrap in a list: [${original}]`, edits: [{ span, newText: `[${original}]` }], preferred: true });
  }
  context.report({
    code: 'invalid-type',
    span: isScalar(node) ? span : firstLineOf(context.text, span),
    message: `${field.name} must be ${describeType(type)}, not ${describeNode(node)}.`,
    fixes: fixes.length > 0 ? fixes : undefined,
  });
}

/** Reports a key the type does not have; returns the field a clear rename fix turns it into. */
function reportUnknownField(map: YAMLMap, pair: Pair<Scalar, Node | null>, name: string, type: ObjectType, context: TreeContext): string | undefined {
  const key = pair.key;
  const span = spanOf(key);
  if (!span) return undefined;
  const owner = shortTypeName(type.name);
  const suggestion = suggest(name, type.fields.keys());
  const belongs = nestedPathOf(type, name);
  const counterpart = counterpartOf(type, name);
  const parts = [`Unknown field "${name}" in ${owner}.`];
  if (belongs) parts.push(`It belongs further down, at ${belongs}.`);
  else if (counterpart) parts.push(counterpart);
  let renamed: string | undefined;
  let rename: Fix | undefined;
  if (suggestion.names.length > 0) {
    parts.push(`Did you mean ${suggestion.names.map((n) => `"${n}"`).join(' or ')}?`);
    if (suggestion.clear && !map.has(suggestion.names[0])) {
      const edit = replaceScalar(key, suggestion.names[0]);
      // A key that exists, spelt exactly so, further down was more likely misplaced than misspelt.
      if (edit) rename = { title: `Rename to "${suggestion.names[0]}"`, edits: [edit], preferred: !belongs };
      if (edit && !belongs) renamed = suggestion.names[0];
    }
  }
  // Moving the key cuts and pastes its lines: worked out only when an editor asks for the fixes.
  const fixes = belongs
    ? () => withoutGaps([moveFieldFix(context.text, map, pair, belongs), rename])
    : withoutGaps([rename]);
  context.report({ code: 'unknown-field', span, message: parts.join(' '), fixes });
  return renamed;
}

/**
 * Pod-level and container-level security contexts share a name but not their fields (`privileged`,
 * `capabilities`, `readOnlyRootFilesystem` and `allowPrivilegeEscalation` are per container).
 */
const COUNTERPARTS: Record<string, { type: string; where: string }> = {
  V1PodSecurityContext: { type: 'V1SecurityContext', where: 'a container\'s securityContext (containers[].securityContext)' },
  V1SecurityContext: { type: 'V1PodSecurityContext', where: 'the pod\'s securityContext (spec.securityContext)' },
};

function counterpartOf(type: ObjectType, name: string): string | undefined {
  const counterpart = COUNTERPARTS[type.name];
  if (!counterpart || !BUILTIN_SCHEMA.type(counterpart.type)?.fields.has(name)) return undefined;
  return `It is a field of ${counterpart.where}.`;
}

/** Whether the map has the key `name` (objects have few required fields: a scan costs less than a set of every key). */
function hasKey(map: YAMLMap, name: string): boolean {
  return map.items.some((item) => isScalar(item.key) && item.key.value !== null && item.key.value !== undefined && String(item.key.value) === name);
}

/** `key:` with nothing after it, or `~`/`null`: the API server reads it as an absent field. */
function isEmpty(node: Node | null): boolean {
  return !node || (isScalar(node) && (node.value === null || node.value === undefined));
}

function reportEmptyRequired(field: Field, type: ObjectType, keyAnchor: Anchor, context: TreeContext): void {
  context.report({
    code: 'missing-required',
    span: anchorSpan(keyAnchor),
    message: `"${field.name}" has no value, and ${shortTypeName(type.name)} requires it (${typeLabel(field.type)}): the API server reads an empty value as a missing field.`,
  });
}

function reportMissing(map: YAMLMap, field: Field, type: ObjectType, anchor: Anchor, context: TreeContext): void {
  context.report({
    code: 'missing-required',
    span: anchorSpan(anchor),
    message: `${shortTypeName(type.name)} is missing the required field "${field.name}" (${typeLabel(field.type)}).`,
    // The insertion reads the document's layout from its whole text: worked out only when an editor asks.
    fixes: () => {
      const value = selectorFromTemplate(map, field) ?? placeholderFor(field, type.name);
      const edit = insertEntries(context.text, map, { [field.name]: value });
      return edit ? [{ title: `Add "${field.name}"`, edits: [edit], preferred: true }] : undefined;
    },
  });
}

/** A workload's missing selector is best filled with its template's labels (rules.md §5: the apps/v1 migration). */
function selectorFromTemplate(map: YAMLMap, field: Field): unknown {
  if (field.name !== 'selector' || field.type.kind !== 'object' || !field.type.fields.has('matchLabels')) return undefined;
  const labels = mapAt(nodeAtPath(map, ['template', 'metadata']) as YAMLMap | undefined, 'labels');
  if (!labels || labels.items.length === 0) return undefined;
  const matchLabels: Record<string, unknown> = {};
  for (const item of labels.items) {
    if (isScalar(item.key) && isScalar(item.value)) matchLabels[String(item.key.value)] = item.value.value;
  }
  return Object.keys(matchLabels).length > 0 ? { matchLabels } : undefined;
}

/** On the node as written: for an alias, its anchor's (quoting the alias token would make it a plain string). */
function quoteFix(resolved: Scalar, text: string): Fix | undefined {
  const node = textNodeOf(resolved);
  const span = spanOf(node);
  if (!span || node.type !== Scalar.PLAIN) return undefined;
  const original = text.slice(span[0], span[1]);
  return { title: `Quote it: "${original}"`, edits: [{ span, newText: JSON.stringify(original) }], preferred: true };
}

function unquoteFix(resolved: Scalar, text: string): Fix | undefined {
  const span = spanOf(textNodeOf(resolved));
  return span ? { title: `Remove the quotes: ${text}`, edits: [{ span, newText: text }], preferred: true } : undefined;
}

function describeScalar(node: Scalar): string {
  const value = node.value;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `the string ${JSON.stringify(String(value))}`;
}

function describeNode(node: Node): string {
  if (isMap(node)) return 'an object';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return describeScalar(node);
  return 'this value';
}

function describeType(type: SchemaType): string {
  switch (type.kind) {
    case 'scalar':
      return article(type.scalar);
    case 'list':
      return `a list (${typeLabel(type)})`;
    case 'map':
      return `an object of ${typeLabel(type.values)} values`;
    case 'object':
      return `an object (${shortTypeName(type.name)})`;
  }
}

function article(scalar: ScalarName): string {
  switch (scalar) {
    case 'integer':
      return 'an integer';
    case 'int-or-string':
      return 'an integer or a string';
    case 'quantity':
      return 'a quantity (like 500m, 128Mi or 2)';
    case 'any':
      return 'any value';
    default:
      return `a ${scalar}`;
  }
}

function listOf(values: readonly string[]): string {
  if (values.length === 1) return `"${values[0]}"`;
  return `${values.slice(0, -1).map((v) => `"${v}"`).join(', ')} or "${values[values.length - 1]}"`;
}

function spanOf(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

function anchorSpan(anchor: Anchor): Span {
  return isNode(anchor) ? spanOf(anchor)! : anchor;
}

/** A block collection's span runs over many lines; its diagnostic shows on the first. */
function firstLineOf(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span[0]);
  let end = newline < 0 || newline > span[1] ? span[1] : newline;
  while (end > span[0] && /\s/.test(text[end - 1])) end--;
  return [span[0], Math.max(end, span[0] + 1)];
}

function withoutGaps(fixes: Array<Fix | undefined>): Fix[] | undefined {
  const present = fixes.filter((fix): fix is Fix => fix !== undefined);
  return present.length > 0 ? present : undefined;
}
