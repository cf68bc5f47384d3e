import { isMap, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Fix } from '../findings/finding';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import type { Span } from '../parse/model';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt } from '../yaml/nodes';
import { nodeSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

interface Named {
  key: string;
  node: Node;
  label: string;
}

const rule: Rule = {
  meta: {
    id: 'duplicate-name',
    severity: 'error',
    category: 'api',
    description: 'Names that must be unique: containers (init, app and ephemeral together), volumes, ports of a container, mount paths, Service ports.',
    docsUrl: ruleDocsUrl('duplicate-name'),
    fixable: true,
  },
  check(context) {
    const { resource } = context;
    if (resource.kind === 'Service') {
      const ports = itemsOf(seqAt(mapAt(resource.root, 'spec'), 'ports')?.items);
      reportDuplicates(context, named(ports, 'name'), 'Service port name');
      return;
    }
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const containers = containersOf(podSpec);
    const containerNames = () => new Set(containers.map((container) => container.name).filter((name): name is string => !!name));
    reportDuplicates(context, named(containers.map((container) => container.node), 'name'), 'container name', containerNames);
    reportDuplicates(context, named(itemsOf(seqAt(podSpec, 'volumes')?.items), 'name'), 'volume name');
    for (const container of containers) {
      const ports = itemsOf(seqAt(container.node, 'ports')?.items);
      // One port or none (most containers) cannot repeat a name or a number.
      if (ports.length > 1) {
        reportDuplicates(context, named(ports, 'name'), `port name in container "${container.name ?? '?'}"`);
        const numbers = ports.flatMap((port): Named[] => {
          const node = pairOf(port, 'containerPort')?.value;
          if (!isScalar(node) || typeof node.value !== 'number') return [];
          const protocol = String((pairOf(port, 'protocol')?.value as Scalar | undefined)?.value ?? 'TCP');
          return [{ key: `${node.value}/${protocol}`, node, label: `${node.value}/${protocol}` }];
        });
        reportDuplicates(context, numbers, `containerPort in container "${container.name ?? '?'}"`, undefined, 'warning');
      }
      const mounts = itemsOf(seqAt(container.node, 'volumeMounts')?.items);
      reportDuplicates(context, named(mounts, 'mountPath'), `mountPath in container "${container.name ?? '?'}"`);
    }
  },
};

function itemsOf(items: unknown[] | undefined): YAMLMap[] {
  return (items ?? []).filter((item): item is YAMLMap => isMap(item));
}

function named(maps: YAMLMap[], key: string): Named[] {
  return maps.flatMap((map): Named[] => {
    const node = pairOf(map, key)?.value;
    if (!isScalar(node) || node.value === null || node.value === undefined) return [];
    return [{ key: String(node.value), node, label: String(node.value) }];
  });
}

/** `renameAvoiding`: offer a rename, to a name not among those it gives (asked once, at the first duplicate). */
function reportDuplicates(context: RuleContext, items: Named[], what: string, renameAvoiding?: () => Set<string>, severity?: 'warning'): void {
  if (items.length < 2) return;
  let taken: Set<string> | undefined;
  const seen = new Map<string, Named>();
  for (const item of items) {
    const first = seen.get(item.key);
    if (!first) {
      seen.set(item.key, item);
      continue;
    }
    const span = nodeSpan(item.node) as Span;
    const line = context.file.text.slice(0, nodeSpan(first.node)![0]).split('\n').length;
    context.report({
      span,
      message: severity === 'warning'
        ? `Duplicate ${what}: ${item.label} is already declared (line ${line}); the API server warns that this is ambiguous.`
        : `Duplicate ${what}: "${item.label}" is already used (line ${line}); the API server rejects duplicates.`,
      severity,
      fixes: renameAvoiding ? renameFix(item.node as Scalar, item.key, (taken ??= renameAvoiding())) : undefined,
    });
  }
}

function renameFix(node: Scalar, name: string, taken: Set<string>): Fix[] {
  let suffix = 2;
  while (taken.has(`${name}-${suffix}`)) suffix++;
  const fresh = `${name}-${suffix}`;
  taken.add(fresh);
  const edit = replaceScalar(node, fresh);
  return edit ? [{ title: `Rename to "${fresh}"`, edits: [edit], preferred: true }] : [];
}

export default rule;
