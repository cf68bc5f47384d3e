// The playhead: where it is, whether it moves, and how fast.

export const SPEEDS = [1, 2, 5, 10, 30, 60, 120] as const;

/** The slowest speed that plays `end` seconds of simulation in about a minute or less. */
export function defaultSpeed(end: number): number {
  return SPEEDS.find((speed) => end / speed <= 60) ?? SPEEDS[SPEEDS.length - 1];
}

export function isSpeed(value: unknown): value is number {
  return typeof value === 'number' && (SPEEDS as readonly number[]).includes(value);
}

export class Playback {
  time = 0;
  playing = false;

  constructor(
    public end: number,
    public speed: number,
  ) {}

  seek(time: number): void {
    this.time = Math.min(this.end, Math.max(0, Number.isFinite(time) ? time : 0));
  }

  /** Starts playing; from the start again when the playhead is at the end. */
  play(): void {
    if (this.time >= this.end) this.time = 0;
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves the playhead by `realSeconds` of wall time; stops at the end. */
  advance(realSeconds: number): void {
    if (!this.playing || !(realSeconds > 0)) return;
    this.time = Math.min(this.end, this.time + realSeconds * this.speed);
    if (this.time >= this.end) this.playing = false;
  }
}
