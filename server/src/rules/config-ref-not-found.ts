import { distance } from 'fastest-levenshtein';
import { isScalar } from 'yaml';
import { insertPair, replaceScalar } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import { pairOf } from '../yaml/nodes';
import { listWords } from '../workspace/describe';
import { configRefs, podTemplateOf, type ConfigRef, type KeyRef } from '../workspace/podTemplate';
import type { Rule, RuleContext } from './types';

/**
 * A ConfigMap or Secret the pod needs and the workspace does not define (generators and sealed/external secrets
 * count), or a key it reads that the object defined in the workspace does not hold.
 */
const rule: Rule = {
  meta: {
    id: 'config-ref-not-found',
    severity: 'information',
    category: 'cross-resource',
    description: 'A ConfigMap or Secret reference (volume, env, envFrom) names no object in the workspace, or a key (env key, volume items) the object does not hold; optional: true references are skipped.',
    docsUrl: ruleDocsUrl('config-ref-not-found'),
    fixable: true,
    peers: { kubeLinter: ['env-value-from'] },
  },
  check(context) {
    const { resource, workspace, report } = context;
    if (!workspace?.index.complete) return;
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const ref of configRefs(template.spec)) {
      if (ref.optional) continue;
      if (workspace.index.configProviders(ref.kind, ref.name, resource.namespace).length === 0) {
        report({
          span: ref.span,
          message: `No ${ref.kind} named "${ref.name}" in the workspace. It may exist in the cluster; if it does not, ${effectOf(ref)}. Mark the reference optional: true if the pod can do without it.`,
          fixes: () => optionalFix(context, ref, ref.source, `Mark the ${ref.kind} reference optional (the pod starts without it)`),
        });
        continue;
      }
      const keys = workspace.index.configKeys(ref.kind, ref.name, resource.namespace);
      if (!keys) continue;
      for (const key of ref.keys) if (!keys.includes(key.key)) reportMissingKey(context, ref, key, keys);
    }
  },
};

/** The object is in the workspace: a key it lacks is a real fault (severity warning), not something the cluster may hold. */
function reportMissingKey(context: RuleContext, ref: ConfigRef, key: KeyRef, keys: readonly string[]): void {
  const near = nearest(key.key, keys);
  const holds = keys.length > 0 ? `it has ${listWords([...keys].sort().map((name) => `"${name}"`))}` : 'it holds no keys';
  context.report({
    span: key.span,
    severity: 'warning',
    message: `${ref.kind} "${ref.name}" has no key "${key.key}" (${holds}).${near ? ` Did you mean "${near}"?` : ''} Unless the object in the cluster differs, ${effectOf(ref)}.`,
    fixes: () => {
      const fixes: Fix[] = [];
      const node = pairOf(key.source, 'key')?.value;
      const rename = near && isScalar(node) ? replaceScalar(node, near) : undefined;
      if (rename) fixes.push({ title: `Change the key to "${near}"`, edits: [rename], preferred: true });
      fixes.push(...optionalFix(context, ref, ref.source, `Mark the ${ref.kind} reference optional (the ${ref.via === 'env' ? 'variable is left unset' : 'volume skips the missing key'})`) ?? []);
      return fixes;
    },
  });
}

function effectOf(ref: ConfigRef): string {
  return ref.via === 'volume'
    ? 'the volume cannot be mounted (FailedMount) and the pod stays in ContainerCreating'
    : 'the container is not created (CreateContainerConfigError)';
}

function optionalFix({ file }: RuleContext, ref: ConfigRef, source: ConfigRef['source'], title: string): Fix[] | undefined {
  if (ref.source.has('optional')) return undefined;
  const edit = insertPair(file.text, source, 'optional', true);
  return edit ? [{ title, edits: [edit] }] : undefined;
}

/** The closest key by edit distance, if close enough to be a typo (case differences count as one edit). */
function nearest(key: string, keys: readonly string[]): string | undefined {
  const threshold = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  let best: { key: string; score: number } | undefined;
  for (const candidate of keys) {
    const score = candidate.toLowerCase() === key.toLowerCase() ? 0.5 : distance(key, candidate);
    if (score <= threshold && (!best || score < best.score)) best = { key: candidate, score };
  }
  return best?.key;
}

export default rule;
