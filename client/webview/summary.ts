// One sentence that says where the simulation is at the playhead (for the
// status line and screen readers).
import { jobStatus, podsStatuses } from './jobs';
import { podDisplayStatus, podReadyColumn, podRestarts } from './podStatus';
import type { SimulationFrame } from './simulationResult';

export function frameSummary(kind: string, frame: SimulationFrame | undefined): string {
  const jobs = (frame?.jobs ?? []).map((job) => `job ${job.name} ${jobStatus(job)}: ${podsStatuses(job)}`);
  return [podSummary(kind, frame), ...jobs].join('; ');
}

function podSummary(kind: string, frame: SimulationFrame | undefined): string {
  const pods = frame?.pods ?? [];
  if (pods.length === 0) return 'no pods';
  if (kind === 'Pod' || pods.length === 1) {
    const pod = pods[0];
    const restarts = podRestarts(pod);
    return `pod ${pod.name} ${podDisplayStatus(pod)}, phase ${pod.phase}, ${podReadyColumn(pod)} containers ready${restarts > 0 ? `, ${restarts} restart${restarts === 1 ? '' : 's'}` : ''}`;
  }
  const ready = pods.filter((p) => p.conditions.Ready === 'True' && !p.terminating).length;
  const terminating = pods.filter((p) => p.terminating).length;
  const parts = [`${ready} of ${pods.length} pods ready`];
  if (terminating > 0) parts.push(`${terminating} terminating`);
  for (const rs of [...(frame?.replicaSets ?? [])].sort((a, b) => b.revision - a.revision)) {
    parts.push(`revision ${rs.revision}: ${rs.ready}/${rs.desired} ready, ${rs.available} available`);
  }
  return parts.join('; ');
}
