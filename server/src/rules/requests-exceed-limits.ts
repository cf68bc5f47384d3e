import { isScalar, type Scalar } from 'yaml';
import type { Fix } from '../findings/finding';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { mapAt, pairOf, writtenText } from '../yaml/nodes';
import { nodeSpan } from './support/nodes';
import { compareQuantities, readQuantity } from '../k8s/quantity';
import { resourceBlocksOf } from './support/resources';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'requests-exceed-limits',
    severity: 'error',
    category: 'api',
    description: 'A resource request larger than its limit (the API server rejects it).',
    docsUrl: ruleDocsUrl('requests-exceed-limits'),
    fixable: true,
  },
  check(context) {
    for (const block of resourceBlocksOf(context.resource)) {
      const requests = mapAt(block.node, 'requests');
      const limits = mapAt(block.node, 'limits');
      if (!requests || !limits) continue;
      for (const item of requests.items) {
        if (!isScalar(item.key) || !isScalar(item.value)) continue;
        const name = String(item.key.value);
        const limitNode = pairOf(limits, name)?.value;
        if (!isScalar(limitNode)) continue;
        const request = readQuantity(item.value.value);
        const limit = readQuantity(limitNode.value);
        if (request === undefined || limit === undefined || compareQuantities(request, limit) <= 0) continue;
        const span = nodeSpan(item.value);
        if (!span) continue;
        context.report({
          span,
          message: `The ${name} request (${text(context, item.value)}) of the ${block.owner} is larger than its limit (${text(context, limitNode)}); a request must be less than or equal to the limit.`,
          fixes: fixes(context, item.value, limitNode),
        });
      }
    }
  },
};

function text(context: RuleContext, node: Scalar): string {
  return writtenText(context.file.text, node).replace(/^["']|["']$/g, '');
}

function fixes(context: RuleContext, request: Scalar, limit: Scalar): Fix[] {
  const requestText = text(context, request);
  const limitText = text(context, limit);
  const raise = replaceScalar(limit, requestText);
  const lower = replaceScalar(request, limitText);
  return [
    ...(raise ? [{ title: `Raise the limit to ${requestText}`, edits: [raise], preferred: true }] : []),
    ...(lower ? [{ title: `Lower the request to ${limitText}`, edits: [lower] }] : []),
  ];
}

export default rule;
