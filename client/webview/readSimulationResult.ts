import type {
  ConditionStatus,
  ContainerRole,
  ContainerStateName,
  SimulatedContainer,
  SimulatedEvent,
  SimulatedPod,
  SimulatedReplicaSet,
  SimulationFrame,
  SimulationResult,
} from './simulationResult';

// Upper bounds that keep a broken or hostile answer from freezing the panel.
const MAX_ITEMS = 200_000;
const MAX_TEXT = 4_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function count(value: unknown): number {
  const n = finite(value);
  return n === undefined || n < 0 ? 0 : Math.floor(n);
}

function list<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return undefined;
  const out: T[] = [];
  for (const item of value) {
    const read_ = read(item);
    if (read_ !== undefined) out.push(read_);
  }
  return out;
}

const ROLES: readonly ContainerRole[] = ['init', 'sidecar', 'app'];
const STATES: readonly ContainerStateName[] = ['waiting', 'running', 'terminated'];

function readContainer(value: unknown): SimulatedContainer | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  const role = ROLES.find((r) => r === value.role);
  const state = STATES.find((s) => s === value.state);
  if (name === undefined || role === undefined || state === undefined) return undefined;
  const container: SimulatedContainer = {
    name,
    role,
    state,
    ready: value.ready === true,
    restartCount: count(value.restartCount),
  };
  const reason = text(value.reason);
  if (reason) container.reason = reason;
  const message = text(value.message);
  if (message) container.message = message;
  const exitCode = finite(value.exitCode);
  if (exitCode !== undefined) container.exitCode = Math.trunc(exitCode);
  if (typeof value.started === 'boolean') container.started = value.started;
  if (isObject(value.lastState)) {
    const lastReason = text(value.lastState.reason);
    const lastExit = finite(value.lastState.exitCode);
    if (lastReason !== undefined && lastExit !== undefined) container.lastState = { reason: lastReason, exitCode: Math.trunc(lastExit) };
  }
  return container;
}

function readCondition(value: unknown): ConditionStatus | undefined {
  if (value === true || value === 'True') return 'True';
  if (value === false || value === 'False') return 'False';
  if (value === 'Unknown') return 'Unknown';
  if (isObject(value)) return readCondition(value.status);
  return undefined;
}

function readConditions(value: unknown): Record<string, ConditionStatus> {
  const out: Record<string, ConditionStatus> = {};
  if (!isObject(value)) return out;
  for (const [key, raw] of Object.entries(value).slice(0, 50)) {
    const status = readCondition(raw);
    if (status !== undefined) out[key.slice(0, 200)] = status;
  }
  return out;
}

function readPod(value: unknown): SimulatedPod | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  const phase = text(value.phase);
  const containers = list(value.containers, readContainer);
  if (name === undefined || phase === undefined || containers === undefined) return undefined;
  const pod: SimulatedPod = { name, phase, conditions: readConditions(value.conditions), containers };
  const status = text(value.status);
  if (status) pod.status = status;
  const node = text(value.node);
  if (node) pod.node = node;
  const revision = finite(value.revision);
  if (revision !== undefined) pod.revision = Math.trunc(revision);
  if (value.terminating === true || typeof value.deletedAt === 'number') pod.terminating = true;
  return pod;
}

function readReplicaSet(value: unknown): SimulatedReplicaSet | undefined {
  if (!isObject(value)) return undefined;
  const revision = finite(value.revision);
  if (revision === undefined) return undefined;
  const rs: SimulatedReplicaSet = {
    revision: Math.trunc(revision),
    desired: count(value.desired),
    current: count(value.current),
    ready: count(value.ready),
    available: count(value.available),
  };
  const name = text(value.name);
  if (name) rs.name = name;
  return rs;
}

function readFrame(value: unknown): SimulationFrame | undefined {
  if (!isObject(value)) return undefined;
  const at = finite(value.at);
  const pods = list(value.pods, readPod);
  if (at === undefined || at < 0 || pods === undefined) return undefined;
  const frame: SimulationFrame = { at, pods };
  if (value.replicaSets !== undefined) {
    const replicaSets = list(value.replicaSets, readReplicaSet);
    if (replicaSets) frame.replicaSets = replicaSets;
  }
  return frame;
}

function readEvent(value: unknown): SimulatedEvent | undefined {
  if (!isObject(value)) return undefined;
  const at = finite(value.at);
  const type = value.type === 'Warning' ? 'Warning' : value.type === 'Normal' ? 'Normal' : undefined;
  const reason = text(value.reason);
  const object = text(value.object);
  const message = text(value.message);
  if (at === undefined || at < 0 || type === undefined || reason === undefined) return undefined;
  return { at, type, reason, object: object ?? '', message: message ?? '' };
}

/**
 * Checks an answer of `podlab/simulate` and returns it in the panel's shape, or
 * undefined when it is not a simulation result (for example `null`: nothing to simulate).
 * Frames and events come back sorted by time.
 */
export function readSimulationResult(value: unknown): SimulationResult | undefined {
  if (!isObject(value) || !isObject(value.resource)) return undefined;
  const kind = text(value.resource.kind);
  const name = text(value.resource.name);
  const frames = list(value.frames, readFrame);
  const events = list(value.events, readEvent);
  if (kind === undefined || name === undefined || frames === undefined || events === undefined) return undefined;
  if (frames.length === 0) return undefined;
  const byTime = (a: { at: number }, b: { at: number }): number => a.at - b.at;
  return { resource: { kind, name }, frames: frames.sort(byTime), events: events.sort(byTime) };
}
