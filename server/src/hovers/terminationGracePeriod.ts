import { CONCEPTS } from './knowledge/concepts';
import { TERMINATION_GRACE_PERIOD_SECONDS } from '../k8s/defaults';
import { DOCS } from './knowledge/links';
import { containersOf } from '../k8s/workloads';
import { mapAt, scalarAt } from '../yaml/nodes';
import { hoverSection } from './support/format';
import { containerLabel, inContainer, inPodSpec } from './support/podPath';
import type { HoverProvider } from './types';

const LINK = { title: 'Pod lifecycle: termination of pods', url: DOCS.podTermination };

/** On the pod's `terminationGracePeriodSeconds` (or a probe's): how long containers get between SIGTERM and SIGKILL. */
const terminationGracePeriodHover: HoverProvider = {
  id: 'termination-grace-period',
  provide({ location }) {
    const pod = inPodSpec(location);
    if (!pod || location.path[location.path.length - 1] !== 'terminationGracePeriodSeconds') return undefined;
    const podGrace = scalarAt(pod.template.spec, 'terminationGracePeriodSeconds');
    const grace = typeof podGrace === 'number' && podGrace >= 0 ? podGrace : TERMINATION_GRACE_PERIOD_SECONDS;
    const at = inContainer(location);
    if (at && at.inner.length === 2) {
      const probeGrace = scalarAt(mapAt(at.container.node, String(at.inner[0])), 'terminationGracePeriodSeconds');
      return hoverSection(CONCEPTS.terminationGracePeriod, [
        `When ${containerLabel(at.container)} is killed because this ${String(at.inner[0])} failed, it gets ${String(probeGrace)} s instead of the pod's ${grace} s before SIGKILL.`,
        'Deleting the pod still uses the pod\'s grace period.',
      ], LINK);
    }
    if (pod.rest.length !== 1) return undefined;
    const containers = containersOf(pod.template.spec);
    const withPreStop = containers.filter((view) => mapAt(mapAt(view.node, 'lifecycle'), 'preStop'));
    const sidecars = containers.filter((view) => view.role === 'sidecar');
    const facts = [
      podGrace === undefined
        ? `Not written: each container gets ${TERMINATION_GRACE_PERIOD_SECONDS} s (the default) from the start of the deletion until SIGKILL.`
        : `Each container gets ${grace} s from the start of the deletion until SIGKILL${grace === 0 ? ' (0: killed at once; the kubelet still allows at least 2 s)' : ''}.`,
      withPreStop.length > 0
        ? `The preStop hook${withPreStop.length === 1 ? '' : 's'} of ${withPreStop.map(containerLabel).join(', ')} run${withPreStop.length === 1 ? 's' : ''} first and spend${withPreStop.length === 1 ? 's' : ''} the same budget: SIGTERM comes after the hook.`
        : 'No container has a preStop hook: SIGTERM is sent at once.',
    ];
    if (sidecars.length > 0) facts.push(`The native sidecars (${sidecars.map(containerLabel).join(', ')}) are stopped after the app containers, in reverse order, within the same ${grace} s.`);
    return hoverSection(CONCEPTS.terminationGracePeriod, facts, LINK);
  },
};

export default terminationGracePeriodHover;
