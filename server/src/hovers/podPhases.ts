import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { containersOf } from '../k8s/workloads';
import { mapAt, stringAt } from '../yaml/nodes';
import { podTemplateOf } from '../workspace/podTemplate';
import { hoverSection } from './support/format';
import type { HoverProvider } from './types';

const ENDINGS: Record<string, string> = {
  Always: 'With restartPolicy Always, this pod never reaches Succeeded or Failed on its own: exited containers are restarted and the pod stays Running until it is deleted or evicted.',
  OnFailure: 'With restartPolicy OnFailure, this pod ends **Succeeded** once every app container has exited 0; failures are restarted in place, so it does not end Failed through exits.',
  Never: 'With restartPolicy Never, this pod ends **Succeeded** if every app container exits 0, and **Failed** if any exits non-zero (or an init container fails).',
};

const PHASE_WORDS: Record<string, string> = {
  Pending: 'status.phase Pending: accepted, but not every container is running yet (waiting to be scheduled, pulling images, or running init containers).',
  Running: 'status.phase Running: bound to a node, and at least one container is running, starting or restarting.',
  Succeeded: 'status.phase Succeeded: every app container exited 0 and none will be restarted. Final.',
  Failed: 'status.phase Failed: every app container has stopped and at least one failed (or the pod was evicted). Final.',
  Unknown: 'status.phase Unknown: no current Kubernetes component sets it any more (deprecated); a lost node shows as Ready=Unknown instead.',
};

/** On `kind: Pod` and on `status.phase`: the phases and which ones this pod can end in. */
const podPhasesHover: HoverProvider = {
  id: 'pod-phases',
  provide({ location }) {
    const { resource, path } = location;
    if (resource.kind !== 'Pod') return undefined;
    const onKind = path.length === 1 && path[0] === 'kind';
    const onPhase = path.length === 2 && path[0] === 'status' && path[1] === 'phase';
    if (!onKind && !onPhase) return undefined;
    const template = podTemplateOf(resource);
    const policy = stringAt(template?.spec, 'restartPolicy') ?? 'Always';
    const facts: string[] = [];
    const phase = stringAt(mapAt(resource.root, 'status'), 'phase');
    if (onPhase && phase) facts.push(PHASE_WORDS[phase] ?? `status.phase ${phase} is not a phase Kubernetes knows (Pending, Running, Succeeded, Failed).`);
    facts.push(ENDINGS[policy] ?? ENDINGS.Always);
    const inits = containersOf(template?.spec).filter((view) => view.role === 'init' || view.role === 'sidecar');
    if (inits.length > 0) facts.push(`It stays Pending while its ${inits.length} init container${inits.length === 1 ? '' : 's'} run.`);
    return hoverSection(CONCEPTS.podPhases, facts, { title: 'Pod lifecycle: pod phase', url: DOCS.podPhase });
  },
};

export default podPhasesHover;
