// A lane on the time axis is a list of segments: stretches of time with one state.

export type Tone =
  | 'waiting'
  | 'problem'
  | 'running'
  | 'ready'
  | 'completed'
  | 'failed'
  | 'terminating'
  | 'true'
  | 'false'
  | 'unknown';

export interface Segment {
  from: number;
  to: number;
  tone: Tone;
  /** Short text drawn in the segment. */
  label: string;
  /** Longer text for the tooltip and for screen readers. */
  detail: string;
  /** The shortest form of the label, for a segment too narrow for the label itself. */
  short?: string;
}

/** Builds segments from states sampled at increasing times, merging equal neighbours. */
export class SegmentBuilder {
  private readonly done: Segment[] = [];
  private open: Omit<Segment, 'to'> | undefined;

  /** The lane is in this state from `at` on. */
  enter(at: number, tone: Tone, label: string, detail: string, short?: string): void {
    if (this.open && this.open.tone === tone && this.open.label === label && this.open.detail === detail) return;
    this.close(at);
    this.open = short === undefined ? { from: at, tone, label, detail } : { from: at, tone, label, detail, short };
  }

  /** The lane has no state from `at` on (the object does not exist). */
  close(at: number): void {
    if (this.open && at > this.open.from) this.done.push({ ...this.open, to: at });
    this.open = undefined;
  }

  finish(end: number): Segment[] {
    this.close(end);
    return this.done;
  }
}

/** The segment covering `time` (segments sorted and not overlapping), if any. */
export function segmentAt(segments: readonly Segment[], time: number): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = segments[mid];
    if (time < s.from) high = mid - 1;
    else if (time >= s.to) low = mid + 1;
    else return s;
  }
  return undefined;
}
