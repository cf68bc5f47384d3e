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
import { readJobs } from './readJobs';
import { readDeployment, readRefusals, readServices } from './readStatus';
import { count, finite, isObject, list, text } from './readJson';

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
  const owner = text(value.owner);
  if (owner) pod.owner = owner;
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
  if (value.jobs !== undefined) {
    const jobs = readJobs(value.jobs);
    if (jobs) frame.jobs = jobs;
  }
  if (value.services !== undefined) {
    const services = readServices(value.services);
    if (services) frame.services = services;
  }
  const deployment = readDeployment(value.deployment);
  if (deployment) frame.deployment = deployment;
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
  const event: SimulatedEvent = { at, type, reason, object: object ?? '', message: message ?? '' };
  const source = text(value.source);
  if (source) event.source = source;
  return event;
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
  const out: SimulationResult = { resource: { kind, name }, frames: frames.sort(byTime), events: events.sort(byTime) };
  const horizon = finite(value.horizon);
  if (horizon !== undefined && horizon >= 0) out.horizon = horizon;
  const refused = readRefusals(value.refused);
  if (refused) out.refused = refused;
  return out;
}
