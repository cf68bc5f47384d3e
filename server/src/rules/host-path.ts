import { isMap } from 'yaml';
import { ruleDocsUrl } from '../findings/docsUrl';
import { podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt, stringAt } from '../yaml/nodes';
import { keySpan } from './support/nodes';
import type { Rule } from './types';

/** Host paths kube-linter calls sensitive, plus the container runtime sockets. */
const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock'];

const rule: Rule = {
  meta: {
    id: 'host-path',
    severity: 'warning',
    category: 'security',
    description: "hostPath volumes: the pod reads or writes the node's files (information; a warning for sensitive paths and runtime sockets).",
    docsUrl: ruleDocsUrl('host-path'),
    fixable: false,
    peers: { kubeLinter: ['sensitive-host-mounts', 'docker-sock', 'writable-host-mount'], polaris: ['hostPathSet'] },
  },
  check(context) {
    for (const volume of seqAt(podSpecOf(context.resource), 'volumes')?.items ?? []) {
      if (!isMap(volume)) continue;
      const pair = pairOf(volume, 'hostPath');
      if (!pair) continue;
      const path = stringAt(mapAt(volume, 'hostPath'), 'path') ?? '';
      const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
      const sensitive = SENSITIVE.find((candidate) => normalized === candidate || (candidate !== '/' && candidate.split('/').length === 2 && normalized.startsWith(`${candidate}/`)));
      context.report({
        span: keySpan(pair),
        severity: sensitive ? 'warning' : 'information',
        message: sensitive
          ? `Volume "${stringAt(volume, 'name') ?? '?'}" mounts the node's ${path}: a sensitive host path (${/sock$/.test(path) ? 'control of the container runtime is control of the node' : 'host configuration and devices'}).`
          : `Volume "${stringAt(volume, 'name') ?? '?'}" mounts ${path || 'a path'} from the node: the pod depends on that node's files and can change them. Prefer emptyDir, a ConfigMap or a PersistentVolumeClaim unless this is a node agent.`,
      });
    }
  },
};

export default rule;
