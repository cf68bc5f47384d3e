import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Fix } from '../findings/finding';
import { removePair, replaceWithString, setIn } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { mapAt, nodeAtPath, pairOf, seqAt, stringAt } from '../yaml/nodes';
import { labelsOf } from '../k8s/workloads';
import { keySpan, nodeSpan } from './support/nodes';
import { SELECTOR_KINDS } from '../k8s/kinds';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'selector-mismatch',
    severity: 'error',
    category: 'api',
    description: "A controller's selector that its own pod template labels do not satisfy (the API server rejects it).",
    docsUrl: ruleDocsUrl('selector-mismatch'),
    fixable: true,
    peers: { kubeLinter: ['mismatching-selector'], kubeScore: ['deployment-pod-selector-labels-match-template-metadata-labels', 'statefulset-pod-selector-labels-match-template-metadata-labels'] },
  },
  check(context) {
    const { resource } = context;
    if (!SELECTOR_KINDS.has(resource.kind ?? '')) return;
    const spec = mapAt(resource.root, 'spec');
    const template = mapAt(spec, 'template');
    const selectorPair = spec ? pairOf(spec, 'selector') : undefined;
    if (!template || !selectorPair || !isMap(selectorPair.value)) return;
    const selector = selectorPair.value;
    const labels = labelsOf(mapAt(template, 'metadata'));
    if (resource.kind === 'ReplicationController') {
      checkMatchLabels(context, selector, template, labels, selector.items.length);
      return;
    }
    const matchLabels = mapAt(selector, 'matchLabels');
    const expressions = seqAt(selector, 'matchExpressions');
    const count = (matchLabels?.items.length ?? 0) + (expressions?.items.length ?? 0);
    if (count === 0) {
      context.report({ span: keySpan(selectorPair), message: `An empty selector is invalid for a ${resource.kind}: it would select every pod. Select the pod template's labels.`, fixes: emptySelectorFix(context, selector, labels) });
      return;
    }
    if (matchLabels) checkMatchLabels(context, matchLabels, template, labels, count);
    for (const item of expressions?.items ?? []) {
      if (!isMap(item)) continue;
      const problem = unmetExpression(item, labels);
      const span = problem ? nodeSpan(item) : undefined;
      if (problem && span) context.report({ span, message: `The selector's expression ${problem}, so it does not select this ${resource.kind}'s own pods; the API server rejects this.` });
    }
  },
};

function checkMatchLabels(context: RuleContext, matchLabels: YAMLMap, template: YAMLMap, labels: Record<string, string>, count: number): void {
  const kind = context.resource.kind;
  for (const item of matchLabels.items) {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    if (key === undefined) continue;
    const wanted = isScalar(item.value) && item.value.value !== null ? String(item.value.value) : '';
    const actual = labels[key];
    if (actual === wanted) continue;
    const problem = actual === undefined ? `the pod template has no label "${key}"` : `the pod template has ${key}: ${actual}`;
    context.report({
      span: pairSpan(item),
      message: `The selector wants ${key}: ${wanted}, but ${problem}: this ${kind} would not select its own pods, and the API server rejects it.`,
      fixes: mismatchFixes(context, item as Pair<Scalar, Scalar>, template, key, wanted, actual, count),
    });
  }
}

function mismatchFixes(context: RuleContext, item: Pair<Scalar, Scalar>, template: YAMLMap, key: string, wanted: string, actual: string | undefined, count: number): Fix[] {
  const text = context.file.text;
  const fixes: Fix[] = [];
  const templateValue = nodeAtPath(template, ['metadata', 'labels', key]);
  const toTemplate = actual !== undefined && isScalar(templateValue) ? replaceWithString(templateValue, wanted) : setIn(text, template, ['metadata', 'labels', key], wanted);
  if (toTemplate) fixes.push({ title: `Set the pod template label ${key}: ${wanted}`, edits: [toTemplate], preferred: true });
  if (actual !== undefined && isScalar(item.value)) {
    const edit = replaceWithString(item.value, actual);
    if (edit) fixes.push({ title: `Change the selector to ${key}: ${actual}`, edits: [edit] });
  } else if (actual === undefined && count > 1) {
    const parent = context.resource.kind === 'ReplicationController' ? mapAt(mapAt(context.resource.root, 'spec'), 'selector') : mapAt(mapAt(mapAt(context.resource.root, 'spec'), 'selector'), 'matchLabels');
    const edit = parent ? removePair(text, parent, key) : undefined;
    if (edit) fixes.push({ title: `Remove ${key} from the selector`, edits: [edit] });
  }
  return fixes;
}

function emptySelectorFix(context: RuleContext, selector: YAMLMap, labels: Record<string, string>): Fix[] {
  if (Object.keys(labels).length === 0) return [];
  const text = context.file.text;
  const edit = mapAt(selector, 'matchLabels') ? undefined : setIn(text, selector, ['matchLabels'], labels);
  return edit ? [{ title: 'Select the pod template labels', edits: [edit], preferred: true }] : [];
}

function unmetExpression(item: YAMLMap, labels: Record<string, string>): string | undefined {
  const key = stringAt(item, 'key');
  const operator = stringAt(item, 'operator');
  if (key === undefined || operator === undefined) return undefined;
  const valuesNode = pairOf(item, 'values')?.value;
  const values = isSeq(valuesNode) ? valuesNode.items.map((value) => (isScalar(value) ? String(value.value) : '')) : [];
  const actual = labels[key];
  switch (operator) {
    case 'In': return actual !== undefined && values.includes(actual) ? undefined : `"${key} In (${values.join(', ')})" does not hold for the pod template labels`;
    case 'NotIn': return actual === undefined || !values.includes(actual) ? undefined : `"${key} NotIn (${values.join(', ')})" does not hold: the template has ${key}: ${actual}`;
    case 'Exists': return actual !== undefined ? undefined : `"${key} Exists" does not hold: the pod template has no label "${key}"`;
    case 'DoesNotExist': return actual === undefined ? undefined : `"${key} DoesNotExist" does not hold: the pod template has ${key}: ${actual}`;
    default: return undefined;
  }
}

function pairSpan(pair: Pair): [number, number] {
  const start = keySpan(pair)[0];
  const end = nodeSpan(pair.value)?.[1] ?? keySpan(pair)[1];
  return [start, end];
}

export default rule;
