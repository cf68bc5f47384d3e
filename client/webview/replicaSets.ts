// Groups a Deployment's pods by the ReplicaSet (template revision) that owns them.
import type { PodLanes } from './lanes';
import type { SimulationFrame } from './simulationResult';

export interface PodGroup {
  /** The heading over the group's pod lanes. */
  title: string;
  /** The ReplicaSet's revision, for a Deployment's groups. */
  revision?: number;
  /** The ReplicaSet's name when known (from the frames, or the pods' shared name prefix). */
  name?: string;
  pods: PodLanes[];
}

/** `web-6d4cf56db6-x2x8p` -> `web-6d4cf56db6`: a ReplicaSet's pods share its name as prefix. */
export function replicaSetPrefix(podName: string): string {
  const cut = podName.lastIndexOf('-');
  return cut > 0 ? podName.slice(0, cut) : podName;
}

export function groupPodsByReplicaSet(pods: readonly PodLanes[], frames: readonly SimulationFrame[]): PodGroup[] {
  const namesByRevision = new Map<number, string>();
  for (const frame of frames) for (const rs of frame.replicaSets ?? []) if (rs.name) namesByRevision.set(rs.revision, rs.name);
  const revisionByName = new Map([...namesByRevision].map(([revision, name]) => [name, revision]));

  const prefixRevisions = new Map<string, number>();
  const groups = new Map<number, PodGroup>();
  for (const pod of pods) {
    const prefix = replicaSetPrefix(pod.name);
    let revision = pod.revision ?? revisionByName.get(prefix) ?? prefixRevisions.get(prefix);
    if (revision === undefined) {
      revision = prefixRevisions.size + 1;
      while ([...prefixRevisions.values()].includes(revision) || namesByRevision.has(revision)) revision++;
    }
    prefixRevisions.set(prefix, revision);
    let group = groups.get(revision);
    if (!group) {
      const name = namesByRevision.get(revision) ?? (pod.revision === undefined ? prefix : undefined);
      group = { title: `Pods of ${name ?? 'ReplicaSet'} (revision ${revision})`, revision, pods: [] };
      if (name !== undefined) group.name = name;
      groups.set(revision, group);
    }
    group.pods.push(pod);
  }
  return [...groups.values()].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}
