import { isScalar, type YAMLMap } from 'yaml';
import type { Fix } from '../findings/finding';
import { removePair, replaceScalar, setIn } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf, type ContainerView } from '../k8s/workloads';
import { pairOf } from '../yaml/nodes';
import { keySpan, nodeSpan } from './support/nodes';
import { PROBE_HANDLERS, probesOf, type ProbeView } from './support/probes';
import type { Rule, RuleContext } from './types';

const TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

const rule: Rule = {
  meta: {
    id: 'invalid-probe',
    severity: 'error',
    category: 'api',
    description: 'Probes the API server rejects: no handler or several, successThreshold other than 1 on liveness/startup, negative timings, probes on plain init containers.',
    docsUrl: ruleDocsUrl('invalid-probe'),
    fixable: true,
  },
  check(context) {
    for (const container of containersOf(podSpecOf(context.resource))) {
      for (const probe of probesOf(container.node)) checkProbe(context, container, probe);
    }
  },
};

function checkProbe(context: RuleContext, container: ContainerView, probe: ProbeView): void {
  const text = context.file.text;
  const pair = pairOf(container.node, probe.kind)!;
  const where = `${probe.kind} of container "${container.name ?? '?'}"`;
  if (container.role === 'init') {
    const fixes: Fix[] = [];
    const remove = removePair(text, container.node, probe.kind);
    if (remove) fixes.push({ title: `Remove the ${probe.kind}`, edits: [remove], preferred: true });
    const sidecar = setIn(text, container.node, ['restartPolicy'], 'Always');
    if (sidecar) fixes.push({ title: 'Make it a native sidecar (restartPolicy: Always)', edits: [sidecar] });
    context.report({ span: keySpan(pair), message: `The ${where} is forbidden: init containers run to completion and are not probed, unless they are native sidecars (restartPolicy: Always).`, fixes });
    return;
  }
  const handlers = PROBE_HANDLERS.filter((handler) => pairOf(probe.node, handler));
  if (handlers.length === 0) {
    context.report({ span: keySpan(pair), message: `The ${where} has no handler: it needs exactly one of exec, httpGet, tcpSocket or grpc.` });
  } else if (handlers.length > 1) {
    context.report({
      span: keySpan(pair),
      message: `The ${where} has ${handlers.length} handlers (${handlers.join(', ')}); a probe takes exactly one.`,
      fixes: handlers.map((keep) => keepOnly(text, probe.node, keep, handlers)).filter((fix): fix is Fix => !!fix),
    });
  }
  for (const timing of TIMINGS) {
    const node = pairOf(probe.node, timing)?.value;
    if (!isScalar(node) || typeof node.value !== 'number') continue;
    const span = nodeSpan(node)!;
    if (node.value < 0) {
      context.report({ span, message: `${timing} of the ${where} must not be negative.` });
    } else if (timing === 'successThreshold' && probe.kind !== 'readinessProbe' && node.value !== 1 && node.value !== 0) {
      const edit = replaceScalar(node, '1');
      context.report({
        span,
        message: `successThreshold of the ${where} must be 1: one success is all a ${probe.kind} can use (only readiness probes may ask for more).`,
        fixes: edit ? [{ title: 'Set successThreshold to 1', edits: [edit], preferred: true }] : undefined,
      });
    }
  }
  const grace = pairOf(probe.node, 'terminationGracePeriodSeconds');
  if (grace && probe.kind === 'readinessProbe') {
    const edit = removePair(text, probe.node, 'terminationGracePeriodSeconds');
    context.report({
      span: keySpan(grace),
      message: `terminationGracePeriodSeconds is forbidden on a readinessProbe (a failing readiness probe never kills the container).`,
      fixes: edit ? [{ title: 'Remove terminationGracePeriodSeconds', edits: [edit], preferred: true }] : undefined,
    });
  }
}

function keepOnly(text: string, probe: YAMLMap, keep: string, handlers: string[]): Fix | undefined {
  const edits = handlers.filter((handler) => handler !== keep).map((handler) => removePair(text, probe, handler));
  if (edits.some((edit) => !edit)) return undefined;
  return { title: `Keep only the ${keep} handler`, edits: edits.map((edit) => edit!) };
}

export default rule;
