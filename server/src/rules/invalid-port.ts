import { isMap, isScalar, type YAMLMap } from 'yaml';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { mapAt, pairOf, seqAt, writtenText } from '../yaml/nodes';
import { nodeSpan } from './support/nodes';
import { probesOf } from './support/probes';
import type { Rule, RuleContext } from './types';

const rule: Rule = {
  meta: {
    id: 'invalid-port',
    severity: 'error',
    category: 'api',
    description: 'Port numbers outside 1-65535 (containerPort, hostPort, Service port and targetPort, probe ports).',
    docsUrl: ruleDocsUrl('invalid-port'),
    fixable: false,
    peers: { kubeScore: ['container-ports-check'] },
  },
  check(context) {
    const { resource } = context;
    if (resource.kind === 'Service') {
      for (const port of seqAt(mapAt(resource.root, 'spec'), 'ports')?.items ?? []) {
        if (!isMap(port)) continue;
        checkNumber(context, port, 'port', false);
        checkNumber(context, port, 'targetPort', false);
      }
      return;
    }
    for (const container of containersOf(podSpecOf(resource))) {
      for (const port of seqAt(container.node, 'ports')?.items ?? []) {
        if (!isMap(port)) continue;
        checkNumber(context, port, 'containerPort', false);
        checkNumber(context, port, 'hostPort', true);
      }
      for (const probe of probesOf(container.node)) {
        checkNumber(context, mapAt(probe.node, 'httpGet'), 'port', false);
        checkNumber(context, mapAt(probe.node, 'tcpSocket'), 'port', false);
        checkNumber(context, mapAt(probe.node, 'grpc'), 'port', false);
      }
    }
  },
};

/** Numbers only: a quoted number where an integer is required is a type error (the schema check's invalid-type), a string in an int-or-string field a name (invalid-port-name). */
function checkNumber(context: RuleContext, map: YAMLMap | undefined, key: string, zeroAllowed: boolean): void {
  const node = map ? pairOf(map, key)?.value : undefined;
  if (!isScalar(node)) return;
  const value = node.value;
  if (typeof value !== 'number' || (Number.isInteger(value) && inRange(value, zeroAllowed))) return;
  const span = nodeSpan(node);
  if (span) context.report({ span, message: `${key} ${writtenText(context.file.text, node)} is not a valid port: it must be an integer from 1 to 65535${zeroAllowed ? ' (or 0 for none)' : ''}.` });
}

function inRange(value: number, zeroAllowed: boolean): boolean {
  return (value >= 1 || (zeroAllowed && value === 0)) && value <= 65535;
}

export default rule;
