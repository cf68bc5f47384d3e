import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { nodeSpan } from './support/nodes';
import { containerSetting } from './support/securityContext';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'privileged',
    severity: 'warning',
    category: 'security',
    description: 'Privileged containers: root on the node, with every device and capability.',
    docsUrl: ruleDocsUrl('privileged'),
    fixable: true,
    peers: { kubeLinter: ['privileged-container'], polaris: ['runAsPrivileged'], kubeScore: ['container-security-context-privileged'] },
  },
  check(context) {
    for (const container of containersOf(podSpecOf(context.resource))) {
      const node = containerSetting(container.node, 'privileged');
      if (node?.value !== true) continue;
      const edit = replaceScalar(node, 'false');
      context.report({
        span: nodeSpan(node)!,
        message: `Container "${container.name ?? '?'}" is privileged: it has every capability and device of the node, so escaping the container is trivial. Grant only the capabilities it needs.`,
        fixes: edit ? [{ title: 'Set privileged: false', edits: [edit] }] : undefined,
      });
    }
  },
};

export default rule;
