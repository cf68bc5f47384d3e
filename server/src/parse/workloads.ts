import { isMap, type YAMLMap } from 'yaml';
import type { Resource } from './model';
import { mapAt, nodeAtPath, seqAt, stringAt, type PathSegment } from '../yaml/nodes';

/** Where each Pod-making kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, PathSegment[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export function podSpecPath(kind: string | undefined): PathSegment[] | undefined {
  return kind ? POD_SPEC_PATHS[kind] : undefined;
}

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

export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';

export interface ContainerView {
  node: YAMLMap;
  role: ContainerRole;
  name?: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: string;
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
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    seqAt(podSpec, list)?.items.forEach((item, index) => {
      if (!isMap(item)) return;
      views.push({ node: item, role: roleOf(list, item), name: stringAt(item, 'name'), list, index });
    });
  }
  return views;
}

function roleOf(list: string, container: YAMLMap): ContainerRole {
  if (list === 'containers') return 'app';
  if (list === 'ephemeralContainers') return 'ephemeral';
  return stringAt(container, 'restartPolicy') === 'Always' ? 'sidecar' : 'init';
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
