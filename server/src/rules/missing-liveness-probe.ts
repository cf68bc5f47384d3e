import { insertPair } from '../analysis/edits';
import { ruleDocsUrl } from '../docsUrl';
import { containersOf, podSpecOf } from '../parse/workloads';
import { pairOf } from '../parse/yamlNodes';
import { containerSpan } from './support/nodes';
import { probeSkeleton, tcpPortsOf } from './support/probeSkeleton';
import { isLongRunning } from './support/scope';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'missing-liveness-probe',
    severity: 'information',
    category: 'best-practice',
    description: 'Long-running containers that serve a port but have no livenessProbe (Jobs are not checked).',
    docsUrl: ruleDocsUrl('missing-liveness-probe'),
    fixable: true,
  },
  check(context) {
    if (!isLongRunning(context.resource)) return;
    for (const container of containersOf(podSpecOf(context.resource))) {
      if (container.role !== 'app' || pairOf(container.node, 'livenessProbe')) continue;
      const port = tcpPortsOf(container.node)[0];
      if (!port) continue;
      const probe = probeSkeleton(port);
      context.report({
        span: containerSpan(container.node),
        message: `Container "${container.name ?? '?'}" serves port ${port.name ?? port.number} but has no livenessProbe. Without one, a process that hangs without exiting is never restarted.`,
        fixes: () => {
          const edit = insertPair(context.file.text, container.node, 'livenessProbe', probe);
          return edit ? [{ title: `Add a livenessProbe (${'httpGet' in probe ? 'HTTP GET' : 'TCP'} on port ${port.name ?? port.number})`, edits: [edit], preferred: true }] : undefined;
        },
      });
    }
  },
};

export default rule;
