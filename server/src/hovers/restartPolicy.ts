import { DOCS } from './knowledge/links';
import { podSpecOf, podSpecPath } from '../k8s/workloads';
import { stringAt } from '../yaml/nodes';
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

/** Hover on a pod-level `restartPolicy`: what this pod does when a container exits, and which phase it ends in. */
const restartPolicyHover: HoverProvider = {
  id: 'restart-policy',
  provide({ location }) {
    const { resource, path, onKey } = location;
    const specPath = podSpecPath(resource.kind);
    if (!specPath || path.length !== specPath.length + 1 || path[path.length - 1] !== 'restartPolicy') return undefined;
    if (!specPath.every((segment, index) => path[index] === segment)) return undefined;
    const written = stringAt(podSpecOf(resource), 'restartPolicy');
    const policy = written && OUTCOMES[written] ? written : 'Always';
    const lines = [
      `**restartPolicy: ${policy}**${written ? '' : ' (the default)'}: what the kubelet does when a container of this pod exits.`,
      '',
      OUTCOMES[policy],
    ];
    const note = resource.kind ? CONTROLLER_NOTE[resource.kind] : undefined;
    if (note) lines.push('', note);
    lines.push('', `It applies to the app containers and to init containers that fail; a sidecar (an init container with its own \`restartPolicy: Always\`) is always restarted.`);
    lines.push('', `[Pod lifecycle: restart policy](${DOCS.restartPolicy})`);
    return onKey || written ? lines.join('\n') : undefined;
  },
};

export default restartPolicyHover;
