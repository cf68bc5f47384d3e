import { insertPair } from '../../yaml/edits';
import type { Resource } from '../../parse/model';
import { containersOf, podSpecOf } from '../../k8s/workloads';
import { pairOf } from '../../yaml/nodes';
import { podTemplateOf } from '../../workspace/podTemplate';
import { sameNamespace, selectsLabels } from '../../workspace/selectors';
import type { RuleContext } from '../types';
import { containerSpan } from './nodes';
import { probeSkeleton, tcpPortsOf, type DeclaredPort } from './probeSkeleton';
import { isLongRunning } from '../../k8s/kinds';

/**
 * Reports each app container of a long-running workload that serves traffic but has no `probeKey`, with a fix that
 * adds a probe skeleton on the port. A container serves traffic when it declares a TCP port, or when a Service
 * (in the file or the workspace) selects its pod: the Service's targetPort says where. `consequence` says what
 * goes wrong without the probe.
 */
export function reportMissingProbe(context: RuleContext, probeKey: 'livenessProbe' | 'readinessProbe', consequence: string): void {
  if (!isLongRunning(context.resource)) return;
  let services: ServingService[] | undefined;
  for (const container of containersOf(podSpecOf(context.resource))) {
    if (container.role !== 'app' || pairOf(container.node, probeKey)) continue;
    const declared = tcpPortsOf(container.node)[0];
    let port: DeclaredPort | undefined = declared;
    let serves: string;
    if (declared) {
      serves = `serves port ${declared.name ?? declared.number}`;
    } else {
      services ??= servicesSelecting(context);
      const [service] = services;
      if (!service) continue;
      port = typeof service.targetPort === 'number' ? { number: service.targetPort } : undefined;
      serves = `receives traffic from Service ${service.name} (targetPort ${service.targetPort ?? '?'})`;
    }
    context.report({
      span: containerSpan(container.node),
      message: `Container "${container.name ?? '?'}" ${serves} but has no ${probeKey}. ${consequence}`,
      fixes: () => {
        if (!port) return undefined;
        const probe = probeSkeleton(port);
        const edit = insertPair(context.file.text, container.node, probeKey, probe);
        return edit ? [{ title: `Add a ${probeKey} (${'httpGet' in probe ? 'HTTP GET' : 'TCP'} on port ${port.name ?? port.number})`, edits: [edit], preferred: true }] : undefined;
      },
    });
  }
}

interface ServingService {
  name: string;
  /** The first port's targetPort (its port when unset); a name cannot be probed on a container that declares no ports. */
  targetPort?: number | string;
}

/** The Services that select the pods of the checked resource: from the workspace, else from its own file. */
function servicesSelecting({ resource, file, workspace }: RuleContext): ServingService[] {
  const labels = podTemplateOf(resource)?.labels ?? {};
  if (Object.keys(labels).length === 0) return [];
  if (workspace) {
    return workspace.index.servicesSelecting(labels, resource.namespace).filter((summary) => summary.service!.type !== 'ExternalName').map((summary) => {
      const [first] = summary.service!.ports;
      return { name: summary.name ?? '(unnamed)', targetPort: first?.targetPort ?? first?.port };
    });
  }
  return file.resources.filter((other) => other.kind === 'Service' && sameNamespace(other.namespace, resource.namespace))
    .flatMap((service) => selectingService(service, labels));
}

function selectingService(service: Resource, labels: Record<string, string>): ServingService[] {
  const spec = record(service.object?.spec);
  if (spec.type === 'ExternalName') return [];
  const selector = Object.fromEntries(Object.entries(record(spec.selector)).map(([key, value]) => [key, String(value)]));
  if (!selectsLabels(selector, labels)) return [];
  const first = record(Array.isArray(spec.ports) ? spec.ports[0] : undefined);
  const targetPort = [first.targetPort, first.port].find((value) => typeof value === 'number' || typeof value === 'string') as number | string | undefined;
  return [{ name: service.name ?? '(unnamed)', targetPort }];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
