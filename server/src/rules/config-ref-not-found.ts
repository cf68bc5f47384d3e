import { insertPair } from '../analysis/edits';
import { ruleDocsUrl } from '../docsUrl';
import { configRefs, podTemplateOf } from '../workspace/podTemplate';
import type { Rule } from './types';

/** A ConfigMap or Secret the pod needs and the workspace does not define (generators and sealed/external secrets count). */
const rule: Rule = {
  meta: {
    id: 'config-ref-not-found',
    severity: 'information',
    category: 'cross-resource',
    description: 'A ConfigMap or Secret reference (volume, env, envFrom) names no object in the workspace; `optional: true` references are skipped.',
    docsUrl: ruleDocsUrl('config-ref-not-found'),
    fixable: true,
    peers: { kubeLinter: ['env-value-from'] },
  },
  check({ file, resource, workspace, report }) {
    if (!workspace?.index.complete) return;
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const ref of configRefs(template.spec)) {
      if (ref.optional || workspace.index.configProviders(ref.kind, ref.name, resource.namespace).length > 0) continue;
      const effect = ref.via === 'volume'
        ? 'the volume cannot be mounted (FailedMount) and the pod stays in ContainerCreating'
        : 'the container is not created (CreateContainerConfigError)';
      report({
        span: ref.span,
        message: `No ${ref.kind} named "${ref.name}" in the workspace. It may exist in the cluster; if it does not, ${effect}. Mark the reference \`optional: true\` if the pod can do without it.`,
        fixes: () => {
          const optional = ref.source.has('optional') ? undefined : insertPair(file.text, ref.source, 'optional', true);
          return optional ? [{ title: `Mark the ${ref.kind} reference optional (the pod starts without it)`, edits: [optional] }] : undefined;
        },
      });
    }
  },
};

export default rule;
