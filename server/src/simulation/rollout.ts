// Deployment strategy arithmetic (ResolveFenceposts): surge rounds up, unavailable rounds down.

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

function resolve(value: unknown, replicas: number, roundUp: boolean, fallback: string): number {
  const raw = value === undefined || value === null ? fallback : value;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return Math.floor(raw);
  if (typeof raw === 'string') {
    const match = /^(\d+(?:\.\d+)?)%$/.exec(raw.trim());
    if (match) {
      const exact = (Number(match[1]) * replicas) / 100;
      return roundUp ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9);
    }
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isInteger(n) && n >= 0) return n;
  }
  return resolve(fallback, replicas, roundUp, fallback);
}

export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, replicas: number): Fenceposts {
  const surge = resolve(maxSurge, replicas, true, '25%');
  const unavailable = resolve(maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge: surge, maxUnavailable: unavailable };
}
