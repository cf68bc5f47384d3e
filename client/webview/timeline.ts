// Where things are on the time axis: the end of the axis, the frame shown at a
// time, and the times the step buttons jump between.
import type { SimulationFrame, SimulationResult } from './simulationResult';

/** Times closer than this are the same instant (frames and events carry fractional seconds). */
export const EPSILON = 1e-6;

/** The last time anything happens in the result. */
export function lastChangeTime(result: SimulationResult): number {
  const lastFrame = result.frames.length > 0 ? result.frames[result.frames.length - 1].at : 0;
  const lastEvent = result.events.length > 0 ? result.events[result.events.length - 1].at : 0;
  return Math.max(lastFrame, lastEvent);
}

/**
 * The end of the time axis: the horizon when the simulation ran on past its last change (the
 * scenario asked for that long), else a little after the last change, so the final state shows as a stretch.
 */
export function axisEnd(result: SimulationResult): number {
  const last = lastChangeTime(result);
  if (result.horizon !== undefined && result.horizon > last + EPSILON) return result.horizon;
  return Math.max(10, Math.ceil(last + Math.max(5, last * 0.08)));
}

/** Index of the last element whose `at` is at or before `time`, or -1. Input sorted by `at`. */
export function lastIndexAtOrBefore(items: readonly { at: number }[], time: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].at <= time + EPSILON) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The frame in force at `time` (the first frame before the first change). */
export function frameAt(frames: readonly SimulationFrame[], time: number): SimulationFrame | undefined {
  if (frames.length === 0) return undefined;
  return frames[Math.max(0, lastIndexAtOrBefore(frames, time))];
}

/** Every distinct time at which an event happens or a frame changes, sorted. */
export function changeTimes(result: SimulationResult): number[] {
  const times = [...result.frames.map((f) => f.at), ...result.events.map((e) => e.at)].sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const t of times) {
    if (distinct.length === 0 || t - distinct[distinct.length - 1] > EPSILON) distinct.push(t);
  }
  return distinct;
}

/** The first change strictly after `time`, or undefined at the end. */
export function nextChange(times: readonly number[], time: number): number | undefined {
  return times.find((t) => t > time + EPSILON);
}

/** The last change strictly before `time`, or 0 when there is none. */
export function previousChange(times: readonly number[], time: number): number {
  for (let i = times.length - 1; i >= 0; i--) if (times[i] < time - EPSILON) return times[i];
  return 0;
}
