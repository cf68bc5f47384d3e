import { isMap, type YAMLMap } from 'yaml';
import type { Resource } from '../../parse/model';
import { containersOf, podSpecPath, type ContainerView } from '../../k8s/workloads';
import type { Location } from '../../parse/locate';
import { nodeAtPath, type PathSegment } from '../../yaml/nodes';
import { podTemplateOf, type PodTemplate } from '../../workspace/podTemplate';

/** Where the pod spec of this resource is, for the built-in workloads and for look-alikes (`spec.template.spec`). */
export function podSpecPathOf(resource: Resource): readonly PathSegment[] | undefined {
  const known = podSpecPath(resource.kind);
  if (known) return known;
  return podTemplateOf(resource) ? ['spec', 'template', 'spec'] : undefined;
}

export interface InPod {
  template: PodTemplate;
  /** The path below the pod spec (`['containers', 0, 'livenessProbe']`). */
  rest: PathSegment[];
}

/** The cursor is inside the pod spec: which part of it. */
export function inPodSpec(location: Location): InPod | undefined {
  return below(location, podSpecPathOf(location.resource));
}

/** The cursor is inside the pod's metadata (the template's, or a Pod's own). */
export function inPodMetadata(location: Location): InPod | undefined {
  const specPath = podSpecPathOf(location.resource);
  return specPath ? below(location, [...specPath.slice(0, -1), 'metadata']) : undefined;
}

function below(location: Location, prefix: readonly PathSegment[] | undefined): InPod | undefined {
  if (!prefix || location.path.length < prefix.length) return undefined;
  if (!prefix.every((segment, index) => location.path[index] === segment)) return undefined;
  const template = podTemplateOf(location.resource);
  return template ? { template, rest: location.path.slice(prefix.length) } : undefined;
}

export interface InContainer extends InPod {
  container: ContainerView;
  /** The path below the container (`['livenessProbe', 'periodSeconds']`). */
  inner: PathSegment[];
  containers: ContainerView[];
}

/** The cursor is inside one container (init, sidecar, app or ephemeral). */
export function inContainer(location: Location): InContainer | undefined {
  const pod = inPodSpec(location);
  if (!pod || pod.rest.length < 2 || typeof pod.rest[0] !== 'string' || typeof pod.rest[1] !== 'number') return undefined;
  const containers = containersOf(pod.template.spec);
  const container = containers.find((view) => view.list === pod.rest[0] && view.index === pod.rest[1]);
  return container ? { ...pod, container, inner: pod.rest.slice(2), containers } : undefined;
}

export function mapIn(node: YAMLMap | undefined, path: PathSegment[]): YAMLMap | undefined {
  const found = node ? nodeAtPath(node, path) : undefined;
  return isMap(found) ? found : undefined;
}

export function containerLabel(view: ContainerView): string {
  return `\`${view.name ?? `${view.list}[${view.index}]`}\``;
}
