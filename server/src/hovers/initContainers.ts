import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { containersOf } from '../k8s/workloads';
import { stringAt } from '../yaml/nodes';
import { containerLabel, inContainer, inPodSpec } from './support/podPath';
import { hoverSection } from './support/format';
import type { HoverProvider } from './types';

/** On `initContainers` or a regular init container's name: the order they run in and what a failure does. */
const initContainersHover: HoverProvider = {
  id: 'init-containers',
  provide({ location }) {
    const pod = inPodSpec(location);
    if (!pod) return undefined;
    const onList = pod.rest.length === 1 && pod.rest[0] === 'initContainers';
    const at = inContainer(location);
    const onInit = at?.container.role === 'init' && at.inner.length === 1 && at.inner[0] === 'name';
    if (!onList && !onInit) return undefined;
    const containers = containersOf(pod.template.spec);
    const inits = containers.filter((view) => view.role === 'init' || view.role === 'sidecar');
    const apps = containers.filter((view) => view.role === 'app');
    if (inits.length === 0) return undefined;
    const policy = stringAt(pod.template.spec, 'restartPolicy') ?? 'Always';
    const steps = inits.map((view, index) => `${index + 1}. ${containerLabel(view)}${view.role === 'sidecar' ? ' (sidecar: starts and keeps running)' : ''}`);
    const facts = [
      `Order here: ${steps.join(' → ')} → then ${apps.length > 0 ? apps.map(containerLabel).join(', ') : 'the app containers'}.`,
      policy === 'Never'
        ? 'restartPolicy is Never: if an init container fails, the pod becomes **Failed** and the app containers never start.'
        : `restartPolicy is ${policy}: a failing init container is retried with back-off (10 s, 20 s, 40 s … up to 5 minutes); the pod stays Pending (\`Init:CrashLoopBackOff\`) meanwhile.`,
      'While they run, the pod is Pending and `kubectl get pods` shows `Init:N/M`.',
    ];
    return hoverSection(CONCEPTS.initContainers, facts, { title: 'Init containers', url: DOCS.initContainers });
  },
};

export default initContainersHover;
