import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt } from '../yaml/nodes';
import { checkName, isPlaceholder, normalizeName, type NameFormat } from './support/formats';
import { nodeSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

/** Object name formats of the built-in kinds; other kinds (RBAC, CRDs) have their own rules and are not checked. */
const OBJECT_NAME_FORMAT: Record<string, NameFormat> = {
  Pod: 'dns1123-subdomain', Deployment: 'dns1123-subdomain', ReplicaSet: 'dns1123-subdomain', StatefulSet: 'dns1123-subdomain',
  DaemonSet: 'dns1123-subdomain', Job: 'dns1123-subdomain', CronJob: 'dns1123-subdomain', ReplicationController: 'dns1123-subdomain',
  PersistentVolumeClaim: 'dns1123-subdomain', PersistentVolume: 'dns1123-subdomain', ConfigMap: 'dns1123-subdomain', Secret: 'dns1123-subdomain',
  ServiceAccount: 'dns1123-subdomain', PriorityClass: 'dns1123-subdomain', StorageClass: 'dns1123-subdomain', RuntimeClass: 'dns1123-subdomain',
  PodTemplate: 'dns1123-subdomain', Ingress: 'dns1123-subdomain', HorizontalPodAutoscaler: 'dns1123-subdomain',
  PodDisruptionBudget: 'dns1123-subdomain', NetworkPolicy: 'dns1123-subdomain',
  Service: 'dns1035-label', Namespace: 'dns1123-label',
};

const rule: Rule = {
  meta: {
    id: 'invalid-name',
    severity: 'error',
    category: 'api',
    description: 'Names the API server rejects: object, namespace, container, volume and port names that break their DNS format.',
    docsUrl: ruleDocsUrl('invalid-name'),
    fixable: true,
  },
  check(context) {
    const { resource } = context;
    const metadata = mapAt(resource.root, 'metadata');
    const format = OBJECT_NAME_FORMAT[resource.kind ?? ''];
    if (format) checkField(context, metadata, 'name', format, `${resource.kind} name`);
    checkField(context, metadata, 'namespace', 'dns1123-label', 'Namespace');
    if (resource.kind === 'Service') {
      for (const port of seqAt(mapAt(resource.root, 'spec'), 'ports')?.items ?? []) {
        if (isMap(port)) checkField(context, port, 'name', 'dns1123-label', 'Service port name');
      }
    }
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) checkField(context, container.node, 'name', 'dns1123-label', 'Container name');
    const volumes = seqAt(podSpec, 'volumes');
    for (const volume of isSeq(volumes) ? volumes.items : []) {
      if (isMap(volume)) checkField(context, volume, 'name', 'dns1123-label', 'Volume name');
    }
    checkField(context, podSpec, 'hostname', 'dns1123-label', 'hostname');
    checkField(context, podSpec, 'subdomain', 'dns1123-label', 'subdomain');
    checkField(context, podSpec, 'serviceAccountName', 'dns1123-subdomain', 'serviceAccountName');
    checkField(context, podSpec, 'priorityClassName', 'dns1123-subdomain', 'priorityClassName');
  },
};

function checkField(context: RuleContext, map: YAMLMap | undefined, key: string, format: NameFormat, what: string): void {
  const node = map ? pairOf(map, key)?.value : undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || isPlaceholder(node.value)) return;
  const problem = checkName(node.value, format);
  const span = problem ? nodeSpan(node) : undefined;
  if (!problem || !span) return;
  context.report({ span, message: `${what} "${node.value}" ${problem}.`, fixes: renameFix(node as Scalar<string>, format) });
}

function renameFix(node: Scalar<string>, format: NameFormat) {
  const name = normalizeName(node.value, format);
  const edit = name ? replaceScalar(node, name) : undefined;
  return edit ? [{ title: `Rename to "${name}"`, edits: [edit], preferred: true }] : [];
}

export default rule;
