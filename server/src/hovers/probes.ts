import { isSeq, type YAMLMap } from 'yaml';
import { PROBE_DEFAULTS, TERMINATION_GRACE_PERIOD_SECONDS } from '../k8s/defaults';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { mapAt, scalarAt, seqAt, stringAt } from '../yaml/nodes';
import { portsOf } from '../workspace/podTemplate';
import { containerLabel, inContainer } from './support/podPath';
import { hoverSection, nonNegativeOr, positiveOr } from './support/format';
import type { HoverProvider } from './types';

type ProbeKind = keyof typeof CONCEPTS.probes;
const PROBES = new Set<string>(['livenessProbe', 'readinessProbe', 'startupProbe']);

export interface ProbeTiming {
  initialDelay: number;
  period: number;
  timeout: number;
  failureThreshold: number;
  successThreshold: number;
}

/** The probe's timing with the API server's defaults filled in (0 counts as unset for period, timeout and thresholds). */
export function probeTiming(probe: YAMLMap | undefined): ProbeTiming {
  return {
    initialDelay: nonNegativeOr(scalarAt(probe, 'initialDelaySeconds'), PROBE_DEFAULTS.initialDelaySeconds),
    period: positiveOr(scalarAt(probe, 'periodSeconds'), PROBE_DEFAULTS.periodSeconds),
    timeout: positiveOr(scalarAt(probe, 'timeoutSeconds'), PROBE_DEFAULTS.timeoutSeconds),
    failureThreshold: positiveOr(scalarAt(probe, 'failureThreshold'), PROBE_DEFAULTS.failureThreshold),
    successThreshold: positiveOr(scalarAt(probe, 'successThreshold'), PROBE_DEFAULTS.successThreshold),
  };
}

/** On a probe or any of its fields: what the probe does to the pod, and its timing from the fields and defaults. */
const probesHover: HoverProvider = {
  id: 'probes',
  provide({ location }) {
    const at = inContainer(location);
    const kind = at?.inner[0];
    if (!at || typeof kind !== 'string' || !PROBES.has(kind)) return undefined;
    const probe = mapAt(at.container.node, kind);
    const timing = probeTiming(probe);
    const { initialDelay: d, period: p, timeout: t, failureThreshold: f, successThreshold: s } = timing;
    const name = containerLabel(at.container);
    const failing = `${f * p} s of failures: period ${p} s x ${f}`;
    const hasStartup = kind !== 'startupProbe' && at.container.node.has('startupProbe');
    const facts: string[] = [];
    const handler = handlerWords(probe, at.container.node);
    if (handler) facts.push(`Checks ${handler} ${d > 0 ? `${d} s after ${name} starts` : `as soon as ${name} starts`}${hasStartup ? ' (counted once the startupProbe has succeeded)' : ''}, then every ${p} s; an attempt that takes over ${t} s fails.`);
    switch (kind as ProbeKind) {
      case 'readinessProbe':
        facts.push(`Marked unready after ${failing}.`);
        facts.push(`Ready again after ${s === 1 ? 'one successful check' : `${s} successful checks in a row (${s * p} s)`}; before its first success the container is not ready.`);
        break;
      case 'livenessProbe': {
        const grace = scalarAt(probe, 'terminationGracePeriodSeconds') ?? scalarAt(at.template.spec, 'terminationGracePeriodSeconds') ?? TERMINATION_GRACE_PERIOD_SECONDS;
        facts.push(`Restarted after ${failing} (killed with a ${grace} s grace period, then restarted under the crash back-off).`);
        if (!hasStartup) facts.push(`With no startupProbe, a container that needs more than ${d + f * p} s to answer is killed before it is up: add a startupProbe rather than raising these numbers.`);
        break;
      }
      case 'startupProbe':
        facts.push(`Budget to start: ${d + f * p} s (initialDelaySeconds ${d} + period ${p} s x ${f}); if it has not succeeded by then, ${name} is killed and restarted.`);
        facts.push(`The liveness and readiness probes of ${name} wait until it succeeds.`);
        break;
    }
    return hoverSection(CONCEPTS.probes[kind as ProbeKind], facts, { title: 'Liveness, readiness and startup probes', url: DOCS.probes });
  },
};

function handlerWords(probe: YAMLMap | undefined, container: YAMLMap): string | undefined {
  const http = mapAt(probe, 'httpGet');
  if (http) return `HTTP GET \`${stringAt(http, 'path') ?? '/'}\` on port ${portWords(scalarAt(http, 'port'), container)}`;
  const tcp = mapAt(probe, 'tcpSocket');
  if (tcp) return `a TCP connection to port ${portWords(scalarAt(tcp, 'port'), container)}`;
  const grpc = mapAt(probe, 'grpc');
  if (grpc) return `gRPC health on port ${portWords(scalarAt(grpc, 'port'), container)}`;
  const command = seqAt(mapAt(probe, 'exec'), 'command');
  if (command && isSeq(command)) return `the command \`${command.items.map((item) => String((item as { value?: unknown }).value ?? '')).join(' ')}\` (exit 0 = success)`;
  return undefined;
}

function portWords(port: unknown, container: YAMLMap): string {
  if (typeof port === 'string') {
    const declared = portsOf(container).find((candidate) => candidate.name === port);
    return declared?.containerPort ? `\`${port}\` (${declared.containerPort})` : `\`${port}\` (not declared by this container)`;
  }
  return port === undefined ? '(none)' : String(port);
}

export default probesHover;
