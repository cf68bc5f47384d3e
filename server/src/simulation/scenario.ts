// Scenario knobs: validation of what a request sends, and the same knobs read from annotations.
import { MAX_DEFAULT_HORIZON, MAX_HORIZON } from './defaults';
import { isObject, nonNegative, objectAt, type Json } from './json';
import type { ContainerScenario, Scenario } from './types';

const CONTAINER_NUMBERS = [
  'runSeconds', 'readyAfterSeconds', 'livenessFailsAfterSeconds', 'startedAfterSeconds',
  'sigtermExitSeconds', 'preStopSeconds',
] as const;
const CONTAINER_CODES = ['exitCode', 'sigtermExitCode'] as const;
const CONTAINER_FLAGS = ['pullFails', 'oomKilled'] as const;
const TOP_NUMBERS = ['horizon', 'pullSeconds', 'deleteAt', 'deleteGracePeriodSeconds', 'nodeLostAt', 'rolloutAt'] as const;

function exitCode(value: unknown): number | undefined {
  const n = nonNegative(value);
  return n !== undefined && Number.isInteger(n) && n <= 255 ? n : undefined;
}

function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function stringList(value: unknown): string[] | undefined {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items) return undefined;
  return items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
}

function cleanContainer(raw: unknown): ContainerScenario {
  const out: ContainerScenario = {};
  if (!isObject(raw)) return out;
  for (const key of CONTAINER_NUMBERS) {
    const n = nonNegative(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  for (const key of CONTAINER_CODES) {
    const n = exitCode(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  for (const key of CONTAINER_FLAGS) {
    const b = flag(raw[key]);
    if (b !== undefined) out[key] = b;
  }
  return out;
}

function cleanContainers(raw: unknown): Record<string, ContainerScenario> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<string, ContainerScenario> = {};
  for (const [name, value] of Object.entries(raw)) out[name] = cleanContainer(value);
  return out;
}

/** Keeps only well-formed knobs: negative, NaN or mistyped values are dropped. */
export function cleanScenario(raw: unknown): Scenario {
  const out: Scenario = {};
  if (!isObject(raw)) return out;
  for (const key of TOP_NUMBERS) {
    const n = nonNegative(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  const cached = stringList(raw.cachedImages);
  if (cached) out.cachedImages = cached;
  const unbound = stringList(raw.unboundClaims);
  if (unbound) out.unboundClaims = unbound;
  if (typeof raw.rolloutImage === 'string' && raw.rolloutImage.trim()) out.rolloutImage = raw.rolloutImage.trim();
  const containers = cleanContainers(raw.containers);
  if (containers) out.containers = containers;
  const rolloutContainers = cleanContainers(raw.rolloutContainers);
  if (rolloutContainers) out.rolloutContainers = rolloutContainers;
  return out;
}

/** The horizon to run to and whether the run may stop early once nothing changes. */
export function horizonOf(scenario: Scenario): { horizon: number; untilQuiet: boolean } {
  if (scenario.horizon !== undefined) return { horizon: Math.min(scenario.horizon, MAX_HORIZON), untilQuiet: false };
  return { horizon: MAX_DEFAULT_HORIZON, untilQuiet: true };
}

/** Annotation prefix; see docs/simulation.md for the full list. */
export const ANNOTATION_PREFIX = 'podlab.dev/';
const SCENARIO_ANNOTATION = `${ANNOTATION_PREFIX}scenario`;

const TOP_ANNOTATIONS: Record<string, keyof Scenario> = {
  horizon: 'horizon',
  'pull-seconds': 'pullSeconds',
  'cached-images': 'cachedImages',
  'delete-at': 'deleteAt',
  'delete-grace-period-seconds': 'deleteGracePeriodSeconds',
  'node-lost-at': 'nodeLostAt',
  'rollout-at': 'rolloutAt',
  'rollout-image': 'rolloutImage',
  'unbound-claims': 'unboundClaims',
};

const CONTAINER_ANNOTATIONS: Record<string, keyof ContainerScenario> = {
  'run-seconds': 'runSeconds',
  'exit-code': 'exitCode',
  'oom-killed': 'oomKilled',
  'pull-fails': 'pullFails',
  'ready-after-seconds': 'readyAfterSeconds',
  'liveness-fails-after-seconds': 'livenessFailsAfterSeconds',
  'started-after-seconds': 'startedAfterSeconds',
  'sigterm-exit-seconds': 'sigtermExitSeconds',
  'sigterm-exit-code': 'sigtermExitCode',
  'prestop-seconds': 'preStopSeconds',
};

function annotationsOf(resource: unknown): Json[] {
  const own = objectAt(resource, 'metadata', 'annotations');
  const template = objectAt(resource, 'spec', 'template', 'metadata', 'annotations');
  return [template, own].filter((a): a is Json => a !== undefined);
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads the scenario written on the resource: `podlab.dev/scenario` holds the whole scenario as JSON;
 * `podlab.dev/<knob>` sets one top-level knob and `podlab.dev/<knob>.<container>` one container knob
 * (these win over the JSON). The resource's own annotations win over its pod template's.
 */
export function scenarioFromAnnotations(resource: unknown): Scenario {
  const raw: Json = {};
  const containers: Record<string, Json> = {};
  for (const annotations of annotationsOf(resource)) {
    const whole = parseJson(annotations[SCENARIO_ANNOTATION]);
    if (isObject(whole)) {
      Object.assign(raw, whole);
      if (isObject(whole.containers)) {
        for (const [name, knobs] of Object.entries(whole.containers)) {
          if (isObject(knobs)) containers[name] = { ...containers[name], ...knobs };
        }
      }
    }
  }
  for (const annotations of annotationsOf(resource)) {
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX) || key === SCENARIO_ANNOTATION) continue;
      const knob = key.slice(ANNOTATION_PREFIX.length);
      const dot = knob.indexOf('.');
      if (dot < 0) {
        const field = TOP_ANNOTATIONS[knob];
        if (field) raw[field] = value;
        continue;
      }
      const field = CONTAINER_ANNOTATIONS[knob.slice(0, dot)];
      const container = knob.slice(dot + 1);
      if (field && container) containers[container] = { ...containers[container], [field]: value };
    }
  }
  if (Object.keys(containers).length > 0) raw.containers = containers;
  return cleanScenario(raw);
}

/** The behaviour of one container in one template revision. */
export function behaviourOf(scenario: Scenario, name: string, revision: number): ContainerScenario {
  const base = scenario.containers?.[name] ?? {};
  if (revision < 2) return base;
  return { ...base, ...(scenario.rolloutContainers?.[name] ?? {}) };
}
