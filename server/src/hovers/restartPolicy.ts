import { DOCS } from './knowledge/links';
import { podSpecOf, podSpecPath } from '../k8s/workloads';
import { stringAt } from '../yaml/nodes';
import { allowedRestartPolicies, defaultRestartPolicy } from '../k8s/defaults';
import type { HoverProvider } from './types';

const OUTCOMES: Record<string, string> = {
  Always:
    'The kubelet restarts every container that exits, whatever its exit code, after a back-off of 10 s, 20 s, 40 s … capped at 5 minutes (reset after 10 minutes of running). '
    + 'The pod stays **Running** and never ends in Succeeded or Failed on its own; only deletion or eviction ends it.',
  OnFailure:
    'A container that exits with a non-zero code is restarted in place (same back-off); one that exits 0 stays terminated. '
    + 'The pod ends **Succeeded** once every app container has exited 0; it does not become Failed through container exits.',
  Never:
    'No container is ever restarted. The pod ends **Succeeded** if every app container exits 0, and **Failed** if any of them exits non-zero.',
};

const CONTROLLER_NOTE: Record<string, string> = {
  Deployment: 'A Deployment accepts only `Always`: its pods are meant to run forever, and the ReplicaSet replaces pods that go away.',
  StatefulSet: 'A StatefulSet accepts only `Always`.',
  DaemonSet: 'A DaemonSet accepts only `Always`.',
  ReplicaSet: 'A ReplicaSet accepts only `Always`.',
  Job: 'A Job accepts only `OnFailure` or `Never`: with `Never`, the Job controller retries by creating new pods (up to `backoffLimit`).',
  CronJob: 'Each Job the CronJob creates accepts only `OnFailure` or `Never`.',
};

/** What this pod's policy is (written, or the kind's default), and what it does; an invalid value is said to be one. */
function headline(kind: string | undefined, written: string | undefined): string[] {
  const fallback = defaultRestartPolicy(kind);
  const allowed = allowedRestartPolicies(kind);
  const valid = written !== undefined && OUTCOMES[written] !== undefined;
  const lines: string[] = [];
  if (written !== undefined && !valid) {
    lines.push(`\`${written}\` is not a restart policy: the API server accepts ${allowed.map((value) => `\`${value}\``).join(' or ')} for a ${kind ?? 'Pod'}.`);
  }
  const policy = valid ? written : fallback;
  if (!policy) {
    lines.push(`A ${kind}'s pods have no usable default: left out, restartPolicy becomes \`Always\`, which a ${kind} rejects. Write \`OnFailure\` or \`Never\`.`);
    return lines;
  }
  if (lines.length > 0) lines.push('', `Left out, it is **${policy}** (the default for a ${kind ?? 'Pod'}):`);
  else lines.push(`**restartPolicy: ${policy}**${written ? '' : ' (the default)'}: what the kubelet does when a container of this pod exits.`);
  lines.push('', OUTCOMES[policy]);
  return lines;
}

/** Hover on a pod-level `restartPolicy`: what this pod does when a container exits, and which phase it ends in. */
const restartPolicyHover: HoverProvider = {
  id: 'restart-policy',
  provide({ location }) {
    const { resource, path, onKey } = location;
    const specPath = podSpecPath(resource.kind);
    if (!specPath || path.length !== specPath.length + 1 || path[path.length - 1] !== 'restartPolicy') return undefined;
    if (!specPath.every((segment, index) => path[index] === segment)) return undefined;
    const written = stringAt(podSpecOf(resource), 'restartPolicy');
    const lines = headline(resource.kind, written);
    const note = resource.kind ? CONTROLLER_NOTE[resource.kind] : undefined;
    if (note) lines.push('', note);
    lines.push('', `It applies to the app containers and to init containers that fail; a sidecar (an init container with its own \`restartPolicy: Always\`) is always restarted.`);
    lines.push('', `[Pod lifecycle: restart policy](${DOCS.restartPolicy})`);
    return onKey || written ? lines.join('\n') : undefined;
  },
};

export default restartPolicyHover;
