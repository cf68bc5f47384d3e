/** How the Deployment controller turns maxSurge and maxUnavailable into pod counts (ResolveFenceposts). */
import { readIntOrPercent, scaleIntOrPercent } from './intOrPercent';

/** SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go). */
export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';

export interface Fenceposts {
  surge: number;
  unavailable: number;
  /** Both resolved to 0, so the controller allows 1 unavailable pod to make progress. */
  forcedUnavailable: boolean;
}

/** An IntOrString for `replicas`: a percentage rounds up for maxSurge and down for maxUnavailable; undefined when the API rejects it. */
export function scaledValue(value: unknown, replicas: number, roundUp: boolean): number | undefined {
  const read = readIntOrPercent(value);
  return 'problem' in read ? undefined : scaleIntOrPercent(read, replicas, roundUp);
}

/** The fenceposts for written values (undefined or null: the 25% defaults); undefined when the API rejects a value. */
export function resolveFenceposts(replicas: number, maxSurge: unknown, maxUnavailable: unknown): Fenceposts | undefined {
  const surge = scaledValue(maxSurge ?? DEFAULT_MAX_SURGE, replicas, true);
  const unavailable = scaledValue(maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE, replicas, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1, forcedUnavailable: true };
  return { surge, unavailable, forcedUnavailable: false };
}
