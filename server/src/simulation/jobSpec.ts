// The Job fields that change what the Job controller does, read with the API defaults
// (pkg/apis/batch/v1/defaults.go, workloads.md §1.1).
import { defaultBackoffLimit } from '../k8s/defaults';
import { arrayAt, isObject, numberAt, objectAt, stringAt, type Json } from './json';


export type PodFailureAction = 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';

export interface PodFailureRule {
  action: PodFailureAction;
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status: string }[];
}

export interface JobSpecModel {
  /** Undefined: work-queue mode (parallelism set, completions not). */
  completions?: number;
  parallelism: number;
  backoffLimit: number;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  podFailurePolicy?: PodFailureRule[];
  /** TerminatingOrFailed, or Failed when a podFailurePolicy is set. */
  replaceTerminating: boolean;
  podSpec: Json;
  /** The template's labels. */
  podLabels: Record<string, string>;
  restartPolicy: string;
  /** spec.suspend: the controller creates no pod until the Job is resumed. */
  suspend: boolean;
  /** completionMode Indexed (which needs completions): each pod runs one index, and each index must succeed once. */
  indexed: boolean;
  /** Indexed Jobs: failures allowed per index before the index fails; each index then has its own back-off. */
  backoffLimitPerIndex?: number;
  /** With backoffLimitPerIndex: more failed indexes than this fail the Job at once. */
  maxFailedIndexes?: number;
}

function readRule(raw: unknown): PodFailureRule | undefined {
  if (!isObject(raw)) return undefined;
  const action = stringAt(raw, 'action');
  if (action !== 'FailJob' && action !== 'Ignore' && action !== 'Count' && action !== 'FailIndex') return undefined;
  const rule: PodFailureRule = { action };
  const codes = objectAt(raw, 'onExitCodes');
  if (codes) {
    const operator = stringAt(codes, 'operator') === 'NotIn' ? 'NotIn' : 'In';
    const values = arrayAt(codes, 'values').filter((v): v is number => typeof v === 'number');
    const containerName = stringAt(codes, 'containerName');
    rule.onExitCodes = { operator, values, ...(containerName ? { containerName } : {}) };
  }
  const conditions = arrayAt(raw, 'onPodConditions').filter(isObject)
    .map((c) => ({ type: stringAt(c, 'type') ?? '', status: stringAt(c, 'status') ?? 'True' }));
  if (conditions.length > 0) rule.onPodConditions = conditions;
  return rule;
}

/** `spec` of a Job (or of a CronJob's jobTemplate). */
export function readJobSpec(spec: Json | undefined): JobSpecModel {
  const completionsSet = numberAt(spec, 'completions');
  const parallelismSet = numberAt(spec, 'parallelism');
  const completions = completionsSet === undefined && parallelismSet === undefined ? 1 : completionsSet;
  const policy = objectAt(spec, 'podFailurePolicy');
  const rules = policy ? arrayAt(policy, 'rules').map(readRule).filter((r): r is PodFailureRule => r !== undefined) : undefined;
  const replacement = stringAt(spec, 'podReplacementPolicy');
  const podSpec = objectAt(spec, 'template', 'spec') ?? {};
  const ads = numberAt(spec, 'activeDeadlineSeconds');
  const ttl = numberAt(spec, 'ttlSecondsAfterFinished');
  const indexed = stringAt(spec, 'completionMode') === 'Indexed' && completions !== undefined;
  const perIndex = indexed ? numberAt(spec, 'backoffLimitPerIndex') : undefined;
  const maxFailedIndexes = perIndex === undefined ? undefined : numberAt(spec, 'maxFailedIndexes');
  return {
    ...(completions !== undefined ? { completions: Math.floor(completions) } : {}),
    parallelism: Math.floor(parallelismSet ?? 1),
    backoffLimit: Math.floor(numberAt(spec, 'backoffLimit') ?? defaultBackoffLimit(numberAt(spec, 'backoffLimitPerIndex') !== undefined)),
    ...(ads !== undefined ? { activeDeadlineSeconds: ads } : {}),
    ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}),
    ...(rules ? { podFailurePolicy: rules } : {}),
    replaceTerminating: replacement ? replacement === 'TerminatingOrFailed' : !policy,
    podSpec,
    podLabels: Object.fromEntries(Object.entries(objectAt(spec, 'template', 'metadata', 'labels') ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    restartPolicy: stringAt(podSpec, 'restartPolicy') ?? 'Always',
    suspend: spec?.suspend === true,
    indexed,
    ...(perIndex !== undefined ? { backoffLimitPerIndex: Math.floor(perIndex) } : {}),
    ...(maxFailedIndexes !== undefined ? { maxFailedIndexes: Math.floor(maxFailedIndexes) } : {}),
  };
}
