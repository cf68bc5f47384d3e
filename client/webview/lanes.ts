// Turns the frames of a simulation into lanes of segments: per pod its kubectl
// status, phase and conditions, and per container its state.
import { podDisplayStatus } from './podStatus';
import { SegmentBuilder, type Segment } from './segments';
import type { ContainerRole, SimulatedEvent, SimulatedPod, SimulationFrame } from './simulationResult';
import { conditionTone, containerDetail, containerLabel, containerTone, phaseTone, podTone, type Stopping } from './states';
import { killingsByPod, type Killing } from './stopping';
import { EPSILON, frameAt } from './timeline';

/** Conditions in the order `kubectl describe` lists them; others follow in the order met. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];

export interface ContainerLane {
  name: string;
  role: ContainerRole;
  segments: Segment[];
}

export interface ConditionLane {
  name: string;
  segments: Segment[];
}

export interface PodLanes {
  name: string;
  revision?: number;
  /** `kind/name` of the workload that made the pod, when the simulation plays more than one. */
  owner?: string;
  firstSeen: number;
  /** kubectl's STATUS column over time. */
  status: Segment[];
  phase: Segment[];
  /** All conditions in one lane: which of them are not True. */
  conditionSummary: Segment[];
  conditions: ConditionLane[];
  containers: ContainerLane[];
}

function rank(condition: string): number {
  const i = CONDITION_ORDER.indexOf(condition);
  return i === -1 ? CONDITION_ORDER.length : i;
}

function summariseConditions(conditions: Record<string, string>): { tone: 'true' | 'false'; label: string; detail: string } {
  const names = Object.keys(conditions).sort((a, b) => rank(a) - rank(b));
  const notTrue = names.filter((n) => conditions[n] !== 'True');
  const detail = names.map((n) => `${n}=${conditions[n]}`).join(', ');
  if (notTrue.length === 0) return { tone: 'true', label: `all ${names.length} True`, detail };
  return { tone: 'false', label: `not True: ${notTrue.join(', ')}`, detail };
}

class PodTrack {
  readonly status = new SegmentBuilder();
  readonly phase = new SegmentBuilder();
  readonly conditionSummary = new SegmentBuilder();
  readonly conditions = new Map<string, SegmentBuilder>();
  readonly containers = new Map<string, { role: ContainerRole; builder: SegmentBuilder }>();
  /** Containers being stopped, with the restart count they had when the kubelet began. */
  private readonly stopping = new Map<string, Stopping & { restartCount: number }>();
  revision: number | undefined;
  owner: string | undefined;

  constructor(
    readonly name: string,
    readonly firstSeen: number,
  ) {}

  record(at: number, pod: SimulatedPod, killings: readonly Killing[]): void {
    if (pod.revision !== undefined) this.revision = pod.revision;
    if (pod.owner !== undefined) this.owner = pod.owner;
    const status = podDisplayStatus(pod);
    this.status.enter(at, podTone(pod), status, `${pod.name}: ${status}, phase ${pod.phase}`);
    this.phase.enter(at, phaseTone(pod.phase), pod.phase, `Phase ${pod.phase}`);
    this.recordConditions(at, pod);
    for (const k of killings) {
      const c = pod.containers.find((container) => container.name === k.container);
      if (c?.state === 'running') this.stopping.set(c.name, { since: k.at, message: k.message, restartCount: c.restartCount });
    }
    const seenContainers = new Set<string>();
    for (const c of pod.containers) {
      seenContainers.add(c.name);
      const stopping = this.stopping.get(c.name);
      if (stopping && (c.state !== 'running' || c.restartCount !== stopping.restartCount)) this.stopping.delete(c.name);
      const now = this.stopping.get(c.name);
      let lane = this.containers.get(c.name);
      if (!lane) this.containers.set(c.name, (lane = { role: c.role, builder: new SegmentBuilder() }));
      lane.builder.enter(at, containerTone(c, now), containerLabel(c, now), containerDetail(c, now));
    }
    for (const [name, lane] of this.containers) if (!seenContainers.has(name)) lane.builder.close(at);
  }

  private recordConditions(at: number, pod: SimulatedPod): void {
    const summary = summariseConditions(pod.conditions);
    if (Object.keys(pod.conditions).length > 0) this.conditionSummary.enter(at, summary.tone, summary.label, summary.detail);
    else this.conditionSummary.close(at);
    const seen = new Set<string>();
    for (const [name, value] of Object.entries(pod.conditions)) {
      seen.add(name);
      let builder = this.conditions.get(name);
      if (!builder) this.conditions.set(name, (builder = new SegmentBuilder()));
      builder.enter(at, conditionTone(value), value, `${name}: ${value}`);
    }
    for (const [name, builder] of this.conditions) if (!seen.has(name)) builder.close(at);
  }

  gone(at: number): void {
    this.status.close(at);
    this.phase.close(at);
    this.conditionSummary.close(at);
    for (const builder of this.conditions.values()) builder.close(at);
    for (const lane of this.containers.values()) lane.builder.close(at);
    this.stopping.clear();
  }

  finish(end: number): PodLanes {
    const conditionNames = [...this.conditions.keys()].sort((a, b) => rank(a) - rank(b));
    return {
      name: this.name,
      revision: this.revision,
      ...(this.owner !== undefined ? { owner: this.owner } : {}),
      firstSeen: this.firstSeen,
      status: this.status.finish(end),
      phase: this.phase.finish(end),
      conditionSummary: this.conditionSummary.finish(end),
      conditions: conditionNames.map((name) => ({ name, segments: this.conditions.get(name)!.finish(end) })),
      containers: [...this.containers].map(([name, lane]) => ({ name, role: lane.role, segments: lane.builder.finish(end) })),
    };
  }
}

/** Every frame time and every `Killing` time, in order: the lanes change only at these. */
function sampleTimes(frames: readonly SimulationFrame[], killings: Map<string, Killing[]>): number[] {
  const times = [...frames.map((f) => f.at), ...[...killings.values()].flat().map((k) => k.at)].sort((a, b) => a - b);
  return times.filter((t, i) => i === 0 || t - times[i - 1] > EPSILON);
}

/** Lanes for every pod that appears in the frames, in order of appearance. */
export function buildPodLanes(frames: readonly SimulationFrame[], end: number, events: readonly SimulatedEvent[] = []): PodLanes[] {
  const tracks = new Map<string, PodTrack>();
  const killings = killingsByPod(events);
  let previous = new Set<string>();
  for (const at of sampleTimes(frames, killings)) {
    const frame = frameAt(frames, at);
    if (!frame || frame.at > at + EPSILON) continue;
    const present = new Set<string>();
    for (const pod of frame.pods) {
      if (present.has(pod.name)) continue;
      present.add(pod.name);
      let track = tracks.get(pod.name);
      if (!track) tracks.set(pod.name, (track = new PodTrack(pod.name, at)));
      const now = (killings.get(pod.name) ?? []).filter((k) => Math.abs(k.at - at) <= EPSILON);
      track.record(at, pod, now);
    }
    for (const name of previous) if (!present.has(name)) tracks.get(name)!.gone(at);
    previous = present;
  }
  return [...tracks.values()].map((track) => track.finish(end));
}
