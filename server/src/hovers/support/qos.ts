import type { YAMLMap } from 'yaml';
import type { ContainerView } from '../../k8s/workloads';
import { mapAt, scalarAt } from '../../yaml/nodes';
import { compareQuantities, readQuantity } from '../../k8s/quantity';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';
const COMPUTE = ['cpu', 'memory'] as const;

export interface ContainerResources {
  name: string;
  /** As written, with a missing request taking its limit's value (what the API server defaults). */
  requests: Partial<Record<(typeof COMPUTE)[number], string>>;
  limits: Partial<Record<(typeof COMPUTE)[number], string>>;
}

export function containerResources(view: ContainerView): ContainerResources {
  const resources = mapAt(view.node, 'resources');
  const limits = quantities(mapAt(resources, 'limits'));
  const requests = { ...limits, ...quantities(mapAt(resources, 'requests')) };
  return { name: view.name ?? `${view.list}[${view.index}]`, requests, limits };
}

function quantities(map: YAMLMap | undefined): ContainerResources['limits'] {
  const result: ContainerResources['limits'] = {};
  for (const resource of COMPUTE) {
    const value = scalarAt(map, resource);
    if (value !== undefined && value !== null) result[resource] = String(value);
  }
  return result;
}

/** Equal quantities, or the same unreadable text. */
function sameQuantity(a: string | undefined, b: string | undefined): boolean {
  const [x, y] = [readQuantity(a), readQuantity(b)];
  return x && y ? compareQuantities(x, y) === 0 : x === y;
}

/** The pod's QoS class from its init and app containers (ephemeral containers do not count), with the reason in words. */
export function qosOf(containers: readonly ContainerView[]): { qos: QosClass; reason: string } {
  const all = containers.filter((view) => view.role !== 'ephemeral').map(containerResources);
  const anySet = all.some((c) => Object.keys(c.requests).length > 0 || Object.keys(c.limits).length > 0);
  if (!anySet) return { qos: 'BestEffort', reason: 'no container sets a CPU or memory request or limit' };
  for (const c of all) {
    for (const resource of COMPUTE) {
      if (c.limits[resource] === undefined) return { qos: 'Burstable', reason: `\`${c.name}\` has no ${resource} limit` };
      if (!sameQuantity(c.requests[resource], c.limits[resource])) {
        return { qos: 'Burstable', reason: `\`${c.name}\` requests ${c.requests[resource]} of ${resource} but may use up to ${c.limits[resource]}` };
      }
    }
  }
  return { qos: 'Guaranteed', reason: 'every container has CPU and memory limits equal to its requests' };
}
