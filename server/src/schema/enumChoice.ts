import { closest } from 'fastest-levenshtein';
import { allowedRestartPolicies, defaultRestartPolicy, type RestartPolicy } from '../k8s/defaults';
import type { Field } from './model';

/** The pod spec's restartPolicy (the only restartPolicy the API server defaults; a container's has no default). */
function isPodRestartPolicy(field: Field): boolean {
  return field.name === 'restartPolicy' && field.serverDefault !== undefined;
}

/**
 * The values a fix for an invalid enum value offers, the preferred one first: the same word in other letter case;
 * for a pod's restartPolicy, the kind's default (or, for a Job, the accepted value nearest to what is written);
 * else the nearest value.
 */
export function enumChoices(field: Field, values: readonly string[], written: string, kind: string | undefined): string[] {
  const sameLetters = values.find((candidate) => candidate.toLowerCase() === written.toLowerCase());
  if (!isPodRestartPolicy(field)) return [sameLetters ?? closest(written, values as string[])];
  const allowed: readonly RestartPolicy[] = allowedRestartPolicies(kind);
  const preferred = allowed.find((value) => value === sameLetters) ?? defaultRestartPolicy(kind) ?? closest(written, allowed as RestartPolicy[]);
  return [preferred, ...allowed.filter((value) => value !== preferred)];
}
