// Scenario knobs: validation of what a request sends, and the same knobs read from annotations.
import { MAX_DEFAULT_HORIZON, MAX_HORIZON } from './defaults';
import { isObject, nonNegative, objectAt, type Json } from './json';
import { CONTAINER_KNOBS, KNOB_EXPECTATIONS, SCENARIO_KNOBS, type KnobDescriptor, type KnobType } from './knobs';
import type { ContainerScenario, Scenario } from './types';

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

function image(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `{app: web}` or `app=web,version=green`. */
function labels(value: unknown): Record<string, string> | undefined {
  if (isObject(value)) return Object.values(value).every((v) => typeof v === 'string') && Object.keys(value).length > 0 ? value as Record<string, string> : undefined;
  if (typeof value !== 'string') return undefined;
  const pairs = value.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => pair.split('='));
  if (pairs.length === 0 || pairs.some((pair) => pair.length !== 2 || !pair[0].trim())) return undefined;
  return Object.fromEntries(pairs.map(([k, v]) => [k.trim(), v.trim()]));
}

/** An RFC 3339 time with a zone, kept as written. */
function time(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value.trim()) && !Number.isNaN(Date.parse(value)) ? value.trim() : undefined;
}

const PARSERS: Record<Exclude<KnobType, 'containers'>, (value: unknown) => unknown> = {
  seconds: nonNegative, exitCode, exitCodes: exitCodeList, flag, names: stringList, image, labels, time,
};

/** The value of one knob of that descriptor, or a problem sentence. */
function readKnob(descriptor: KnobDescriptor, value: unknown, path: string): { value?: unknown; problem?: string } {
  if (descriptor.type === 'containers') return {};
  const parsed = PARSERS[descriptor.type](value);
  return parsed === undefined ? { problem: `${path}: expected ${KNOB_EXPECTATIONS[descriptor.type]}, got ${shown(value)}; ignored.` } : { value: parsed };
}

function cleanContainer(raw: unknown, path: string, problems: string[]): ContainerScenario {
  const out: Record<string, unknown> = {};
  if (!isObject(raw)) {
    problems.push(`${path}: expected an object of container knobs, got ${shown(raw)}; ignored.`);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    const descriptor = (CONTAINER_KNOBS as Record<string, KnobDescriptor>)[key];
    if (!descriptor) problems.push(`${path}.${key}: not a container knob; ignored.`);
    else if (value === undefined || value === null) continue;
    else {
      const read = readKnob(descriptor, value, `${path}.${key}`);
      if (read.problem) problems.push(read.problem);
      else out[key] = read.value;
    }
  }
  return out as ContainerScenario;
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
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { scenario: out, problems };
  if (!isObject(raw)) return { scenario: out, problems: [`scenario: expected an object, got ${shown(raw)}; ignored.`] };
  for (const key of Object.keys(raw)) if (!(key in SCENARIO_KNOBS)) problems.push(`scenario.${key}: not a scenario knob; ignored.`);
  for (const [key, descriptor] of Object.entries(SCENARIO_KNOBS) as [string, KnobDescriptor][]) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (descriptor.type === 'containers') {
      const containers = cleanContainers(value, `scenario.${key}`, problems);
      if (containers) out[key] = containers;
      continue;
    }
    const read = readKnob(descriptor, value, `scenario.${key}`);
    if (read.problem) problems.push(read.problem);
    else out[key] = read.value;
  }
  const scenario = out as Scenario;
  if (scenario.horizon !== undefined && scenario.horizon > MAX_HORIZON) {
    problems.push(`scenario.horizon: ${scenario.horizon} s is beyond the engine's limit; clamped to ${MAX_HORIZON} s.`);
    scenario.horizon = MAX_HORIZON;
  }
  return { scenario, problems };
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

function annotationTable<K extends string>(knobs: Readonly<Record<K, KnobDescriptor>>): Record<string, K> {
  const out: Record<string, K> = {};
  for (const [key, descriptor] of Object.entries(knobs) as [K, KnobDescriptor][]) if (descriptor.annotation) out[descriptor.annotation] = key;
  return out;
}

/** `podlab.dev/<name>` -> top-level knob. */
export const TOP_ANNOTATIONS: Record<string, keyof Scenario> = annotationTable(SCENARIO_KNOBS);
/** `podlab.dev/<name>.<container>` -> container knob. */
export const CONTAINER_ANNOTATIONS: Record<string, keyof ContainerScenario> = annotationTable(CONTAINER_KNOBS);

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
  for (const key of ['containers', 'rolloutContainers']) {
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
