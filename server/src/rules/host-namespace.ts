import { removePair } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { podSpecOf } from '../k8s/workloads';
import { pairOf } from '../yaml/nodes';
import { isTrue, keySpan } from './support/nodes';
import type { Rule } from './types';

const WHAT: Record<string, string> = {
  hostNetwork: "the node's network: it sees all the node's traffic and can bind its ports",
  hostPID: "the node's process table: it can see and signal every process on the node",
  hostIPC: "the node's IPC namespace: it can read shared memory of other processes on the node",
};

const rule: Rule = {
  meta: {
    id: 'host-namespace',
    severity: 'warning',
    category: 'security',
    description: "Pods that share the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).",
    docsUrl: ruleDocsUrl('host-namespace'),
    fixable: true,
    peers: { kubeLinter: ['host-network', 'host-pid', 'host-ipc'], polaris: ['hostNetworkSet', 'hostPIDSet', 'hostIPCSet'] },
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    if (!podSpec) return;
    for (const key of Object.keys(WHAT)) {
      if (!isTrue(podSpec, key)) continue;
      const edit = removePair(context.file.text, podSpec, key);
      context.report({
        span: keySpan(pairOf(podSpec, key)!),
        message: `${key}: true gives the pod ${WHAT[key]}. Use it only for node agents that need it.`,
        fixes: edit ? [{ title: `Remove ${key}`, edits: [edit] }] : undefined,
      });
    }
  },
};

export default rule;
