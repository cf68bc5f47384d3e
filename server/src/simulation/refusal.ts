// What the API server would answer a create with, for the fields the simulation depends on: a refused
// resource never runs, so the result lists these errors instead of frames (rules.md §1, validation.go).
import { distance } from 'fastest-levenshtein';
import { allowedRestartPolicies } from '../k8s/defaults';
import { INDEXED_NEEDS_COMPLETIONS, jobSpecPath } from '../k8s/jobSpec';
import { podSpecPath } from '../k8s/podSpec';
import { cronJobRefusals } from './cronjobSpec';
import { arrayAt, isObject, objectAt, stringAt, type Json } from './json';
import type { RefusalError } from './types';
import { CONTAINER_RESTART_RULES_SINCE } from './world';

type Path = (string | number)[];

const KNOWN_POD_SPEC_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

function dotted(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** A key of the pod spec that is a misspelling of `containers` (strict decoding refuses it as an unknown field). */
function misspeltContainers(podSpec: Json): string | undefined {
  return Object.keys(podSpec).find((key) => !KNOWN_POD_SPEC_LISTS.includes(key) && distance(key.toLowerCase(), 'containers') <= 2);
}

function checkContainers(podSpec: Json, at: Path, errors: RefusalError[]): void {
  const list = arrayAt(podSpec, 'containers');
  if (list.length === 0) {
    const typo = misspeltContainers(podSpec);
    if (typo) {
      const path = [...at, typo];
      errors.push({ path, message: `strict decoding error: unknown field "${dotted(path)}" (did you mean "containers"?)` });
    }
    errors.push({ path: [...at, 'containers'], message: `${dotted([...at, 'containers'])}: Required value` });
    return;
  }
  const seen = new Set<string>();
  const all = [...arrayAt(podSpec, 'initContainers').map((c, i) => ['initContainers', i, c] as const), ...list.map((c, i) => ['containers', i, c] as const)];
  for (const [listName, index, container] of all) {
    const path = [...at, listName, index];
    const name = stringAt(container, 'name');
    if (!isObject(container) || !name) {
      errors.push({ path: [...path, 'name'], message: `${dotted([...path, 'name'])}: Required value` });
      continue;
    }
    if (seen.has(name)) errors.push({ path: [...path, 'name'], message: `${dotted([...path, 'name'])}: Duplicate value: ${JSON.stringify(name)}` });
    seen.add(name);
    if (!stringAt(container, 'image')?.trim()) errors.push({ path: [...path, 'image'], message: `${dotted([...path, 'image'])}: Required value` });
  }
}

function checkRestartPolicy(kind: string, podSpec: Json, at: Path, errors: RefusalError[]): void {
  const allowed: readonly string[] = allowedRestartPolicies(kind);
  const path = [...at, 'restartPolicy'];
  const written = podSpec.restartPolicy;
  // Defaulting runs first: an unset policy is validated as Always.
  const value = written === undefined || written === null ? 'Always' : written;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    errors.push({ path: written === undefined || written === null ? at : path, message: `${dotted(path)}: Unsupported value: ${JSON.stringify(value)}: supported values: ${quoteList(allowed)}` });
  }
}

/** Before ContainerRestartRules (1.35) only init containers may set restartPolicy (rules.md: Forbidden). */
function checkNoContainerRestartPolicy(podSpec: Json, at: Path, errors: RefusalError[]): void {
  arrayAt(podSpec, 'containers').forEach((container, index) => {
    if (!isObject(container) || container.restartPolicy === undefined) return;
    const path = [...at, 'containers', index, 'restartPolicy'];
    errors.push({ path, message: `${dotted(path)}: Forbidden: may not be set for non-init containers` });
  });
}

/** Every matchLabels pair must be among the template's labels (apps/v1 ValidateDeploymentSpec and friends). */
function checkSelector(kind: string, resource: Json, errors: RefusalError[]): void {
  if (kind === 'Pod' || kind === 'Job' || kind === 'CronJob') return;
  const matchLabels = objectAt(resource, 'spec', 'selector', 'matchLabels') ?? (kind === 'ReplicationController' ? objectAt(resource, 'spec', 'selector') : undefined);
  if (!matchLabels) return;
  const labels = objectAt(resource, 'spec', 'template', 'metadata', 'labels') ?? {};
  const matches = Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
  if (!matches) {
    errors.push({ path: ['spec', 'template', 'metadata', 'labels'], message: 'spec.template.metadata.labels: Invalid value: `selector` does not match template `labels`' });
  }
}

/** An Indexed Job needs completions (validateJobSpec, before the pod template is validated). */
function checkIndexedCompletions(kind: string, resource: Json, errors: RefusalError[]): void {
  const at = jobSpecPath(kind);
  const spec = at && objectAt(resource, ...at);
  if (!at || !spec || spec.completionMode !== 'Indexed' || typeof spec.completions === 'number') return;
  const path = [...at, 'completions'];
  errors.push({ path, message: `${dotted(path)}: ${INDEXED_NEEDS_COMPLETIONS}` });
}

/** The errors that would make the API server refuse this resource, in the order it reports them; empty when it accepts it. */
export function refusalsOf(kind: string, resource: Json, minorVersion = CONTAINER_RESTART_RULES_SINCE - 1): RefusalError[] {
  const path = podSpecPath(kind);
  if (!path) return [];
  const at = [...path];
  const errors: RefusalError[] = kind === 'CronJob' ? cronJobRefusals(objectAt(resource, 'spec')) : [];
  checkIndexedCompletions(kind, resource, errors);
  const podSpec = objectAt(resource, ...at);
  if (!podSpec) {
    errors.push({ path: at, message: `${dotted(at)}: Required value` });
    return errors;
  }
  checkSelector(kind, resource, errors);
  checkContainers(podSpec, at, errors);
  if (minorVersion < CONTAINER_RESTART_RULES_SINCE) checkNoContainerRestartPolicy(podSpec, at, errors);
  checkRestartPolicy(kind, podSpec, at, errors);
  const strict = errors.find((e) => e.message.startsWith('strict decoding error'));
  return strict ? [strict, ...errors.filter((e) => e !== strict)] : errors;
}

/** What `kubectl apply` prints for the refusal. */
export function refusalMessage(kind: string, name: string, errors: RefusalError[]): string {
  const strict = errors.find((e) => e.message.startsWith('strict decoding error'));
  if (strict) return `${kind} in version "v1" cannot be handled as a ${kind}: ${strict.message}`;
  const details = errors.map((e) => e.message);
  return `The ${kind} ${JSON.stringify(name)} is invalid: ${details.length > 1 ? `[${details.join(', ')}]` : details[0]}`;
}
