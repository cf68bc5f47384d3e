// The `scenario` of `podlab/simulate` (DESIGN.md): what the manifest cannot say
// about how the processes behave. The same knob tables drive the panel's form and
// the host's validation of what the form sends.

export interface ContainerScenario {
  runSeconds?: number;
  exitCode?: number;
  pullFails?: boolean;
  readyAfterSeconds?: number;
  livenessFailsAfterSeconds?: number;
  sigtermExitSeconds?: number;
}

export interface Scenario {
  horizon?: number;
  pullSeconds?: number;
  deleteAt?: number;
  nodeLostAt?: number;
  rolloutAt?: number;
  containers?: Record<string, ContainerScenario>;
}

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

type PodNumberKey = 'horizon' | 'pullSeconds' | 'deleteAt' | 'nodeLostAt' | 'rolloutAt';
type ContainerNumberKey = Exclude<keyof ContainerScenario, 'pullFails'>;

/** One day: long enough for any lesson, short enough to keep the simulation quick. */
export const MAX_SECONDS = 86_400;
export const MAX_CONTAINERS = 200;
export const MAX_CONTAINER_NAME = 253;

const seconds = { min: 0, max: MAX_SECONDS, integer: false };

export const POD_KNOBS: readonly NumberKnob<PodNumberKey>[] = [
  { key: 'deleteAt', label: 'Delete pod at (s)', hint: 'kubectl delete at this time: preStop, SIGTERM, grace period, SIGKILL', ...seconds },
  { key: 'nodeLostAt', label: 'Lose node at (s)', hint: 'the node stops reporting at this time', ...seconds },
  { key: 'pullSeconds', label: 'Image pull takes (s)', hint: 'time to pull an image that is not on the node', ...seconds },
  { key: 'horizon', label: 'Simulate for (s)', hint: 'how long to simulate; empty: until nothing changes any more', min: 1, max: MAX_SECONDS, integer: false },
];

export const DEPLOYMENT_KNOBS: readonly NumberKnob<PodNumberKey>[] = [
  { key: 'rolloutAt', label: 'Roll out new image at (s)', hint: 'a new pod template revision is applied at this time', ...seconds },
];

export const CONTAINER_NUMBER_KNOBS: readonly NumberKnob<ContainerNumberKey>[] = [
  { key: 'runSeconds', label: 'Exits after (s)', hint: 'each run of the container exits this many seconds after it starts', ...seconds },
  { key: 'exitCode', label: 'with exit code', hint: 'exit code of those exits (default 0)', min: 0, max: 255, integer: true },
  { key: 'readyAfterSeconds', label: 'Readiness fails until (s)', hint: 'the readiness probe fails until this many seconds after start', ...seconds },
  { key: 'livenessFailsAfterSeconds', label: 'Liveness fails from (s)', hint: 'the liveness probe fails from this many seconds after start', ...seconds },
  { key: 'sigtermExitSeconds', label: 'Exits after SIGTERM (s)', hint: 'seconds from SIGTERM to exit (default: at once)', ...seconds },
];

export const CONTAINER_BOOLEAN_KNOBS: readonly BooleanKnob<'pullFails'>[] = [
  { key: 'pullFails', label: 'Image pull fails', hint: 'every pull of the image fails' },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A knob's value if it is a usable number for that knob, clamped to its maximum. */
export function readKnobNumber(knob: NumberKnob<string>, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < knob.min) return undefined;
  if (knob.integer && !Number.isInteger(value)) return undefined;
  return Math.min(value, knob.max);
}

function readContainerScenario(value: unknown): ContainerScenario | undefined {
  if (!isRecord(value)) return undefined;
  const out: ContainerScenario = {};
  for (const knob of CONTAINER_NUMBER_KNOBS) {
    const n = readKnobNumber(knob, value[knob.key]);
    if (n !== undefined) out[knob.key] = n;
  }
  for (const knob of CONTAINER_BOOLEAN_KNOBS) if (value[knob.key] === true) out[knob.key] = true;
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
