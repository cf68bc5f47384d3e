import { isMap, isScalar, type YAMLMap } from 'yaml';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt } from '../yaml/nodes';
import { checkPortName, isPlaceholder } from './support/formats';
import { nodeSpan } from './support/nodes';
import { probesOf } from './support/probes';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'invalid-port-name',
    severity: 'error',
    category: 'api',
    description: 'Container port names, named targetPorts and named probe ports that break IANA_SVC_NAME (15 characters, lower-case, at least one letter).',
    docsUrl: ruleDocsUrl('invalid-port-name'),
    fixable: true,
    peers: { kubeLinter: ['invalid-target-ports'], kubeScore: ['container-ports-check'] },
  },
  check(context) {
    const { resource } = context;
    if (resource.kind === 'Service') {
      for (const port of seqAt(mapAt(resource.root, 'spec'), 'ports')?.items ?? []) {
        if (isMap(port)) checkName(context, port, 'targetPort', 'targetPort');
      }
      return;
    }
    for (const container of containersOf(podSpecOf(resource))) {
      for (const port of seqAt(container.node, 'ports')?.items ?? []) {
        if (isMap(port)) checkName(context, port, 'name', 'Port name');
      }
      for (const probe of probesOf(container.node)) {
        checkName(context, mapAt(probe.node, 'httpGet'), 'port', `${probe.kind} port`);
        checkName(context, mapAt(probe.node, 'tcpSocket'), 'port', `${probe.kind} port`);
      }
    }
  },
};

function checkName(context: RuleContext, map: YAMLMap | undefined, key: string, what: string): void {
  const node = map ? pairOf(map, key)?.value : undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || isPlaceholder(node.value)) return;
  const problem = checkPortName(node.value);
  const span = problem ? nodeSpan(node) : undefined;
  if (!problem || !span) return;
  const numeric = /^[0-9]+$/.test(node.value) && Number(node.value) >= 1 && Number(node.value) <= 65535;
  context.report({
    span,
    message: `${what} "${node.value}" ${problem}.`,
    fixes: numeric && key !== 'name' ? [{ title: `Use the port number ${node.value}`, edits: [{ span, newText: node.value }], preferred: true }] : undefined,
  });
}

export default rule;
