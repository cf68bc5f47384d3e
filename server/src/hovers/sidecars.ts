import { CONCEPTS } from './knowledge/concepts';
import { runsToCompletion } from '../k8s/defaults';
import { DOCS } from './knowledge/links';
import type { ContainerView } from '../k8s/workloads';
import { stringAt } from '../yaml/nodes';
import { containerLabel, inContainer } from './support/podPath';
import { hoverSection } from './support/format';
import type { HoverProvider } from './types';

const LINK = { title: 'Sidecar containers', url: DOCS.sidecars };

/**
 * On a native sidecar (its `name` or `restartPolicy: Always`): when it starts and stops relative to the others.
 * On the second and later app containers (`name`): the classic pattern, and what a native sidecar would change.
 */
const sidecarsHover: HoverProvider = {
  id: 'sidecars',
  provide({ location }) {
    const at = inContainer(location);
    if (!at || at.inner.length !== 1 || (at.inner[0] !== 'name' && at.inner[0] !== 'restartPolicy')) return undefined;
    const { container, containers } = at;
    if (container.role === 'sidecar') return nativeSidecar(container, containers, stringAt(at.template.spec, 'restartPolicy') ?? 'Always');
    if (container.role === 'app' && container.index > 0 && at.inner[0] === 'name') return classicSidecar(container, containers, location.resource.kind);
    return undefined;
  },
};

function nativeSidecar(sidecar: ContainerView, containers: ContainerView[], podPolicy: string): string {
  const inits = containers.filter((view) => view.role === 'init' || view.role === 'sidecar');
  const apps = containers.filter((view) => view.role === 'app');
  const position = inits.indexOf(sidecar);
  const before = inits[position - 1];
  const after = inits[position + 1];
  const sidecars = inits.filter((view) => view.role === 'sidecar');
  const facts = [
    `Starts as init step ${position + 1} of ${inits.length}${before ? `, after ${containerLabel(before)} ${before.role === 'sidecar' ? 'has started' : 'has completed'}` : ', first of all'}.`,
    after
      ? `${containerLabel(after)} waits only until ${containerLabel(sidecar)} has started${hasStartupProbe(sidecar) ? ' (its startupProbe has passed)' : ''}, not until it exits.`
      : `The app containers (${apps.map(containerLabel).join(', ') || 'none'}) start once ${containerLabel(sidecar)} has started${hasStartupProbe(sidecar) ? ' (its startupProbe has passed)' : ''}.`,
    podPolicy === 'Always'
      ? 'Restarted whenever it exits, whatever its exit code.'
      : `Restarted whenever it exits, even though the pod's restartPolicy is ${podPolicy} (that policy applies to the app containers only).`,
    `On shutdown: ${apps.map(containerLabel).join(', ') || 'the app containers'} first, then the sidecars in reverse order: ${[...sidecars].reverse().map(containerLabel).join(' → ')}.`,
    'Its readiness counts toward the pod\'s Ready condition.',
  ];
  return hoverSection(CONCEPTS.nativeSidecar, facts, LINK);
}

function classicSidecar(helper: ContainerView, containers: ContainerView[], kind: string | undefined): string {
  const apps = containers.filter((view) => view.role === 'app');
  const facts = [
    `This pod has ${apps.length} app containers (${apps.map(containerLabel).join(', ')}): they start together and are stopped together, with no order between them.`,
    runsToCompletion(kind)
      ? `In this ${kind}, the pod completes only when ${containerLabel(helper)} exits too: a helper that runs forever keeps the ${kind} from finishing.`
      : `If ${containerLabel(helper)} only helps ${containerLabel(apps[0])}, moving it to \`initContainers\` with \`restartPolicy: Always\` makes it start first and stop last.`,
  ];
  return hoverSection(CONCEPTS.classicSidecar, facts, LINK);
}

function hasStartupProbe(view: ContainerView): boolean {
  return view.node.has('startupProbe');
}

export default sidecarsHover;
