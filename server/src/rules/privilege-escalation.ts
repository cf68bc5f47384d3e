import { isScalar, isSeq } from 'yaml';
import { mergeInto, replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, nodeAtPath } from '../yaml/nodes';
import { containerSpan, nodeSpan } from './support/nodes';
import { containerSetting } from './support/securityContext';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'privilege-escalation',
    severity: 'warning',
    category: 'security',
    description: 'allowPrivilegeEscalation: true, contradictions the API server rejects, and containers that do not turn it off (a hint).',
    docsUrl: ruleDocsUrl('privilege-escalation'),
    fixable: true,
    peers: { kubeLinter: ['privilege-escalation-container'], polaris: ['privilegeEscalationAllowed'] },
  },
  check(context) {
    for (const container of containersOf(podSpecOf(context.resource))) {
      if (container.role === 'ephemeral') continue;
      const name = container.name ?? '?';
      const allow = containerSetting(container.node, 'allowPrivilegeEscalation');
      const privileged = containerSetting(container.node, 'privileged')?.value === true;
      if (allow?.value === false) {
        const adds = nodeAtPath(mapAt(container.node, 'securityContext'), ['capabilities', 'add']);
        const sysAdmin = isSeq(adds) && adds.items.some((item) => isScalar(item) && item.value === 'CAP_SYS_ADMIN');
        if (privileged || sysAdmin) {
          context.report({
            span: nodeSpan(allow)!,
            severity: 'error',
            message: `Container "${name}" sets allowPrivilegeEscalation: false together with ${privileged ? 'privileged: true' : 'the CAP_SYS_ADMIN capability'}; the API server rejects the contradiction.`,
          });
        }
        continue;
      }
      if (privileged) continue;
      if (allow?.value === true) {
        context.report({
          span: nodeSpan(allow)!,
          message: `Container "${name}" allows privilege escalation: a process can gain more privileges than its parent (setuid binaries, for example).`,
          fixes: () => {
            const edit = replaceScalar(allow, 'false');
            return edit ? [{ title: 'Set allowPrivilegeEscalation: false', edits: [edit], preferred: true }] : undefined;
          },
        });
        continue;
      }
      context.report({
        span: containerSpan(container.node),
        severity: 'hint',
        message: `Container "${name}" does not set allowPrivilegeEscalation: false, so setuid binaries can gain privileges (the restricted Pod Security Standard requires false).`,
        fixes: () => {
          const edits = mergeInto(context.file.text, container.node, { securityContext: { allowPrivilegeEscalation: false } });
          return edits && edits.length ? [{ title: 'Add securityContext.allowPrivilegeEscalation: false', edits, preferred: true }] : undefined;
        },
      });
    }
  },
};

export default rule;
