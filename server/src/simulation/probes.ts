// Probe specs with their API defaults, and one probe worker per (container, probe kind)
// following pkg/kubelet/prober/worker.go: results flip only after a run of
// failureThreshold failures or successThreshold successes.
import { PROBE_DEFAULTS } from '../k8s/defaults';
import { arrayAt, numberAt, objectAt, type Json } from './json';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

export interface ProbeSpec {
  kind: ProbeKind;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** Probe-level grace for kills after liveness/startup failure. */
  terminationGracePeriodSeconds?: number;
  /** What the failure output looks like. */
  failureOutput: string;
}

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 1 ? Math.floor(value) : fallback;
}

function failureOutputOf(probe: Json, podIp: string): string {
  const http = objectAt(probe, 'httpGet');
  if (http) return 'HTTP probe failed with statuscode: 503';
  const tcp = objectAt(probe, 'tcpSocket');
  if (tcp) return `dial tcp ${podIp}:${String(tcp.port ?? '')}: connect: connection refused`;
  if (objectAt(probe, 'grpc')) return 'service unhealthy (responded with "NOT_SERVING")';
  const command = arrayAt(objectAt(probe, 'exec'), 'command').filter((part) => typeof part === 'string');
  if (command.length > 0) return `command ${JSON.stringify(command.join(' '))} exited with status 1`;
  return 'probe failed';
}

export function readProbe(container: Json, kind: ProbeKind, podIp: string): ProbeSpec | undefined {
  const probe = objectAt(container, `${kind}Probe`);
  if (!probe) return undefined;
  const successThreshold = kind === 'readiness' ? positiveInt(numberAt(probe, 'successThreshold'), PROBE_DEFAULTS.successThreshold) : 1;
  const grace = numberAt(probe, 'terminationGracePeriodSeconds');
  return {
    kind,
    initialDelaySeconds: numberAt(probe, 'initialDelaySeconds') ?? PROBE_DEFAULTS.initialDelaySeconds,
    periodSeconds: positiveInt(numberAt(probe, 'periodSeconds'), PROBE_DEFAULTS.periodSeconds),
    timeoutSeconds: positiveInt(numberAt(probe, 'timeoutSeconds'), PROBE_DEFAULTS.timeoutSeconds),
    successThreshold,
    failureThreshold: positiveInt(numberAt(probe, 'failureThreshold'), PROBE_DEFAULTS.failureThreshold),
    ...(grace !== undefined && kind !== 'readiness' ? { terminationGracePeriodSeconds: grace } : {}),
    failureOutput: failureOutputOf(probe, podIp),
  };
}

export const PROBE_LABEL: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

/** One worker's counters for the current container instance. */
export class ProbeWorker {
  /** The published result the kubelet acts on. */
  result: ProbeResult;
  private lastResult: ProbeResult = 'Unknown';
  private run = 0;
  /** Liveness/startup stop after a failure verdict until the next instance. */
  onHold = false;
  /** The last probe instant already handled. */
  lastTickAt = -Infinity;

  constructor(readonly spec: ProbeSpec, private readonly instanceStart: number) {
    this.result = spec.kind === 'readiness' ? 'Failure' : spec.kind === 'liveness' ? 'Success' : 'Unknown';
  }

  /** The first probe instant at or after `time` not handled yet; instants are start + initialDelaySeconds + k * periodSeconds. */
  firstTickAtOrAfter(time: number): number {
    const base = this.instanceStart + this.spec.initialDelaySeconds;
    const period = this.spec.periodSeconds;
    const steps = time <= base ? 0 : Math.ceil((time - base) / period - 1e-9);
    const handled = this.lastTickAt < base ? 0 : Math.round((this.lastTickAt - base) / period) + 1;
    return base + Math.max(steps, handled) * period;
  }

  /** Records one probe outcome; returns true when the published result changed. */
  record(outcome: 'Success' | 'Failure'): boolean {
    if (outcome === this.lastResult) this.run++;
    else {
      this.lastResult = outcome;
      this.run = 1;
    }
    const threshold = outcome === 'Failure' ? this.spec.failureThreshold : this.spec.successThreshold;
    if (this.run < threshold) return false;
    const changed = this.result !== outcome;
    this.result = outcome;
    if (outcome === 'Failure' && this.spec.kind !== 'readiness') {
      this.onHold = true;
      this.run = 0;
    }
    return changed || (outcome === 'Failure' && this.spec.kind !== 'readiness');
  }

  /** True when further ticks that succeed cannot change anything. */
  settledOnSuccess(): boolean {
    return this.result === 'Success' && this.lastResult === 'Success';
  }
}
