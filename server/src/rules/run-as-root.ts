import { mergeInto, replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { containerSpan, nodeSpan } from './support/nodes';
import { containerSetting, effectiveSetting } from './support/securityContext';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'run-as-root',
    severity: 'warning',
    category: 'security',
    description: 'Containers that run as root (runAsUser: 0) or with the root group (runAsGroup: 0), or that nothing stops from running as root (a hint).',
    docsUrl: ruleDocsUrl('run-as-root'),
    fixable: true,
    peers: { kubeLinter: ['run-as-non-root'], polaris: ['runAsRootAllowed'], kubeScore: ['container-security-context-user-group-id'] },
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    for (const container of containersOf(podSpec)) {
      if (container.role === 'ephemeral') continue;
      const user = effectiveSetting(container.node, podSpec, 'runAsUser');
      const nonRoot = effectiveSetting(container.node, podSpec, 'runAsNonRoot');
      const name = container.name ?? '?';
      const group = effectiveSetting(container.node, podSpec, 'runAsGroup');
      if (group?.value === 0) {
        context.report({ span: nodeSpan(group)!, message: `Container "${name}" runs with the root group (runAsGroup: 0): its processes can read and write every file the group root may, in the image and on mounted volumes.` });
      }
      if (user?.value === 0) {
        context.report({
          span: nodeSpan(user)!,
          message: nonRoot?.value === true
            ? `Container "${name}" sets runAsUser: 0 under runAsNonRoot: true: the kubelet refuses to start it (CreateContainerConfigError: its runAsUser breaks the non-root policy).`
            : `Container "${name}" runs as root (runAsUser: 0): a process that escapes the container is root on the node.`,
        });
        continue;
      }
      if (nonRoot?.value === true || (typeof user?.value === 'number' && user.value > 0)) continue;
      const own = containerSetting(container.node, 'runAsNonRoot');
      context.report({
        span: nonRoot ? nodeSpan(nonRoot)! : containerSpan(container.node),
        severity: 'hint',
        message: `Nothing stops container "${name}" from running as root: the image's USER decides. Set runAsNonRoot: true (the kubelet then refuses to start it as root) or a non-zero runAsUser.`,
        fixes: () => {
          const replaced = own ? replaceScalar(own, 'true') : undefined;
          const edits = replaced ? [replaced] : mergeInto(context.file.text, container.node, { securityContext: { runAsNonRoot: true } });
          return edits && edits.length ? [{ title: 'Set securityContext.runAsNonRoot: true', edits, preferred: true }] : undefined;
        },
      });
    }
  },
};

export default rule;
