import { isCollection, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Span } from '../yaml/span';

/** A chart's values.yaml, parsed with ranges. */
export interface ChartValues {
  uri: string;
  text: string;
  doc: Document.Parsed;
}

export function readChartValues(uri: string, text: string): ChartValues {
  return { uri, text, doc: parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' }) };
}

/** The key (and its value) at `path` in values.yaml; undefined when values.yaml does not set it. */
export function valueAt(values: ChartValues, path: readonly string[]): { key: Span; value: Node | null } | undefined {
  let node: unknown = values.doc.contents;
  let key: Span | undefined;
  for (const name of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === name);
    const range = (pair?.key as Node | undefined)?.range;
    if (!pair || !range) return undefined;
    key = [range[0], range[1]];
    node = pair.value;
  }
  return key ? { key, value: (node as Node | null) ?? null } : undefined;
}

/** The keys values.yaml sets in the map at `path` (its top level for `[]`). */
export function valueKeysAt(values: ChartValues, path: readonly string[]): Array<{ name: string; value: Node | null }> {
  const node = path.length === 0 ? values.doc.contents : valueAt(values, path)?.value;
  if (!isMap(node)) return [];
  return node.items.flatMap((item) => (isScalar(item.key) ? [{ name: String(item.key.value), value: (item.value as Node | null) ?? null }] : []));
}

const MAX_SHOWN = 1200;

/** The hover over `.Values.a.b`: the value values.yaml gives it, and the line it is set on. */
export function valuesHoverText(values: ChartValues, path: readonly string[], fileName: string): string {
  const name = `.Values.${path.join('.')}`;
  const found = valueAt(values, path);
  if (!found) return `\`${name}\` is not set in ${fileName}: it renders empty unless the install sets it (\`--set\`, \`-f\`), or a \`default\` in the template applies.`;
  const line = values.text.slice(0, found.key[0]).split('\n').length;
  return `\`${name}\` in ${fileName} (line ${line}):\n\n\`\`\`yaml\n${shown(values.text, found)}\n\`\`\``;
}

function shown(text: string, found: { key: Span; value: Node | null }): string {
  const value = found.value;
  const end = value?.range ? value.range[1] : found.key[1];
  const lineStart = text.lastIndexOf('\n', found.key[0] - 1) + 1;
  let written = text.slice(lineStart, isCollection(value) || !value ? Math.max(end, found.key[1]) : end).replace(/\s+$/, '');
  if (written.length > MAX_SHOWN) written = `${written.slice(0, MAX_SHOWN)}\n# ...`;
  return written;
}
