// The scheduler's filters that matter here: volume binding (PreFilter) and node resources.
import type { Cluster, Node } from './cluster';
import { NODE_MONITOR_GRACE_SECONDS } from './defaults';
import { isObject, objectAt, stringAt, type Json } from './json';
import type { Requests } from './spec';

export type ScheduleOutcome = { node: Node } | { failure: string };

/** Why the pod's claims block scheduling (the VolumeBinding PreFilter message), or undefined. */
export function claimProblem(claimNames: string[], namespace: string, claims: Json[], unbound: string[]): string | undefined {
  for (const name of claimNames) {
    if (unbound.includes(name)) return 'pod has unbound immediate PersistentVolumeClaims';
    const claim = claims.find((c) => stringAt(objectAt(c, 'metadata'), 'name') === name
      && (stringAt(objectAt(c, 'metadata'), 'namespace') ?? namespace) === namespace);
    if (!claim) continue; // not in the workspace: assumed to exist in the cluster, bound
    const metadata = objectAt(claim, 'metadata');
    if (metadata && metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    const phase = stringAt(objectAt(claim, 'status'), 'phase');
    const volumeName = stringAt(objectAt(claim, 'spec'), 'volumeName');
    if (phase === 'Lost') return `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${volumeName ?? ''}"`;
    if (phase === 'Bound' || volumeName) continue;
    const spec = objectAt(claim, 'spec');
    const staticOnly = isObject(spec) && spec.storageClassName === '';
    if (phase === 'Pending' || staticOnly) return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

function nodeNotReady(node: Node, now: number): boolean {
  return node.lostAt !== undefined && now >= node.lostAt + NODE_MONITOR_GRACE_SECONDS;
}

function countedReasons(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => `${n} ${reason}`).join(', ');
}

/** Picks the least loaded node that fits, or says why none does, in the scheduler's words. */
export function schedule(cluster: Cluster, requests: Requests, claimIssue: string | undefined, now: number, pinned?: Node): ScheduleOutcome {
  const total = cluster.nodes.length;
  const nodes = pinned ? [pinned] : cluster.nodes;
  if (claimIssue) {
    return { failure: `0/${total} nodes are available: ${claimIssue}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.` };
  }
  let best: Node | undefined;
  const reasons: string[] = [];
  const preemption: string[] = [];
  for (const node of nodes) {
    if (nodeNotReady(node, now)) {
      reasons.push('node(s) had untolerated taint {node.kubernetes.io/unreachable: }');
      preemption.push('Preemption is not helpful for scheduling');
      continue;
    }
    if (!node.fits(requests)) {
      if (node.cpuUsed + requests.cpuMilli > node.cpuCapacity) reasons.push('Insufficient cpu');
      if (node.memoryUsed + requests.memoryBytes > node.memoryCapacity) reasons.push('Insufficient memory');
      if (node.pods >= node.podCapacity) reasons.push('Too many pods');
      preemption.push('No preemption victims found for incoming pod');
      continue;
    }
    if (!best || node.load() < best.load()) best = node;
  }
  if (best) return { node: best };
  if (pinned) reasons.push(...Array.from({ length: total - 1 }, () => "node(s) didn't match Pod's node affinity/selector"));
  return { failure: `0/${total} nodes are available: ${countedReasons(reasons)}. preemption: 0/${total} nodes are available: ${countedReasons(preemption)}.` };
}
