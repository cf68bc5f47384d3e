// The event log: what `kubectl get events` would list, capped so a pathological run stays small.
import { MAX_EVENTS } from './defaults';
import type { EventType, SimEvent } from './types';

export class EventLog {
  readonly events: SimEvent[] = [];
  private truncated = false;

  add(at: number, type: EventType, reason: string, object: string, message: string, source: string): void {
    if (this.events.length >= MAX_EVENTS) {
      if (!this.truncated) {
        this.truncated = true;
        this.events.push({
          at, type: 'Warning', reason: 'SimulationTruncated', object, source: 'podlab',
          message: `More than ${MAX_EVENTS} events: later events are not recorded.`,
        });
      }
      return;
    }
    this.events.push({ at, type, reason, object, message, source });
  }
}

/** Go's time.Duration.String() for whole and fractional seconds: 10s, 1m20s, 5m0s, 1.5s, 500ms. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Math.round((seconds % 60) * 1000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}
