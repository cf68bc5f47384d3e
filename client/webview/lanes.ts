// Turns the frames of a simulation into lanes of segments: per pod its kubectl
// status, phase and conditions, and per container its state.
import { podDisplayStatus } from './podStatus';
import { SegmentBuilder, type Segment, type Tone } from './segments';
import type { ContainerRole, SimulatedContainer, SimulatedPod, SimulationFrame } from './simulationResult';

/** Waiting reasons that mean something went wrong, not just "not yet". */
const PROBLEM_REASONS = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'ImageInspectError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'PostStartHookError',
]);

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
  firstSeen: number;
  /** kubectl's STATUS column over time. */
  status: Segment[];
  phase: Segment[];
  conditions: ConditionLane[];
  containers: ContainerLane[];
}

export function containerTone(c: SimulatedContainer): Tone {
  if (c.state === 'waiting') return c.reason && PROBLEM_REASONS.has(c.reason) ? 'problem' : 'waiting';
  if (c.state === 'running') return c.ready ? 'ready' : 'running';
  return c.exitCode === 0 || (c.exitCode === undefined && c.reason === 'Completed') ? 'completed' : 'failed';
}

function restartsText(n: number): string {
  return n === 0 ? '' : ` · ${n} restart${n === 1 ? '' : 's'}`;
}

export function containerLabel(c: SimulatedContainer): string {
  let state: string;
  if (c.state === 'running') state = c.ready ? 'Running · ready' : 'Running';
  else if (c.state === 'waiting') state = c.reason ?? 'Waiting';
  else state = `${c.reason ?? 'Terminated'}${c.exitCode === undefined ? '' : ` (exit ${c.exitCode})`}`;
  return state + restartsText(c.restartCount);
}

export function containerDetail(c: SimulatedContainer): string {
  const parts = [`${c.name} (${c.role}): ${c.state}`];
  if (c.reason) parts.push(`reason ${c.reason}`);
  if (c.exitCode !== undefined) parts.push(`exit code ${c.exitCode}`);
  parts.push(c.ready ? 'ready' : 'not ready');
  parts.push(`restarts ${c.restartCount}`);
  if (c.lastState) parts.push(`last state ${c.lastState.reason} (exit ${c.lastState.exitCode})`);
  const detail = parts.join(', ');
  return c.message ? `${detail}. ${c.message}` : detail;
}

export function phaseTone(phase: string): Tone {
  switch (phase) {
    case 'Pending':
      return 'waiting';
    case 'Running':
      return 'running';
    case 'Succeeded':
      return 'completed';
    case 'Failed':
      return 'failed';
    default:
      return 'unknown';
  }
}

export function podTone(pod: SimulatedPod): Tone {
  if (pod.terminating) return 'terminating';
  if (pod.phase === 'Running' && pod.conditions.Ready === 'True') return 'ready';
  if (pod.phase === 'Pending' || pod.phase === 'Running') {
    const tones = pod.containers.map(containerTone);
    if (tones.includes('problem')) return 'problem';
    if (pod.containers.some((c, i) => c.role !== 'init' && tones[i] === 'failed')) return 'failed';
  }
  return phaseTone(pod.phase);
}

function conditionTone(status: string): Tone {
  return status === 'True' ? 'true' : status === 'False' ? 'false' : 'unknown';
}

class PodTrack {
  readonly status = new SegmentBuilder();
  readonly phase = new SegmentBuilder();
  readonly conditions = new Map<string, SegmentBuilder>();
  readonly containers = new Map<string, { role: ContainerRole; builder: SegmentBuilder }>();
  revision: number | undefined;

  constructor(
    readonly name: string,
    readonly firstSeen: number,
  ) {}

  record(at: number, pod: SimulatedPod): void {
    if (pod.revision !== undefined) this.revision = pod.revision;
    const status = podDisplayStatus(pod);
    this.status.enter(at, podTone(pod), status, `${pod.name}: ${status}, phase ${pod.phase}`);
    this.phase.enter(at, phaseTone(pod.phase), pod.phase, `Phase ${pod.phase}`);
    const seenConditions = new Set<string>();
    for (const [name, value] of Object.entries(pod.conditions)) {
      seenConditions.add(name);
      let builder = this.conditions.get(name);
      if (!builder) this.conditions.set(name, (builder = new SegmentBuilder()));
      builder.enter(at, conditionTone(value), value, `${name}: ${value}`);
    }
    for (const [name, builder] of this.conditions) if (!seenConditions.has(name)) builder.close(at);
    const seenContainers = new Set<string>();
    for (const c of pod.containers) {
      seenContainers.add(c.name);
      let lane = this.containers.get(c.name);
      if (!lane) this.containers.set(c.name, (lane = { role: c.role, builder: new SegmentBuilder() }));
      lane.builder.enter(at, containerTone(c), containerLabel(c), containerDetail(c));
    }
    for (const [name, lane] of this.containers) if (!seenContainers.has(name)) lane.builder.close(at);
  }

  gone(at: number): void {
    this.status.close(at);
    this.phase.close(at);
    for (const builder of this.conditions.values()) builder.close(at);
    for (const lane of this.containers.values()) lane.builder.close(at);
  }

  finish(end: number): PodLanes {
    const conditionNames = [...this.conditions.keys()].sort((a, b) => rank(a) - rank(b));
    return {
      name: this.name,
      revision: this.revision,
      firstSeen: this.firstSeen,
      status: this.status.finish(end),
      phase: this.phase.finish(end),
      conditions: conditionNames.map((name) => ({ name, segments: this.conditions.get(name)!.finish(end) })),
      containers: [...this.containers].map(([name, lane]) => ({ name, role: lane.role, segments: lane.builder.finish(end) })),
    };
  }
}

function rank(condition: string): number {
  const i = CONDITION_ORDER.indexOf(condition);
  return i === -1 ? CONDITION_ORDER.length : i;
}

/** Lanes for every pod that appears in the frames, in order of appearance. */
export function buildPodLanes(frames: readonly SimulationFrame[], end: number): PodLanes[] {
  const tracks = new Map<string, PodTrack>();
  let previous = new Set<string>();
  for (const frame of frames) {
    const present = new Set<string>();
    for (const pod of frame.pods) {
      if (present.has(pod.name)) continue;
      present.add(pod.name);
      let track = tracks.get(pod.name);
      if (!track) tracks.set(pod.name, (track = new PodTrack(pod.name, frame.at)));
      track.record(frame.at, pod);
    }
    for (const name of previous) if (!present.has(name)) tracks.get(name)!.gone(frame.at);
    previous = present;
  }
  return [...tracks.values()].map((track) => track.finish(end));
}
