/** How the Deployment controller turns maxSurge and maxUnavailable into pod counts (ResolveFenceposts). */

export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';

export interface Fenceposts {
  surge: number;
  unavailable: number;
  /** Both resolved to 0, so the controller allows 1 unavailable pod to make progress. */
  forcedUnavailable: boolean;
}

/** An IntOrString for `replicas`: a percentage rounds up for maxSurge and down for maxUnavailable; undefined when unreadable. */
export function scaledValue(value: unknown, replicas: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) {
    const exact = (Number(value.slice(0, -1)) * replicas) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
  return undefined;
}

/** The fenceposts for written values (undefined: the 25% defaults); undefined when a value cannot be read. */
export function resolveFenceposts(replicas: number, maxSurge: unknown, maxUnavailable: unknown): Fenceposts | undefined {
  const surge = scaledValue(maxSurge ?? DEFAULT_MAX_SURGE, replicas, true);
  const unavailable = scaledValue(maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE, replicas, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1, forcedUnavailable: true };
  return { surge, unavailable, forcedUnavailable: false };
}
