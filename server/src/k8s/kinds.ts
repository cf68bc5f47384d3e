import type { Resource } from '../parse/model';

/** Workloads whose pods run until replaced: probes, replicas and rollout advice apply to them, not to Jobs. */
const LONG_RUNNING = new Set(['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'PodTemplate']);

export function isLongRunning(resource: Resource): boolean {
  return LONG_RUNNING.has(resource.kind ?? '');
}

/** Controllers with a label selector over their pod template. */
export const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);
