// Small readers over a simulation result, so each scenario test states only what it pins.
import { simulate, type ContainerFrame, type Frame, type PodFrame, type Scenario, type SimEvent, type SimulationResult } from '../../../server/src/simulation';

export type Json = Record<string, unknown>;

export function run(resource: Json, scenario: Scenario = {}, related?: { persistentVolumeClaims?: Json[] }): SimulationResult {
  return simulate(related ? { resource, related } : { resource }, scenario);
}

/** A bare Pod with the given spec. */
export function pod(spec: Json, name = 'web'): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

/** A Deployment of `replicas` pods with one app container. */
export function deployment(spec: Json, container: Json = { name: 'app', image: 'app:1' }, name = 'web'): Json {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container] } },
      ...spec,
    },
  };
}

/** The state shown at time `at`: the last frame recorded at or before it. */
export function frameAt(result: SimulationResult, at: number): Frame {
  let found: Frame | undefined;
  for (const frame of result.frames) if (frame.at <= at) found = frame;
  if (!found) throw new Error(`no frame at or before ${at}`);
  return found;
}

export function podAt(result: SimulationResult, at: number, name?: string): PodFrame {
  const pods = frameAt(result, at).pods;
  const found = name === undefined ? pods[0] : pods.find((p) => p.name === name);
  if (!found) throw new Error(`no pod ${name ?? '(first)'} at ${at}`);
  return found;
}

export function containerAt(result: SimulationResult, at: number, container: string, podName?: string): ContainerFrame {
  const found = podAt(result, at, podName).containers.find((c) => c.name === container);
  if (!found) throw new Error(`no container ${container} at ${at}`);
  return found;
}

export function eventsOf(result: SimulationResult, reason: string, messagePart = ''): SimEvent[] {
  return result.events.filter((e) => e.reason === reason && e.message.includes(messagePart));
}

/** Times of the events with this reason whose message contains `messagePart`. */
export function timesOf(result: SimulationResult, reason: string, messagePart = ''): number[] {
  return eventsOf(result, reason, messagePart).map((e) => e.at);
}

/** `reason@at` of the events about one container, in order: the sequence `kubectl describe` shows. */
export function containerStory(result: SimulationResult, container: string): string[] {
  const quoted = new RegExp(`(container:? ${container}\\b|container=${container}\\b|Container ${container}\\b)`);
  return result.events.filter((e) => quoted.test(e.message)).map((e) => `${e.reason}@${e.at}`);
}

/** The times at which the pod's phase changed, as `phase@at`. */
export function phaseChanges(result: SimulationResult, name?: string): string[] {
  const out: string[] = [];
  let last = '';
  for (const frame of result.frames) {
    const p = name === undefined ? frame.pods[0] : frame.pods.find((candidate) => candidate.name === name);
    if (!p || p.phase === last) continue;
    last = p.phase;
    out.push(`${p.phase}@${frame.at}`);
  }
  return out;
}

/** The last time a pod with this name appears in a frame, or undefined. */
export function lastSeen(result: SimulationResult, name: string): number | undefined {
  let seen: number | undefined;
  for (const frame of result.frames) if (frame.pods.some((p) => p.name === name)) seen = frame.at;
  return seen;
}

/** The first frame after `at` in which the pod is missing (it left the API), or undefined. */
export function goneAt(result: SimulationResult, name: string): number | undefined {
  let present = false;
  for (const frame of result.frames) {
    const here = frame.pods.some((p) => p.name === name);
    if (here) present = true;
    else if (present) return frame.at;
  }
  return undefined;
}
