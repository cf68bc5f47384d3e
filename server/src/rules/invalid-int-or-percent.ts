import { isScalar, type Scalar } from 'yaml';
import { ruleDocsUrl } from '../findings/docsUrl';
import type { Fix } from '../findings/finding';
import { INT_OR_PERCENT_FIELDS, readIntOrPercent, percentProblem } from '../k8s/intOrPercent';
import { nodeAtPath } from '../yaml/nodes';
import { replaceScalar } from '../yaml/edits';
import { isPlaceholder } from './support/formats';
import { nodeSpan } from './support/nodes';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'invalid-int-or-percent',
    severity: 'error',
    category: 'api',
    description: 'maxSurge, maxUnavailable, minAvailable values the API server rejects: a percentage that is not a whole number ("12.5%"), a number written as a string ("3"), a negative count, more than 100%.',
    docsUrl: ruleDocsUrl('invalid-int-or-percent'),
    fixable: true,
  },
  check(context) {
    for (const field of INT_OR_PERCENT_FIELDS[context.resource.kind ?? ''] ?? []) {
      const node = nodeAtPath(context.resource.root, field.path);
      if (!isScalar(node) || node.value === null || (typeof node.value === 'string' && isPlaceholder(node.value))) continue;
      // A fractional YAML number is the schema's invalid-type.
      if (typeof node.value === 'number' && !Number.isInteger(node.value)) continue;
      const read = readIntOrPercent(node.value);
      const problem = 'problem' in read ? read.problem : percentProblem(read, field.atMost100);
      const span = nodeSpan(node);
      // A template action (masked in the parsed tree) is not the value: it is known only once rendered.
      if (!problem || !span || isPlaceholder(context.file.text.slice(span[0], span[1]))) continue;
      const name = field.path[field.path.length - 1];
      context.report({
        span,
        message: `${name} ${JSON.stringify(node.value)} is rejected by the API server: ${problem}.`,
        fixes: fixesFor(node, field.atMost100),
      });
    }
  },
};

/** Whole percentages either side of a fractional one, the count a quoted number means, 100% for more than that. */
function fixesFor(node: Scalar, atMost100: boolean): Fix[] {
  const value = node.value;
  const candidates: string[] = [];
  if (typeof value === 'string') {
    const fraction = /^\s*([0-9]*\.[0-9]+|[0-9]+\.)\s*%\s*$/.exec(value);
    const whole = /^\s*([0-9]+)\s*%?\s*$/.exec(value);
    if (fraction) {
      const exact = Number(fraction[1]);
      candidates.push(...new Set([`${Math.floor(exact)}%`, `${Math.ceil(exact)}%`]));
    } else if (whole && value.includes('%')) candidates.push(`${whole[1]}%`);
    else if (whole) return withEdit(node, whole[1], `Change to the number ${whole[1]}`, true, { span: nodeSpan(node)!, newText: whole[1] });
  }
  if (atMost100 && typeof value === 'string' && /^[0-9]+%$/.test(value)) candidates.splice(0, candidates.length, '100%');
  return candidates.flatMap((candidate, index) => withEdit(node, candidate, `Change to ${candidate}`, index === 0));
}

function withEdit(node: Scalar, value: string, title: string, preferred: boolean, edit = replaceScalar(node, value)): Fix[] {
  return edit ? [{ title, edits: [edit], preferred }] : [];
}

export default rule;
