import { eolOf } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import { claimRefs, podTemplateOf } from '../workspace/podTemplate';
import type { Rule, RuleContext } from './types';

/** Size of the claim the quick fix writes: a placeholder the user adjusts. */
export const NEW_CLAIM_SIZE = '1Gi';

/** A claimName with no PersistentVolumeClaim in the workspace: fine if it exists in the cluster, a Pending pod if not. */
const rule: Rule = {
  meta: {
    id: 'pvc-not-found',
    severity: 'information',
    category: 'cross-resource',
    description: 'A persistentVolumeClaim.claimName names no PersistentVolumeClaim in the workspace (it may exist in the cluster).',
    docsUrl: ruleDocsUrl('pvc-not-found'),
    fixable: true,
  },
  check(context) {
    const { resource, workspace, report } = context;
    if (!workspace?.index.complete) return;
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const claim of claimRefs(template.spec)) {
      if (workspace.index.named('PersistentVolumeClaim', claim.name, resource.namespace).length > 0) continue;
      report({
        span: claim.span,
        message: `No PersistentVolumeClaim named "${claim.name}" in the workspace. It may exist in the cluster; if it does not, the pod stays Pending (FailedScheduling: persistentvolumeclaim "${claim.name}" not found).`,
        fixes: () => [createClaim(context, claim.name)],
      });
    }
  },
};

/** Appends a new document with a ReadWriteOnce claim of this name to the end of the file. */
function createClaim({ file, resource }: RuleContext, name: string): Fix {
  const eol = eolOf(file.text);
  const lines = [
    '---',
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    `  name: ${plain(name)}`,
    ...(resource.namespace ? [`  namespace: ${plain(resource.namespace)}`] : []),
    'spec:',
    '  accessModes:',
    '    - ReadWriteOnce',
    '  resources:',
    '    requests:',
    `      storage: ${NEW_CLAIM_SIZE}`,
  ];
  const end = file.text.length;
  const lead = file.text.length === 0 || file.text.endsWith('\n') ? '' : eol;
  return { title: `Create PersistentVolumeClaim "${name}" in this file (${NEW_CLAIM_SIZE}, ReadWriteOnce; adjust)`, edits: [{ span: [end, end], newText: lead + lines.join(eol) + eol }] };
}

/** A name as a YAML string: plain when it cannot be read as anything else, else double-quoted. */
function plain(value: string): string {
  return /^[a-z][-a-z0-9.]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

export default rule;
