// The events table follows the playhead the way `kubectl get events` would read
// at that moment: one row per distinct event, counting its repeats so far.
import { formatAge } from './format';
import type { EventType, SimulatedEvent } from './simulationResult';
import { EPSILON, lastIndexAtOrBefore } from './timeline';

export interface EventRow {
  type: EventType;
  reason: string;
  object: string;
  message: string;
  /** The component that reported it, when known. */
  source?: string;
  /** Times of every occurrence, increasing. */
  times: number[];
}

/** Groups repeats (same type, reason, object and message) into rows, in order of first occurrence. */
export function groupEvents(events: readonly SimulatedEvent[]): EventRow[] {
  const rows = new Map<string, EventRow>();
  for (const e of events) {
    const key = JSON.stringify([e.type, e.reason, e.object, e.message]);
    const row = rows.get(key);
    if (row) row.times.push(e.at);
    else rows.set(key, { type: e.type, reason: e.reason, object: e.object, message: e.message, ...(e.source ? { source: e.source } : {}), times: [e.at] });
  }
  return [...rows.values()];
}

export interface EventRowAt {
  /** Occurrences at or before the playhead (0: the row is not shown yet). */
  count: number;
  first: number;
  last: number;
}

export function occurrencesAt(row: EventRow, time: number): EventRowAt {
  let low = 0;
  let high = row.times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (row.times[mid] <= time + EPSILON) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? { count: 0, first: 0, last: 0 } : { count: low, first: row.times[0], last: row.times[low - 1] };
}

/** LAST SEEN as kubectl prints it, with the playhead as "now": `5s`, `40s (x3 over 2m10s)`. */
export function lastSeenText(at: EventRowAt, now: number): string {
  const lastSeen = formatAge(now - at.last);
  return at.count > 1 ? `${lastSeen} (x${at.count} over ${formatAge(now - at.first)})` : lastSeen;
}

/** The time of the latest event at or before the playhead: rows last seen then are "current". */
export function latestEventTime(events: readonly SimulatedEvent[], time: number): number | undefined {
  const i = lastIndexAtOrBefore(events, time);
  return i === -1 ? undefined : events[i].at;
}
