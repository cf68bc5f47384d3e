// client-go's flowcontrol.Backoff without jitter, as the kubelet uses it for
// crash loops and image pulls. Times are simulation seconds.

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
