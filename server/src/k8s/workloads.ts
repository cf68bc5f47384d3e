import { isMap, type YAMLMap } from 'yaml';
import type { Resource } from '../parse/model';
import { mapAt, nodeAtPath, seqAt, stringAt } from '../yaml/nodes';
import { CONTAINER_LISTS, containerRole, podSpecPath, type ContainerList, type ContainerRole } from './podSpec';

export { podSpecPath, type ContainerRole };

export function isPodMaking(resource: Resource): boolean {
  return podSpecPath(resource.kind) !== undefined;
}

export function podSpecOf(resource: Resource): YAMLMap | undefined {
  const path = podSpecPath(resource.kind);
  const node = path ? nodeAtPath(resource.root, path) : undefined;
  return isMap(node) ? node : undefined;
}

/** The pod template's metadata (labels live there); for a Pod, its own metadata. */
export function podMetadataOf(resource: Resource): YAMLMap | undefined {
  const path = podSpecPath(resource.kind);
  if (!path) return undefined;
  const node = nodeAtPath(resource.root, [...path.slice(0, -1), 'metadata']);
  return isMap(node) ? node : undefined;
}

export interface ContainerView {
  node: YAMLMap;
  role: ContainerRole;
  name?: string;
  list: ContainerList;
  index: number;
}

const containerViews = new WeakMap<YAMLMap, ContainerView[]>();

/**
 * Every container of a pod spec, init containers first, in declaration order. Looked up once per parsed pod spec
 * (most rules ask, for every resource, on every analysis); each caller gets its own copy of the list.
 */
export function containersOf(podSpec: YAMLMap | undefined): ContainerView[] {
  if (!podSpec) return [];
  let views = containerViews.get(podSpec);
  if (!views) {
    views = collectContainers(podSpec);
    containerViews.set(podSpec, views);
  }
  return [...views];
}

function collectContainers(podSpec: YAMLMap): ContainerView[] {
  const views: ContainerView[] = [];
  for (const list of CONTAINER_LISTS) {
    seqAt(podSpec, list)?.items.forEach((item, index) => {
      if (!isMap(item)) return;
      views.push({ node: item, role: containerRole(list, stringAt(item, 'restartPolicy')), name: stringAt(item, 'name'), list, index });
    });
  }
  return views;
}

export function labelsOf(metadata: YAMLMap | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  const map = mapAt(metadata, 'labels');
  for (const item of map?.items ?? []) {
    const key = (item.key as { value?: unknown } | null)?.value;
    const value = (item.value as { value?: unknown } | null)?.value;
    if (key !== undefined && key !== null) labels[String(key)] = value === null || value === undefined ? '' : String(value);
  }
  return labels;
}
