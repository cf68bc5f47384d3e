import { insertPair } from '../../yaml/edits';
import { containersOf, podSpecOf } from '../../parse/workloads';
import { pairOf } from '../../yaml/nodes';
import type { RuleContext } from '../types';
import { containerSpan } from './nodes';
import { probeSkeleton, tcpPortsOf } from './probeSkeleton';
import { isLongRunning } from '../../k8s/kinds';

/**
 * Reports each app container of a long-running workload that serves a TCP port but has no `probeKey`,
 * with a fix that adds a probe skeleton on that port. `consequence` says what goes wrong without it.
 */
export function reportMissingProbe(context: RuleContext, probeKey: 'livenessProbe' | 'readinessProbe', consequence: string): void {
  if (!isLongRunning(context.resource)) return;
  for (const container of containersOf(podSpecOf(context.resource))) {
    if (container.role !== 'app' || pairOf(container.node, probeKey)) continue;
    const port = tcpPortsOf(container.node)[0];
    if (!port) continue;
    const probe = probeSkeleton(port);
    const portText = port.name ?? port.number;
    context.report({
      span: containerSpan(container.node),
      message: `Container "${container.name ?? '?'}" serves port ${portText} but has no ${probeKey}. ${consequence}`,
      fixes: () => {
        const edit = insertPair(context.file.text, container.node, probeKey, probe);
        return edit ? [{ title: `Add a ${probeKey} (${'httpGet' in probe ? 'HTTP GET' : 'TCP'} on port ${portText})`, edits: [edit], preferred: true }] : undefined;
      },
    });
  }
}
