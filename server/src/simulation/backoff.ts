// client-go's flowcontrol.Backoff without jitter, as the kubelet uses it for
// crash loops and image pulls; and the Job controller's pod-failure back-off. Times are simulation seconds.
import { JOB_FAILURE_BACKOFF_INITIAL, JOB_FAILURE_BACKOFF_MAX } from './defaults';

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initial: number,
    private readonly max: number,
    /** An entry is stale when the event is more than this long after its last update. */
    private readonly expiry: number,
  ) {}

  private fresh(id: string, eventTime: number): Entry | undefined {
    const entry = this.entries.get(id);
    return entry && eventTime - entry.lastUpdate <= this.expiry ? entry : undefined;
  }

  /** Crash loops: still waiting `backoff` seconds after the exit at `eventTime`? */
  isInBackOffSince(id: string, eventTime: number, now: number): boolean {
    const entry = this.fresh(id, eventTime);
    return entry !== undefined && now - eventTime < entry.backoff;
  }

  /** Image pulls: still waiting `backoff` seconds after the last failure? */
  isInBackOffSinceUpdate(id: string, now: number): boolean {
    const entry = this.fresh(id, now);
    return entry !== undefined && now - entry.lastUpdate < entry.backoff;
  }

  /** Records one more attempt: a new or stale entry starts at `initial`, otherwise the wait doubles up to `max`. */
  next(id: string, eventTime: number, now: number): void {
    const entry = this.fresh(id, eventTime);
    const backoff = entry ? Math.min(entry.backoff * 2, this.max) : this.initial;
    this.entries.set(id, { backoff, lastUpdate: now });
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }
}

/**
 * The Job controller's pod-failure back-off (backoff_utils.go): 10 s doubling to 600 s with each of `failures`,
 * counted from the newest; what is left of it at `now` (zero or less: over).
 */
export function jobBackoffRemaining(failures: number, lastFailure: number, now: number): number {
  if (failures === 0) return 0;
  return Math.min(JOB_FAILURE_BACKOFF_INITIAL * 2 ** (failures - 1), JOB_FAILURE_BACKOFF_MAX) - (now - lastFailure);
}
