import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { valueAt, valueKeysAt, valuesHoverText } from '../../hovers/helmValues';
import { valuesPrefixAt, valuesRefAt } from '../../parse/helm/valuesRef';
import type { FeatureContext } from '../context';
import { toRange } from './ranges';

/** The hover over a `.Values` path in a template action: what the chart's values.yaml sets it to. */
export function valuesHover(context: FeatureContext, offset: number): Hover | undefined {
  const { file, document } = context;
  const ref = file.template && valuesRefAt(file.template, offset);
  const values = ref && ref.path.length > 0 ? context.chartValues?.() : undefined;
  if (!ref || !values) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: valuesHoverText(values, ref.path, 'values.yaml') },
    range: toRange(document, ref.span),
  };
}

/** Go to definition on a `.Values` path: the key in values.yaml that sets it. */
export function valuesDefinition(context: FeatureContext, offset: number): Location[] | undefined {
  const { file } = context;
  const ref = file.template && valuesRefAt(file.template, offset);
  const values = ref && ref.path.length > 0 ? context.chartValues?.() : undefined;
  if (!ref || !values) return undefined;
  const found = valueAt(values, ref.path);
  if (!found) return [];
  const valuesDocument = TextDocument.create(values.uri, 'yaml', 0, values.text);
  return [{ uri: values.uri, range: toRange(valuesDocument, found.key) }];
}

/** Completion after `.Values.` (and `.Values.a.`): the keys values.yaml sets there. */
export function valuesCompletion(context: FeatureContext, offset: number): CompletionItem[] | undefined {
  const { file, document } = context;
  const prefix = file.template && valuesPrefixAt(file.template, file.text, offset);
  const values = prefix ? context.chartValues?.() : undefined;
  if (!prefix || !values) return undefined;
  const range = toRange(document, [prefix.typedStart, offset]);
  return valueKeysAt(values, prefix.parent).map(({ name, value }) => ({
    label: name,
    kind: value && 'items' in value ? CompletionItemKind.Module : CompletionItemKind.Value,
    detail: value && 'items' in value ? 'values.yaml: a map or list' : `values.yaml: ${value?.toString() ?? 'null'}`,
    textEdit: { range, newText: name },
  }));
}
