// When the kubelet starts stopping a container: its `Killing` events. Between that
// event and the container's exit, the container is still running but on its way
// out (preStop hook, SIGTERM, the grace period, SIGKILL), and the panel says so.
import type { SimulatedEvent } from './simulationResult';

export interface Killing {
  at: number;
  container: string;
  message: string;
}

const STOPPING = /^Stopping container (.+)$/;
const RESTARTING = /^Container (.+?) (?:failed (?:liveness|startup) probe|definition changed), will be restarted$/;

function killedContainer(message: string): string | undefined {
  return STOPPING.exec(message)?.[1] ?? RESTARTING.exec(message)?.[1];
}

/** The `Killing` events of each pod (by pod name), in time order. */
export function killingsByPod(events: readonly SimulatedEvent[]): Map<string, Killing[]> {
  const out = new Map<string, Killing[]>();
  for (const e of events) {
    if (e.reason !== 'Killing' || !e.object.startsWith('pod/')) continue;
    const container = killedContainer(e.message);
    if (container === undefined) continue;
    const pod = e.object.slice('pod/'.length);
    let list = out.get(pod);
    if (!list) out.set(pod, (list = []));
    list.push({ at: e.at, container, message: e.message });
  }
  return out;
}
