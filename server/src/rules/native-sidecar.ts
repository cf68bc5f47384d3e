import type { TextEdit } from '../yaml/span';
import { runsToCompletion } from '../k8s/defaults';
import { columnOf, dashOf, eolOf, lineEndOf, lineStartOf } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf, type ContainerView } from '../k8s/workloads';
import { pairOf, seqAt, stringAt } from '../yaml/nodes';
import { containerSpan } from './support/nodes';
import type { Rule, RuleContext } from './types';

/** Images of helpers that serve the app container rather than being the app: log shippers, proxies, agents. */
const HELPER_IMAGES = [
  /fluent-?bit/, /fluentd/, /envoyproxy\/envoy/, /\/envoy(:|$)/, /istio\/proxyv2/, /linkerd.*proxy/, /cloud-?sql-proxy/, /cloudsql-proxy/,
  /gce-proxy/, /promtail/, /filebeat/, /timberio\/vector/, /hashicorp\/vault(:|$)/, /vault-agent/, /otel\/opentelemetry-collector/,
];
const HELPER_NAMES = [/sidecar/, /^istio-proxy$/, /^envoy$/, /^linkerd-proxy$/, /^cloud-?sql-proxy$/, /^fluent-?bit$/, /log-?shipper/, /^vault-agent$/];

const rule: Rule = {
  meta: {
    id: 'native-sidecar',
    severity: 'information',
    category: 'best-practice',
    description: 'A helper container (log shipper, proxy, agent) in `containers` that would be better as a native sidecar: an init container with restartPolicy: Always.',
    docsUrl: ruleDocsUrl('native-sidecar'),
    fixable: true,
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    const apps = containersOf(podSpec).filter((container) => container.role === 'app');
    if (apps.length < 2) return;
    for (const container of apps) {
      const image = stringAt(container.node, 'image') ?? '';
      const name = container.name ?? '';
      if (!HELPER_IMAGES.some((pattern) => pattern.test(image)) && !HELPER_NAMES.some((pattern) => pattern.test(name))) continue;
      const job = runsToCompletion(context.resource.kind);
      const edits = moveToInit(context, container);
      context.report({
        span: containerSpan(container.node),
        severity: job ? 'warning' : undefined,
        message: job
          ? `"${name}" looks like a helper, and in a ${context.resource.kind} a helper in containers keeps the pod running after the main container finishes, so the Job never completes. As a native sidecar (an init container with restartPolicy: Always) it is stopped when the main container exits.`
          : `"${name}" looks like a helper container. As a native sidecar (an init container with restartPolicy: Always) it starts before the app containers, is ready before they start, and stops after them, so the app never runs without it.`,
        fixes: edits ? [{ title: `Make "${name}" a native sidecar (move it to initContainers with restartPolicy: Always)`, edits, preferred: true }] : undefined,
      });
    }
  },
};

/** Cuts the container's lines out of `containers` and adds them, re-indented, to `initContainers` with restartPolicy: Always. */
function moveToInit(context: RuleContext, container: ContainerView): TextEdit[] | undefined {
  const text = context.file.text;
  const podSpec = podSpecOf(context.resource)!;
  const containers = seqAt(podSpec, 'containers');
  const node = container.node;
  if (!containers || containers.flow || node.flow || !node.range || pairOf(node, 'restartPolicy')) return undefined;
  const dash = dashOf(text, node.range[0]);
  const start = lineStartOf(text, dash);
  if (text.slice(start, dash).trim() !== '') return undefined;
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text[end - 1])) end--;
  const lineEnd = lineEndOf(text, end);
  const eol = eolOf(text);
  const cutEnd = text.startsWith(eol, lineEnd) ? lineEnd + eol.length : lineEnd;
  const oldDash = dash - start;
  const keyColumn = columnOf(text, node.items[0] ? (node.items[0].key as { range: [number, number] }).range[0] : node.range[0]);
  const lines = text.slice(start, lineEnd).split(/\r?\n/);
  const initContainers = seqAt(podSpec, 'initContainers');
  let at: number;
  let newDash: number;
  let prefix: string;
  let suffix = '';
  if (initContainers && !initContainers.flow && initContainers.items.length > 0) {
    const first = initContainers.items[0] as { range: [number, number] };
    const last = initContainers.items[initContainers.items.length - 1] as { range: [number, number] };
    newDash = columnOf(text, dashOf(text, first.range[0]));
    let lastEnd = last.range[1];
    while (/\s/.test(text[lastEnd - 1])) lastEnd--;
    at = lineEndOf(text, lastEnd);
    prefix = eol;
  } else if (!initContainers && !pairOf(podSpec, 'initContainers')) {
    const containersKey = pairOf(podSpec, 'containers')!.key as unknown as { range: [number, number] };
    at = lineStartOf(text, containersKey.range[0]);
    newDash = oldDash;
    prefix = `${' '.repeat(columnOf(text, containersKey.range[0]))}initContainers:${eol}`;
    suffix = eol;
  } else {
    return undefined;
  }
  const shift = newDash - oldDash;
  const moved = lines.map((line) => reindent(line, shift));
  moved.push(`${' '.repeat(keyColumn + shift)}restartPolicy: Always`);
  return [
    { span: [at, at], newText: prefix + moved.join(eol) + suffix },
    { span: [start, cutEnd], newText: '' },
  ];
}

function reindent(line: string, shift: number): string {
  if (shift >= 0) return line.length ? ' '.repeat(shift) + line : line;
  const spaces = /^ */.exec(line)![0].length;
  return line.slice(Math.min(spaces, -shift));
}

export default rule;
