import { ruleDocsUrl } from '../docsUrl';
import { claimRefs, podTemplateOf } from '../workspace/podTemplate';
import type { Rule } from './types';

/** A claimName with no PersistentVolumeClaim in the workspace: fine if it exists in the cluster, a Pending pod if not. */
const rule: Rule = {
  meta: {
    id: 'pvc-not-found',
    severity: 'information',
    category: 'cross-resource',
    description: 'A persistentVolumeClaim.claimName names no PersistentVolumeClaim in the workspace (it may exist in the cluster).',
    docsUrl: ruleDocsUrl('pvc-not-found'),
    fixable: false,
  },
  check({ resource, workspace, report }) {
    if (!workspace?.index.complete) return;
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const claim of claimRefs(template.spec)) {
      if (workspace.index.named('PersistentVolumeClaim', claim.name, resource.namespace).length > 0) continue;
      report({
        span: claim.span,
        message: `No PersistentVolumeClaim named "${claim.name}" in the workspace. It may exist in the cluster; if it does not, the pod stays Pending (FailedScheduling: persistentvolumeclaim "${claim.name}" not found).`,
      });
    }
  },
};

export default rule;
