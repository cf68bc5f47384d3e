import { isMap, type YAMLMap } from 'yaml';
import type { Resource } from '../../parse/model';
import { containersOf, podSpecOf } from '../../k8s/workloads';
import { mapAt, pairOf, seqAt } from '../../yaml/nodes';

/** A `resources` block with its owner, for messages: a container, the pod, or a PVC. */
export interface ResourceBlock {
  owner: string;
  node: YAMLMap;
}

export function resourceBlocksOf(resource: Resource): ResourceBlock[] {
  const blocks: ResourceBlock[] = [];
  if (resource.kind === 'PersistentVolumeClaim') {
    const node = mapAt(mapAt(resource.root, 'spec'), 'resources');
    if (node) blocks.push({ owner: 'PersistentVolumeClaim', node });
    return blocks;
  }
  const podSpec = podSpecOf(resource);
  const podLevel = mapAt(podSpec, 'resources');
  if (podLevel) blocks.push({ owner: 'pod', node: podLevel });
  for (const container of containersOf(podSpec)) {
    const node = mapAt(container.node, 'resources');
    if (node) blocks.push({ owner: `container "${container.name ?? '?'}"`, node });
  }
  return blocks;
}

/** emptyDir.sizeLimit nodes of a pod spec. */
export function sizeLimitsOf(resource: Resource): YAMLMap[] {
  return (seqAt(podSpecOf(resource), 'volumes')?.items ?? []).flatMap((volume) => {
    const emptyDir = isMap(volume) ? mapAt(volume, 'emptyDir') : undefined;
    return emptyDir && pairOf(emptyDir, 'sizeLimit') ? [emptyDir] : [];
  });
}

/** Byte-valued resources, where a fraction of a byte makes no sense. */
export function isByteResource(name: string): boolean {
  return name === 'memory' || name === 'ephemeral-storage' || name === 'storage' || name.startsWith('hugepages-');
}
