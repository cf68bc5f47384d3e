// Reads the `jobs` of a simulation frame (DESIGN.md, the simulation of Jobs).
import { count, finite, isObject, list, text } from './readJson';
import type { JobConditionType, SimulatedJob, SimulatedJobCondition } from './simulationResult';

const JOB_CONDITIONS: readonly JobConditionType[] = ['FailureTarget', 'Failed', 'SuccessCriteriaMet', 'Complete', 'Suspended'];

function readJobCondition(value: unknown): SimulatedJobCondition | undefined {
  if (!isObject(value)) return undefined;
  const type = JOB_CONDITIONS.find((t) => t === value.type);
  if (type === undefined || (value.status !== undefined && value.status !== 'True')) return undefined;
  const condition: SimulatedJobCondition = { type };
  const reason = text(value.reason);
  if (reason) condition.reason = reason;
  const message = text(value.message);
  if (message) condition.message = message;
  const at = finite(value.at);
  if (at !== undefined && at >= 0) condition.at = at;
  return condition;
}

function readJob(value: unknown): SimulatedJob | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  if (name === undefined) return undefined;
  return {
    name,
    active: count(value.active),
    ready: count(value.ready),
    succeeded: count(value.succeeded),
    failed: count(value.failed),
    terminating: count(value.terminating),
    conditions: list(value.conditions, readJobCondition) ?? [],
    ...(typeof value.completedIndexes === 'string' ? { completedIndexes: value.completedIndexes } : {}),
    ...(typeof value.failedIndexes === 'string' ? { failedIndexes: value.failedIndexes } : {}),
  };
}

export function readJobs(value: unknown): SimulatedJob[] | undefined {
  return list(value, readJob);
}
