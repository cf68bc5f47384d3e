// Reads what the simulation adds beside the pods: Service endpoints, the Deployment's
// status, and the API server's refusal of a resource (DESIGN.md).
import { count, finite, isObject, list, text } from './readJson';
import type { ConditionStatus, Refusal, SimulatedDeployment, SimulatedDeploymentCondition, SimulatedEndpoint, SimulatedService, SourceRange } from './simulationResult';

function readEndpoint(value: unknown): SimulatedEndpoint | undefined {
  if (!isObject(value)) return undefined;
  const pod = text(value.pod);
  if (pod === undefined) return undefined;
  return { pod, ready: value.ready === true, serving: value.serving === true, terminating: value.terminating === true, traffic: value.traffic === true };
}

function readService(value: unknown): SimulatedService | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  const endpoints = list(value.endpoints, readEndpoint);
  return name === undefined || endpoints === undefined ? undefined : { name, endpoints };
}

export function readServices(value: unknown): SimulatedService[] | undefined {
  return list(value, readService);
}

const STATUSES: readonly ConditionStatus[] = ['True', 'False', 'Unknown'];

function readDeploymentCondition(value: unknown): SimulatedDeploymentCondition | undefined {
  if (!isObject(value)) return undefined;
  const type = text(value.type);
  const status = STATUSES.find((s) => s === value.status);
  if (type === undefined || status === undefined) return undefined;
  return { type, status, reason: text(value.reason) ?? '', message: text(value.message) ?? '' };
}

export function readDeployment(value: unknown): SimulatedDeployment | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  if (name === undefined) return undefined;
  return {
    name,
    replicas: count(value.replicas),
    updated: count(value.updated),
    ready: count(value.ready),
    available: count(value.available),
    unavailable: count(value.unavailable),
    conditions: list(value.conditions, readDeploymentCondition) ?? [],
    rolloutStatus: text(value.rolloutStatus) ?? '',
  };
}

function readPosition(value: unknown): { line: number; character: number } | undefined {
  if (!isObject(value)) return undefined;
  const line = finite(value.line);
  const character = finite(value.character);
  if (line === undefined || character === undefined || line < 0 || character < 0) return undefined;
  return { line: Math.floor(line), character: Math.floor(character) };
}

function readRange(value: unknown): SourceRange | undefined {
  if (!isObject(value)) return undefined;
  const start = readPosition(value.start);
  const end = readPosition(value.end);
  return start && end ? { start, end } : undefined;
}

function readRefusal(value: unknown): Refusal | undefined {
  if (!isObject(value)) return undefined;
  const message = text(value.message);
  if (!message) return undefined;
  const range = readRange(value.range);
  return range ? { message, range } : { message };
}

export function readRefusals(value: unknown): Refusal[] | undefined {
  const refusals = list(value, readRefusal);
  return refusals && refusals.length > 0 ? refusals : undefined;
}
