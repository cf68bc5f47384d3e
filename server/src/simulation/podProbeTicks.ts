// The probe workers of a running container: each tick's outcome from the scenario, its event,
// and what a changed result does (ready, started, or a restart for a failed liveness/startup probe).
import type { ContainerRuntime } from './container';
import type { PodState } from './podState';
import { stopContainer } from './podTermination';
import { PROBE_LABEL, type ProbeWorker } from './probes';

function probeOutcome(c: ContainerRuntime, worker: ProbeWorker, at: number): 'Success' | 'Failure' {
  const start = c.startedAt ?? 0;
  const b = c.behaviour;
  if (worker.spec.kind === 'startup') return at >= start + (b.startedAfterSeconds ?? 0) ? 'Success' : 'Failure';
  if (worker.spec.kind === 'readiness') return at >= start + (b.readyAfterSeconds ?? 0) ? 'Success' : 'Failure';
  return b.livenessFailsAfterSeconds !== undefined && at >= start + b.livenessFailsAfterSeconds ? 'Failure' : 'Success';
}

/** The next probe instant that can change anything or report a failure (Infinity if none). */
export function nextProbeTick(c: ContainerRuntime, worker: ProbeWorker, from: number): number {
  if (c.state !== 'running' || worker.onHold) return Infinity;
  const kind = worker.spec.kind;
  if (kind === 'startup') return c.started ? Infinity : worker.firstTickAtOrAfter(from);
  if (!c.started) return Infinity;
  if (!worker.settledOnSuccess() && !(kind === 'liveness' && worker.result === 'Success')) return worker.firstTickAtOrAfter(from);
  if (kind === 'readiness') return Infinity;
  const failsAfter = c.behaviour.livenessFailsAfterSeconds;
  if (failsAfter === undefined) return Infinity;
  return worker.firstTickAtOrAfter(Math.max(from, (c.startedAt ?? 0) + failsAfter));
}

function probeTick(pod: PodState, c: ContainerRuntime, worker: ProbeWorker, at: number): boolean {
  worker.lastTickAt = at;
  const outcome = probeOutcome(c, worker, at);
  const kind = worker.spec.kind;
  if (outcome === 'Failure') {
    pod.emit(at, 'Warning', 'Unhealthy', `${PROBE_LABEL[kind]} probe failed: ${worker.spec.failureOutput}`);
  }
  const changed = worker.record(outcome);
  if (!changed) return false;
  if (kind === 'readiness') c.ready = worker.result === 'Success';
  else if (kind === 'startup' && worker.result === 'Success') {
    c.started = true;
    c.ready = !c.spec.readinessProbe;
  } else if (worker.result === 'Failure') {
    const grace = worker.spec.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds;
    stopContainer(pod, c, at, grace, `Container ${c.spec.name} failed ${kind} probe, will be restarted`);
  }
  pod.touch();
  return true;
}

/** Runs every probe tick due up to `now`; returns true when one changed the container. */
export function runProbes(pod: PodState, c: ContainerRuntime, now: number): boolean {
  let changed = false;
  for (const worker of c.probes) {
    let tick = nextProbeTick(c, worker, now);
    while (tick <= now && c.state === 'running' && !c.stopping) {
      if (probeTick(pod, c, worker, tick)) changed = true;
      tick = nextProbeTick(c, worker, tick);
    }
  }
  return changed;
}
