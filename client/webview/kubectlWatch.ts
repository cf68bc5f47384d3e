// `kubectl get pods -w`: the list at the start, then one line each time a pod's row
// changes (a watch event), up to the playhead.
import { formatAge } from './format';
import { alignColumns } from './kubectlText';
import { podDisplayStatus, podReadyColumn, podRestarts } from './podStatus';
import type { SimulatedPod, SimulationFrame } from './simulationResult';

export interface WatchLine {
  at: number;
  text: string;
}

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];

function row(pod: SimulatedPod, age: number): string[] {
  return [pod.name, podReadyColumn(pod), podDisplayStatus(pod), String(podRestarts(pod)), formatAge(age)];
}

/**
 * Every line the watch prints, with the time it is printed. A pod that leaves the API prints its
 * last row once more (the watch's DELETED event). The header line has time 0.
 */
export function watchLines(frames: readonly SimulationFrame[]): WatchLine[] {
  const printed: { at: number; cells: string[] }[] = [];
  const firstSeen = new Map<string, number>();
  const last = new Map<string, { key: string; pod: SimulatedPod }>();
  for (const frame of frames) {
    const present = new Set<string>();
    for (const pod of frame.pods) {
      present.add(pod.name);
      if (!firstSeen.has(pod.name)) firstSeen.set(pod.name, frame.at);
      const key = JSON.stringify([podReadyColumn(pod), podDisplayStatus(pod), podRestarts(pod)]);
      if (last.get(pod.name)?.key === key) continue;
      last.set(pod.name, { key, pod });
      printed.push({ at: frame.at, cells: row(pod, frame.at - firstSeen.get(pod.name)!) });
    }
    for (const [name, seen] of last) {
      if (present.has(name)) continue;
      printed.push({ at: frame.at, cells: row(seen.pod, frame.at - firstSeen.get(name)!) });
      last.delete(name);
    }
  }
  const lines = alignColumns([HEADER, ...printed.map((p) => p.cells)]);
  return lines.map((text, i) => ({ at: i === 0 ? 0 : printed[i - 1].at, text }));
}
