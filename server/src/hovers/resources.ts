import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { containerLabel, inContainer } from './support/podPath';
import { hoverSection } from './support/format';
import { containerResources, qosOf } from './support/qos';
import type { HoverProvider } from './types';

/** On a container's `resources` (or inside it): requests vs limits for this container, and the pod's QoS class. */
const resourcesHover: HoverProvider = {
  id: 'resources',
  provide({ location }) {
    const at = inContainer(location);
    if (!at || at.inner[0] !== 'resources' || at.container.role === 'ephemeral') return undefined;
    const own = containerResources(at.container);
    const name = containerLabel(at.container);
    const words = (resource: 'cpu' | 'memory') => {
      const request = own.requests[resource];
      const limit = own.limits[resource];
      if (!request && !limit) return `${resource}: nothing set`;
      return `${resource}: request ${request ?? 'none'}, limit ${limit ?? 'none'}`;
    };
    const { qos, reason } = qosOf(at.containers);
    const facts = [
      `${name}: ${words('cpu')}; ${words('memory')}.`,
      own.limits.memory
        ? `Using more than ${own.limits.memory} of memory gets ${name} OOMKilled (exit 137) and restarted.`
        : `No memory limit: ${name} may use whatever the node has free.`,
      `This pod's QoS class: **${qos}**, because ${reason}.`,
      CONCEPTS.qos[qos],
    ];
    return hoverSection(CONCEPTS.resources, facts, { title: 'Resource management for pods and containers', url: DOCS.resources });
  },
};

export default resourcesHover;
