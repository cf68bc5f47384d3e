import { distance } from 'fastest-levenshtein';
import { isMap, isScalar, type Scalar } from 'yaml';
import type { Fix } from '../findings/finding';
import { appendToList, replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt, stringAt } from '../yaml/nodes';
import { isPlaceholder } from './support/formats';
import { nodeSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'undefined-volume',
    severity: 'error',
    category: 'api',
    description: "A volumeMount naming a volume the pod does not declare in spec.volumes.",
    docsUrl: ruleDocsUrl('undefined-volume'),
    fixable: true,
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    if (!podSpec) return;
    const volumes = (seqAt(podSpec, 'volumes')?.items ?? []).flatMap((item) => {
      const name = isMap(item) ? stringAt(item, 'name') : undefined;
      return name === undefined ? [] : [name];
    });
    // A StatefulSet's volumeClaimTemplates become volumes of its pods, by the template's name.
    for (const claim of seqAt(mapAt(context.resource.root, 'spec'), 'volumeClaimTemplates')?.items ?? []) {
      const name = isMap(claim) ? stringAt(mapAt(claim, 'metadata'), 'name') : undefined;
      if (name !== undefined) volumes.push(name);
    }
    for (const container of containersOf(podSpec)) {
      for (const mount of seqAt(container.node, 'volumeMounts')?.items ?? []) {
        if (!isMap(mount)) continue;
        const node = pairOf(mount, 'name')?.value;
        if (!isScalar(node) || node.value === null || node.value === undefined) continue;
        const name = String(node.value);
        if (volumes.includes(name) || isPlaceholder(name)) continue;
        const span = nodeSpan(node);
        if (!span) continue;
        context.report({
          span,
          message: `Container "${container.name ?? '?'}" mounts the volume "${name}", but the pod declares no volume by that name${volumes.length ? ` (it has: ${volumes.join(', ')})` : ''}; the API server rejects this.`,
          fixes: fixes(context, node, name, volumes),
        });
      }
    }
  },
};

function fixes(context: RuleContext, node: Scalar, name: string, volumes: string[]): Fix[] {
  const result: Fix[] = [];
  const closest = volumes.map((volume) => ({ volume, cost: distance(volume, name) })).sort((a, b) => a.cost - b.cost)[0];
  if (closest && closest.cost <= Math.max(2, Math.floor(name.length / 3))) {
    const edit = replaceScalar(node, closest.volume);
    if (edit) result.push({ title: `Mount "${closest.volume}" instead`, edits: [edit], preferred: true });
  }
  const podSpec = podSpecOf(context.resource);
  const add = podSpec ? appendToList(context.file.text, podSpec, 'volumes', { name, emptyDir: {} }) : undefined;
  if (add) result.push({ title: `Add an emptyDir volume "${name}"`, edits: [add], preferred: result.length === 0 });
  return result;
}

export default rule;
