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
const CONTAINER_CODE_LISTS = ['exitCodes'] as const;
const TOP_NUMBERS = ['horizon', 'pullSeconds', 'deleteAt', 'deleteGracePeriodSeconds', 'nodeLostAt', 'rolloutAt'] as const;
const TOP_LISTS = ['cachedImages', 'unboundClaims'] as const;
const TOP_OBJECTS = ['containers', 'rolloutContainers'] as const;
const TOP_FIELDS = new Set<string>([...TOP_NUMBERS, ...TOP_LISTS, ...TOP_OBJECTS, 'rolloutImage']);
const CONTAINER_FIELDS = new Set<string>([...CONTAINER_NUMBERS, ...CONTAINER_CODES, ...CONTAINER_FLAGS, ...CONTAINER_CODE_LISTS]);

/** A scenario with only well-formed knobs, and one sentence per knob that was dropped or clamped. */
export interface ReadScenario {
  scenario: Scenario;
  problems: string[];
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function exitCode(value: unknown): number | undefined {
  const n = nonNegative(value);
  return n !== undefined && Number.isInteger(n) && n <= 255 ? n : undefined;
}

function exitCodeList(value: unknown): number[] | undefined {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items || items.length === 0) return undefined;
  const codes = items.map(exitCode);
  return codes.every((code) => code !== undefined) ? codes as number[] : undefined;
}

function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function stringList(value: unknown): string[] | undefined {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items || !items.every((item) => typeof item === 'string')) return undefined;
  return items.map((item) => item.trim()).filter(Boolean);
}

function cleanContainer(raw: unknown, path: string, problems: string[]): ContainerScenario {
  const out: ContainerScenario = {};
  if (!isObject(raw)) {
    problems.push(`${path}: expected an object of container knobs, got ${shown(raw)}; ignored.`);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!CONTAINER_FIELDS.has(key)) problems.push(`${path}.${key}: not a container knob; ignored.`);
    else if (value === undefined || value === null) continue;
    else if ((CONTAINER_NUMBERS as readonly string[]).includes(key)) {
      const n = nonNegative(value);
      if (n === undefined) problems.push(`${path}.${key}: expected seconds (a number >= 0), got ${shown(value)}; ignored.`);
      else out[key as typeof CONTAINER_NUMBERS[number]] = n;
    } else if ((CONTAINER_CODES as readonly string[]).includes(key)) {
      const n = exitCode(value);
      if (n === undefined) problems.push(`${path}.${key}: expected an exit code (an integer 0-255), got ${shown(value)}; ignored.`);
      else out[key as typeof CONTAINER_CODES[number]] = n;
    } else if ((CONTAINER_CODE_LISTS as readonly string[]).includes(key)) {
      const codes = exitCodeList(value);
      if (codes === undefined) problems.push(`${path}.${key}: expected a non-empty list of exit codes (integers 0-255), got ${shown(value)}; ignored.`);
      else out[key as typeof CONTAINER_CODE_LISTS[number]] = codes;
    } else {
      const b = flag(value);
      if (b === undefined) problems.push(`${path}.${key}: expected true or false, got ${shown(value)}; ignored.`);
      else out[key as typeof CONTAINER_FLAGS[number]] = b;
    }
  }
  return out;
}

function cleanContainers(raw: unknown, path: string, problems: string[]): Record<string, ContainerScenario> | undefined {
  if (!isObject(raw)) {
    problems.push(`${path}: expected an object keyed by container name, got ${shown(raw)}; ignored.`);
    return undefined;
  }
  const out: Record<string, ContainerScenario> = {};
  for (const [name, value] of Object.entries(raw)) out[name] = cleanContainer(value, `${path}.${name}`, problems);
  return out;
}

/** Validates scenario input: keeps well-formed knobs, clamps the horizon, and says what it dropped and why. */
export function readScenario(raw: unknown): ReadScenario {
  const out: Scenario = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { scenario: out, problems };
  if (!isObject(raw)) return { scenario: out, problems: [`scenario: expected an object, got ${shown(raw)}; ignored.`] };
  for (const key of Object.keys(raw)) if (!TOP_FIELDS.has(key)) problems.push(`scenario.${key}: not a scenario knob; ignored.`);
  for (const key of TOP_NUMBERS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const n = nonNegative(value);
    if (n === undefined) problems.push(`scenario.${key}: expected seconds (a number >= 0), got ${shown(value)}; ignored.`);
    else out[key] = n;
  }
  if (out.horizon !== undefined && out.horizon > MAX_HORIZON) {
    problems.push(`scenario.horizon: ${out.horizon} s is beyond the engine's limit; clamped to ${MAX_HORIZON} s.`);
    out.horizon = MAX_HORIZON;
  }
  for (const key of TOP_LISTS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const list = stringList(value);
    if (list === undefined) problems.push(`scenario.${key}: expected a list of strings, got ${shown(value)}; ignored.`);
    else out[key] = list;
  }
  if (raw.rolloutImage !== undefined && raw.rolloutImage !== null) {
    if (typeof raw.rolloutImage === 'string' && raw.rolloutImage.trim()) out.rolloutImage = raw.rolloutImage.trim();
    else problems.push(`scenario.rolloutImage: expected an image reference, got ${shown(raw.rolloutImage)}; ignored.`);
  }
  for (const key of TOP_OBJECTS) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const containers = cleanContainers(raw[key], `scenario.${key}`, problems);
    if (containers) out[key] = containers;
  }
  return { scenario: out, problems };
}

/** Keeps only well-formed knobs: negative, NaN or mistyped values are dropped. */
export function cleanScenario(raw: unknown): Scenario {
  return readScenario(raw).scenario;
}

/** The horizon to run to and whether the run may stop early once nothing changes. */
export function horizonOf(scenario: Scenario): { horizon: number; untilQuiet: boolean } {
  if (scenario.horizon !== undefined) return { horizon: Math.min(scenario.horizon, MAX_HORIZON), untilQuiet: false };
  return { horizon: MAX_DEFAULT_HORIZON, untilQuiet: true };
}

/** Annotation prefix; see docs/simulation.md for the full list. */
export const ANNOTATION_PREFIX = 'podlab.dev/';
const SCENARIO_ANNOTATION = `${ANNOTATION_PREFIX}scenario`;

export const TOP_ANNOTATIONS: Record<string, keyof Scenario> = {
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

export const CONTAINER_ANNOTATIONS: Record<string, keyof ContainerScenario> = {
  'run-seconds': 'runSeconds',
  'exit-code': 'exitCode',
  'exit-codes': 'exitCodes',
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

/** The scenario knobs written on a resource, not validated yet, and what could not be read. */
export interface ScenarioAnnotations {
  raw: Json;
  problems: string[];
}

/**
 * Reads the scenario written on the resource: `podlab.dev/scenario` holds a whole scenario as JSON;
 * `podlab.dev/<knob>` sets one top-level knob and `podlab.dev/<knob>.<container>` one container knob
 * (these win over any JSON). At each of the two steps the resource's own annotations win over its pod template's.
 */
export function scenarioAnnotations(resource: unknown): ScenarioAnnotations {
  let raw: Json = {};
  const problems: string[] = [];
  for (const annotations of annotationsOf(resource)) {
    const text = annotations[SCENARIO_ANNOTATION];
    if (text === undefined) continue;
    const whole = parseJson(text);
    if (isObject(whole)) raw = mergeScenarios(raw, whole);
    else problems.push(`annotation ${SCENARIO_ANNOTATION}: expected a JSON object; ignored.`);
  }
  for (const annotations of annotationsOf(resource)) {
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX) || key === SCENARIO_ANNOTATION) continue;
      const knob = key.slice(ANNOTATION_PREFIX.length);
      const dot = knob.indexOf('.');
      const field = dot < 0 ? TOP_ANNOTATIONS[knob] : CONTAINER_ANNOTATIONS[knob.slice(0, dot)];
      const container = knob.slice(dot + 1);
      if (!field || (dot >= 0 && !container)) problems.push(`annotation ${key}: not a scenario annotation; ignored.`);
      else if (dot < 0) raw = mergeScenarios(raw, { [field]: value });
      else raw = mergeScenarios(raw, { containers: { [container]: { [field]: value } } });
    }
  }
  return { raw, problems };
}

export function scenarioFromAnnotations(resource: unknown): Scenario {
  return readScenario(scenarioAnnotations(resource).raw).scenario;
}

/** `override`'s knobs win over `base`'s; container knobs merge per container name. */
export function mergeScenarios(base: Json, override: Json): Json {
  const out: Json = { ...base, ...override };
  for (const key of TOP_OBJECTS) {
    const a = base[key];
    const b = override[key];
    if (!isObject(a) || !isObject(b)) continue;
    const merged: Json = { ...a };
    for (const [name, knobs] of Object.entries(b)) merged[name] = isObject(merged[name]) && isObject(knobs) ? { ...merged[name], ...knobs } : knobs;
    out[key] = merged;
  }
  return out;
}

/** The behaviour of one container in one template revision. */
export function behaviourOf(scenario: Scenario, name: string, revision: number): ContainerScenario {
  const base = scenario.containers?.[name] ?? {};
  if (revision < 2) return base;
  return { ...base, ...(scenario.rolloutContainers?.[name] ?? {}) };
}
