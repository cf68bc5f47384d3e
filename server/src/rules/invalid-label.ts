import { isMap, isScalar, type YAMLMap } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { podMetadataOf, podSpecOf } from '../k8s/workloads';
import { mapAt } from '../yaml/nodes';
import { checkLabelValue, checkQualifiedName, isPlaceholder, normalizeLabelValue } from './support/formats';
import { nodeSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'invalid-label',
    severity: 'error',
    category: 'api',
    description: 'Label keys and values, selector and nodeSelector entries, and annotation keys with a syntax the API server rejects.',
    docsUrl: ruleDocsUrl('invalid-label'),
    fixable: true,
    peers: { kubeScore: ['label-values'] },
  },
  check(context) {
    const { resource } = context;
    const metadata = mapAt(resource.root, 'metadata');
    const spec = mapAt(resource.root, 'spec');
    checkLabels(context, mapAt(metadata, 'labels'), 'Label');
    checkAnnotations(context, mapAt(metadata, 'annotations'));
    const podMetadata = podMetadataOf(resource);
    if (podMetadata && podMetadata !== metadata) {
      checkLabels(context, mapAt(podMetadata, 'labels'), 'Pod template label');
      checkAnnotations(context, mapAt(podMetadata, 'annotations'));
    }
    const selector = mapAt(spec, 'selector');
    if (resource.kind === 'Service' || resource.kind === 'ReplicationController') checkLabels(context, selector, 'Selector');
    else checkLabels(context, mapAt(selector, 'matchLabels'), 'Selector');
    checkLabels(context, mapAt(podSpecOf(resource), 'nodeSelector'), 'nodeSelector');
  },
};

function checkLabels(context: RuleContext, map: YAMLMap | undefined, what: string): void {
  for (const item of map?.items ?? []) {
    if (!isScalar(item.key) || typeof item.key.value !== 'string' || isPlaceholder(item.key.value)) continue;
    const key = item.key.value;
    const keyProblem = checkQualifiedName(key);
    const keySpanned = keyProblem ? nodeSpan(item.key) : undefined;
    if (keyProblem && keySpanned) context.report({ span: keySpanned, message: `${what} key "${key}" ${keyProblem}.` });
    const value = item.value;
    if (!isScalar(value) || typeof value.value !== 'string' || isPlaceholder(value.value)) continue;
    const problem = checkLabelValue(value.value);
    const span = problem ? nodeSpan(value) : undefined;
    if (!problem || !span) continue;
    const fixed = normalizeLabelValue(value.value);
    const edit = fixed !== value.value ? replaceScalar(value, fixed) : undefined;
    context.report({
      span,
      message: `${what} value "${value.value}" (for ${key}) ${problem}.`,
      fixes: edit ? [{ title: `Change the value to "${fixed}"`, edits: [edit], preferred: true }] : undefined,
    });
  }
}

function checkAnnotations(context: RuleContext, map: YAMLMap | undefined): void {
  if (!isMap(map)) return;
  for (const item of map.items) {
    if (!isScalar(item.key) || typeof item.key.value !== 'string' || isPlaceholder(item.key.value)) continue;
    const problem = checkQualifiedName(item.key.value.toLowerCase());
    const span = problem ? nodeSpan(item.key) : undefined;
    if (problem && span) context.report({ span, message: `Annotation key "${item.key.value}" ${problem}.` });
  }
}

export default rule;
