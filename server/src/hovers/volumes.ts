import { isMap, type YAMLMap } from 'yaml';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { containersOf, type ContainerView } from '../k8s/workloads';
import { keyName, scalarAt, seqAt, stringAt } from '../yaml/nodes';
import { listWords } from '../workspace/describe';
import { hoverSection } from './support/format';
import { containerLabel, inContainer, inPodSpec } from './support/podPath';
import type { HoverProvider } from './types';

const LINK = { title: 'Volumes', url: DOCS.volumes };

/** On a pod volume (its name or its type): what kind of storage it is and who mounts it where. On a volumeMount: the volume it mounts. */
const volumesHover: HoverProvider = {
  id: 'volumes',
  provide({ location }) {
    const pod = inPodSpec(location);
    if (!pod) return undefined;
    const containers = containersOf(pod.template.spec);
    const volumes = (seqAt(pod.template.spec, 'volumes')?.items ?? []).filter(isMap);
    const at = inContainer(location);
    if (at && at.inner[0] === 'volumeMounts' && typeof at.inner[1] === 'number' && at.inner.length === 3) {
      const mount = seqAt(at.container.node, 'volumeMounts')?.items[at.inner[1]];
      if (!isMap(mount)) return undefined;
      const name = stringAt(mount, 'name');
      const volume = volumes.find((candidate) => stringAt(candidate, 'name') === name);
      const facts = [`${containerLabel(at.container)} sees ${volume ? `volume \`${name}\` (${typeWords(volume)})` : `volume \`${name ?? '?'}\``} at \`${stringAt(mount, 'mountPath') ?? '?'}\`${mountDetails(mount)}.`];
      if (!volume) facts.push(`This pod declares no volume named \`${name ?? '?'}\`: the API server rejects it.`);
      else facts.push(...othersWords(containers, name!, at.container));
      return hoverSection(CONCEPTS.volumes, facts, LINK);
    }
    if (pod.rest[0] !== 'volumes' || typeof pod.rest[1] !== 'number' || pod.rest.length !== 3) return undefined;
    const volume = seqAt(pod.template.spec, 'volumes')?.items[pod.rest[1]];
    if (!isMap(volume)) return undefined;
    const name = stringAt(volume, 'name');
    const facts = [`Volume \`${name ?? '?'}\` is ${typeWords(volume)}.`];
    if (name) facts.push(...othersWords(containers, name, undefined));
    return hoverSection(CONCEPTS.volumes, facts, LINK);
  },
};

function typeWords(volume: YAMLMap): string {
  const type = volume.items.map((pair) => keyName(pair)).find((key) => key !== undefined && key !== 'name');
  if (!type) return 'missing its source (the API server requires exactly one, such as emptyDir or configMap)';
  return `${CONCEPTS.volumeTypes[type] ?? `a \`${type}\` volume`}`;
}

function mountDetails(mount: YAMLMap): string {
  const parts: string[] = [];
  if (scalarAt(mount, 'readOnly') === true) parts.push('read-only');
  const subPath = stringAt(mount, 'subPath') ?? stringAt(mount, 'subPathExpr');
  if (subPath) parts.push(`only its \`${subPath}\` (a subPath mount does not see later updates of ConfigMaps and Secrets)`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function othersWords(containers: ContainerView[], name: string, except: ContainerView | undefined): string[] {
  const mounts = containers.filter((view) => !except || view.list !== except.list || view.index !== except.index).flatMap((view) => (seqAt(view.node, 'volumeMounts')?.items ?? [])
    .filter((mount): mount is YAMLMap => isMap(mount) && stringAt(mount, 'name') === name)
    .map((mount) => `${containerLabel(view)} at \`${stringAt(mount, 'mountPath') ?? '?'}\`${mountDetails(mount)}`));
  if (mounts.length > 0) return [`${except ? 'Also mounted by' : 'Mounted by'} ${listWords(mounts)}.`];
  return [except ? 'No other container mounts it.' : 'No container mounts it: the volume is set up but unused.'];
}

export default volumesHover;
