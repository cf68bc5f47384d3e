import { isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { mapAt } from '../yaml/nodes';
import { isPlaceholder } from './support/formats';
import { nodeSpan } from './support/nodes';
import { isWholeQuantity, readQuantity, suggestQuantity } from '../k8s/quantity';
import { isByteResource, resourceBlocksOf, sizeLimitsOf } from './support/resources';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'invalid-quantity',
    severity: 'error',
    category: 'api',
    description: 'Resource quantities the API server cannot decode (`1GB`, `500mb`, `1 Gi`), negative ones, and fractions of a byte.',
    docsUrl: ruleDocsUrl('invalid-quantity'),
    fixable: true,
  },
  check(context) {
    for (const block of resourceBlocksOf(context.resource)) {
      for (const section of ['requests', 'limits']) {
        for (const item of mapAt(block.node, section)?.items ?? []) checkPair(context, item, `${section} of the ${block.owner}`);
      }
    }
    for (const emptyDir of sizeLimitsOf(context.resource)) {
      for (const item of (emptyDir as YAMLMap).items) if (isScalar(item.key) && item.key.value === 'sizeLimit') checkPair(context, item, 'emptyDir', 'memory');
    }
  },
};

function checkPair(context: RuleContext, item: Pair, where: string, resourceName?: string): void {
  const name = resourceName ?? (isScalar(item.key) ? String(item.key.value) : '');
  const node = item.value;
  if (!isScalar(node)) return;
  const raw = node.value;
  if (!node.range || raw === null || raw === undefined || (typeof raw === 'string' && isPlaceholder(raw))) return;
  const value = readQuantity(raw);
  const fractionOfByte = value !== undefined && isByteResource(name) && !isWholeQuantity(value);
  if (value !== undefined && value.nanos >= 0n && !fractionOfByte) return;
  const span = nodeSpan(node)!;
  const label = isScalar(item.key) ? String(item.key.value) : name;
  if (value === undefined) {
    const suggestions = typeof raw === 'string' ? suggestQuantity(raw) : [];
    context.report({
      span,
      message: `"${String(raw)}" is not a Kubernetes quantity (${label} in the ${where}): write a number with a suffix such as 500m, 128Mi, 1Gi or 1G.`,
      fixes: suggestions.flatMap((suggestion, index) => {
        const edit = replaceScalar(node as Scalar, suggestion);
        return edit ? [{ title: `Change to ${suggestion}`, edits: [edit], preferred: index === 0 }] : [];
      }),
    });
    return;
  }
  if (value.nanos < 0n) {
    context.report({ span, message: `${label} in the ${where} must not be negative.` });
    return;
  }
  if (fractionOfByte) {
    const suggestion = typeof raw === 'string' && /^[0-9.]+m$/.test(raw) ? raw.replace(/m$/, 'Mi') : undefined;
    const edit = suggestion ? replaceScalar(node as Scalar, suggestion) : undefined;
    context.report({
      span,
      severity: 'warning',
      message: `${label} ${String(raw)} in the ${where} is a fraction of a byte${suggestion ? ` ("m" means milli, not mega: did you mean ${suggestion}?)` : ''}.`,
      fixes: edit ? [{ title: `Change to ${suggestion}`, edits: [edit], preferred: true }] : undefined,
    });
  }
}

export default rule;
