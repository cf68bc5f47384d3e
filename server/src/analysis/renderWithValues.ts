import { isScalar } from 'yaml';
import { valueAt, type ChartValues } from '../hovers/helmValues';
import { parseManifest } from '../parse/parseManifest';
import type { ManifestFile, Resource } from '../parse/model';

/** An action that only looks a value up: `{{ .Values.a.b }}` (trim markers allowed). */
const PLAIN_LOOKUP = /^\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

export type Rendering = { object: Record<string, unknown> } | { reason: string };

/**
 * The object a template resource renders to when every action in its document is a plain `.Values` lookup of a
 * scalar values.yaml sets (comments aside): each is replaced by the value's text, as Helm prints it, and the result
 * parsed. Otherwise why not: the chart must be rendered (`helm template`) to know the object.
 */
export function renderWithValues(file: ManifestFile, resource: Resource, values: ChartValues | undefined): Rendering {
  const facts = file.template;
  if (!facts) return resource.object ? { object: resource.object } : { reason: 'The resource could not be read.' };
  const [start, end] = resource.document.span;
  const actions = facts.actions.filter((action) => action.span[0] >= start && action.span[0] < end && action.kind !== 'comment');
  if (!values) return { reason: 'This template is not in a chart with a values.yaml, so its actions have no values.' };
  let rendered = '';
  let at = start;
  for (const action of actions) {
    const path = PLAIN_LOOKUP.exec(action.body)?.[1].split('.').slice(1);
    if (!path) return { reason: `{{ ${action.body} }} is more than a .Values lookup: render the chart (helm template) to preview it.` };
    const node = valueAt(values, path)?.value;
    if (!isScalar(node) || node.value === null || node.value === undefined) {
      return { reason: `values.yaml sets no plain value for .Values.${path.join('.')}: render the chart (helm template) to preview it.` };
    }
    const trimBefore = file.text[action.span[0] + 2] === '-';
    const trimAfter = file.text[action.span[1] - 3] === '-';
    rendered += trimBefore ? file.text.slice(at, action.span[0]).replace(/\s+$/, '') : file.text.slice(at, action.span[0]);
    rendered += String(node.value);
    at = action.span[1];
    if (trimAfter) while (at < end && /\s/.test(file.text[at])) at++;
  }
  rendered += file.text.slice(at, end);
  const object = parseManifest(rendered).resources[0]?.object;
  return object ? { object } : { reason: 'The template rendered with values.yaml is not a Kubernetes object.' };
}
