// The `scenario` of `podlab/simulate` (DESIGN.md): what the manifest cannot say
// about how the processes behave. The same knob tables drive the panel's form and
// the host's validation of what the form sends.

import { CONTAINER_KNOBS, SCENARIO_KNOBS, type KnobDescriptor, type KnobFormField, type KnobType } from '../../server/src/simulation/knobs';
import type { ContainerScenario, Scenario } from '../../server/src/simulation/types';

// The engine's own types (type-only: nothing of the server is bundled into the page).
export type { ContainerScenario, Scenario };

export interface NumberKnob<K extends string> {
  key: K;
  label: string;
  hint: string;
  min: number;
  max: number;
  integer: boolean;
}

export interface BooleanKnob<K extends string> {
  key: K;
  label: string;
  hint: string;
}

/**
 * How a text field reads: one value; a list of names or of exit codes, separated by commas or spaces; or labels,
 * `key=value` pairs.
 */
export type TextFormat = 'text' | 'names' | 'exitCodes' | 'labels';

export interface TextKnob<K extends string> {
  key: K;
  label: string;
  hint: string;
  format: TextFormat;
}

type PodNumberKey = 'horizon' | 'pullSeconds' | 'deleteAt' | 'deleteGracePeriodSeconds' | 'nodeLostAt' | 'rolloutAt' | 'serviceSelectorAt';
type PodTextKey = 'rolloutImage' | 'cachedImages' | 'unboundClaims' | 'serviceSelector';
type ContainerBooleanKey = 'pullFails' | 'oomKilled';
type ContainerTextKey = 'exitCodes';
type ContainerNumberKey = Exclude<keyof ContainerScenario, ContainerBooleanKey | ContainerTextKey>;

/** One day: long enough for any lesson, short enough to keep the simulation quick. */
export const MAX_SECONDS = 86_400;
export const MAX_CONTAINERS = 200;
export const MAX_CONTAINER_NAME = 253;
export const MAX_TEXT = 512;
export const MAX_LIST = 50;

/** The form field of a knob, from its row in the engine's knob table (knobs.ts): label, hint and bounds. */
function formOf(key: string, descriptor: KnobDescriptor): KnobFormField {
  if (!descriptor.form) throw new Error(`knobs.ts gives ${key} no form field`);
  return descriptor.form;
}

function numberKnobs<K extends string>(table: Readonly<Record<K, KnobDescriptor>>, keys: readonly K[]): NumberKnob<K>[] {
  return keys.map((key) => {
    const { label, hint, min, max } = formOf(key, table[key]);
    const integer = table[key].type === 'exitCode';
    return { key, label, hint, min: min ?? 0, max: max ?? (integer ? 255 : MAX_SECONDS), integer };
  });
}

const TEXT_FORMATS: Partial<Record<KnobType, TextFormat>> = { image: 'text', time: 'text', names: 'names', labels: 'labels', exitCodes: 'exitCodes' };

function textKnobs<K extends string>(table: Readonly<Record<K, KnobDescriptor>>, keys: readonly K[]): TextKnob<K>[] {
  return keys.map((key) => {
    const { label, hint } = formOf(key, table[key]);
    return { key, label, hint, format: TEXT_FORMATS[table[key].type] ?? 'text' };
  });
}

// Which knobs the form offers, in its order; what each field says comes from knobs.ts.
export const POD_KNOBS = numberKnobs<PodNumberKey>(SCENARIO_KNOBS, ['deleteAt', 'deleteGracePeriodSeconds', 'nodeLostAt', 'pullSeconds', 'horizon', 'serviceSelectorAt']);
export const DEPLOYMENT_KNOBS = numberKnobs<PodNumberKey>(SCENARIO_KNOBS, ['rolloutAt']);
export const DEPLOYMENT_TEXT_KNOBS = textKnobs<PodTextKey>(SCENARIO_KNOBS, ['rolloutImage']);
export const POD_TEXT_KNOBS = textKnobs<PodTextKey>(SCENARIO_KNOBS, ['serviceSelector', 'cachedImages', 'unboundClaims']);
export const CONTAINER_NUMBER_KNOBS = numberKnobs<ContainerNumberKey>(CONTAINER_KNOBS, [
  'runSeconds', 'exitCode', 'readyAfterSeconds', 'livenessFailsAfterSeconds', 'startedAfterSeconds', 'preStopSeconds', 'sigtermExitSeconds', 'sigtermExitCode',
]);
export const CONTAINER_TEXT_KNOBS = textKnobs<ContainerTextKey>(CONTAINER_KNOBS, ['exitCodes']);
export const CONTAINER_BOOLEAN_KNOBS: readonly BooleanKnob<ContainerBooleanKey>[] = (['pullFails', 'oomKilled'] as const).map((key) => {
  const { label, hint } = formOf(key, CONTAINER_KNOBS[key]);
  return { key, label, hint };
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A knob's value if it is a usable number for that knob, clamped to its maximum. */
export function readKnobNumber(knob: NumberKnob<string>, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < knob.min) return undefined;
  if (knob.integer && !Number.isInteger(value)) return undefined;
  return Math.min(value, knob.max);
}

/** The words of a list knob: `a, b c` -> ['a', 'b', 'c']. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((item) => item.length > 0);
}

/** A text knob's value (as the form writes it, or as a scenario holds it) if usable; undefined otherwise. */
export function readText(knob: TextKnob<string>, value: unknown): string | string[] | number[] | Record<string, string> | undefined {
  switch (knob.format) {
    case 'names': {
      const clean = listOf(value).filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= MAX_TEXT);
      return clean.length > 0 ? clean : undefined;
    }
    case 'exitCodes': {
      const codes = listOf(value).map((item) => (typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item));
      if (codes.length === 0 || !codes.every((code) => Number.isInteger(code) && (code as number) >= 0 && (code as number) <= 255)) return undefined;
      return codes as number[];
    }
    case 'labels':
      return readLabels(value);
    case 'text': {
      if (typeof value !== 'string') return undefined;
      const trimmed = value.trim();
      return trimmed.length > 0 && trimmed.length <= MAX_TEXT ? trimmed : undefined;
    }
  }
}

function listOf(value: unknown): unknown[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? splitList(value) : [];
  return items.slice(0, MAX_LIST);
}

/** `app=web, version=green` (or such an object): every pair needs a key; undefined when one is malformed. */
function readLabels(value: unknown): Record<string, string> | undefined {
  const pairs = isRecord(value)
    ? Object.entries(value)
    : typeof value === 'string' ? value.split(',').map((pair) => pair.trim()).filter((pair) => pair !== '').map((pair) => pair.split('=').map((part) => part.trim())) : [];
  if (pairs.length === 0 || pairs.length > MAX_LIST) return undefined;
  if (!pairs.every((pair) => pair.length === 2 && typeof pair[0] === 'string' && pair[0] !== '' && pair[0].length <= MAX_TEXT && typeof pair[1] === 'string' && pair[1].length <= MAX_TEXT)) return undefined;
  return Object.fromEntries(pairs as [string, string][]);
}

/** A form field's text for a knob's value: lists joined with commas, labels as `key=value`. */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (isRecord(value)) return Object.entries(value).map(([key, label]) => `${key}=${String(label)}`).join(',');
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

function readContainerScenario(value: unknown): ContainerScenario | undefined {
  if (!isRecord(value)) return undefined;
  const out: ContainerScenario = {};
  for (const knob of CONTAINER_NUMBER_KNOBS) {
    const n = readKnobNumber(knob, value[knob.key]);
    if (n !== undefined) out[knob.key] = n;
  }
  for (const knob of CONTAINER_BOOLEAN_KNOBS) if (value[knob.key] === true) out[knob.key] = true;
  for (const knob of CONTAINER_TEXT_KNOBS) {
    const codes = readText(knob, value[knob.key]);
    if (codes !== undefined) out[knob.key] = codes as number[];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Keeps only the known knobs with valid values: what a webview sends (or a
 * restored panel state holds) is never passed on unchecked.
 */
export function readScenario(value: unknown): Scenario {
  if (!isRecord(value)) return {};
  const out: Scenario = {};
  for (const knob of [...POD_KNOBS, ...DEPLOYMENT_KNOBS]) {
    const n = readKnobNumber(knob, value[knob.key]);
    if (n !== undefined) out[knob.key] = n;
  }
  for (const knob of [...DEPLOYMENT_TEXT_KNOBS, ...POD_TEXT_KNOBS]) {
    const text = readText(knob, value[knob.key]);
    if (text !== undefined) (out as Record<string, unknown>)[knob.key] = text;
  }
  if (isRecord(value.containers)) {
    const entries: [string, ContainerScenario][] = [];
    for (const [name, raw] of Object.entries(value.containers)) {
      if (entries.length >= MAX_CONTAINERS) break;
      if (name.length === 0 || name.length > MAX_CONTAINER_NAME) continue;
      const container = readContainerScenario(raw);
      if (container) entries.push([name, container]);
    }
    // fromEntries defines own properties, so a container named "__proto__" stays a plain key.
    if (entries.length > 0) out.containers = Object.fromEntries(entries);
  }
  return out;
}

export function isEmptyScenario(scenario: Scenario): boolean {
  return Object.keys(scenario).length === 0;
}
