import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { Resource, Span } from '../parse/model';
import { labelsOf, podMetadataOf, podSpecOf } from '../k8s/workloads';
import { mapAt, nodeAtPath, pairOf, seqAt, spanOf, stringAt } from '../yaml/nodes';

export interface PodTemplate {
  spec: YAMLMap;
  metadata?: YAMLMap;
  labels: Record<string, string>;
}

/**
 * The pod a resource makes: the built-in workloads, and any other kind shaped like them
 * (`spec.template.spec.containers`, as Argo Rollouts and similar controllers have).
 */
export function podTemplateOf(resource: Resource): PodTemplate | undefined {
  let spec = podSpecOf(resource);
  let metadata = podMetadataOf(resource);
  if (!spec) {
    const generic = nodeAtPath(resource.root, ['spec', 'template', 'spec']);
    if (!isMap(generic) || !seqAt(generic, 'containers')) return undefined;
    spec = generic;
    const meta = nodeAtPath(resource.root, ['spec', 'template', 'metadata']);
    metadata = isMap(meta) ? meta : undefined;
  }
  return { spec, metadata, labels: labelsOf(metadata) };
}

export interface NamedRef {
  name: string;
  /** The span of the name's value. */
  span: Span;
}

export type ConfigKind = 'ConfigMap' | 'Secret';

export interface ConfigRef extends NamedRef {
  kind: ConfigKind;
  optional: boolean;
  /** A volume is mounted (a missing object blocks the mount); env is read when the container is created. */
  via: 'volume' | 'env';
  /** The map that holds the name (and `optional`). */
  source: YAMLMap;
  /** The keys read from the object: `key` of an env ref, `items[].key` of a volume (empty: the whole object). */
  keys: KeyRef[];
}

export interface KeyRef {
  key: string;
  /** The span of the key's value. */
  span: Span;
  /** The map that holds `key` (an env ref, or one of a volume's items). */
  source: YAMLMap;
}

function nameRef(map: YAMLMap | undefined, key: string): NamedRef | undefined {
  const value = map ? pairOf(map, key)?.value : undefined;
  if (!isScalar(value) || value.value === null || value.value === undefined || value.value === '') return undefined;
  const span = spanOf(value as Node);
  return span ? { name: String(value.value), span } : undefined;
}

/** `persistentVolumeClaim.claimName` of each volume. */
export function claimRefs(podSpec: YAMLMap | undefined): NamedRef[] {
  const refs: NamedRef[] = [];
  for (const volume of seqAt(podSpec, 'volumes')?.items ?? []) {
    if (!isMap(volume)) continue;
    const ref = nameRef(mapAt(volume, 'persistentVolumeClaim'), 'claimName');
    if (ref) refs.push(ref);
  }
  return refs;
}

function configRef(kind: ConfigKind, map: YAMLMap | undefined, key: string, via: ConfigRef['via']): ConfigRef | undefined {
  const ref = map ? nameRef(map, key) : undefined;
  return ref && map ? { ...ref, kind, via, optional: map.get('optional') === true, source: map, keys: keyRefs(map, via) } : undefined;
}

/** An env ref reads its `key`; a volume reads each `items[].key` (or, without items, every key). */
function keyRefs(map: YAMLMap, via: ConfigRef['via']): KeyRef[] {
  const holders = via === 'env' ? [map] : (seqAt(map, 'items')?.items ?? []).filter(isMap);
  return holders.flatMap((holder): KeyRef[] => {
    const ref = nameRef(holder, 'key');
    return ref ? [{ key: ref.name, span: ref.span, source: holder }] : [];
  });
}

/** Every ConfigMap and Secret the pod reads: volumes (also projected), env valueFrom and envFrom, in every container. */
export function configRefs(podSpec: YAMLMap | undefined): ConfigRef[] {
  const refs: Array<ConfigRef | undefined> = [];
  for (const volume of seqAt(podSpec, 'volumes')?.items ?? []) {
    if (!isMap(volume)) continue;
    refs.push(configRef('ConfigMap', mapAt(volume, 'configMap'), 'name', 'volume'));
    refs.push(configRef('Secret', mapAt(volume, 'secret'), 'secretName', 'volume'));
    for (const source of seqAt(mapAt(volume, 'projected'), 'sources')?.items ?? []) {
      if (!isMap(source)) continue;
      refs.push(configRef('ConfigMap', mapAt(source, 'configMap'), 'name', 'volume'));
      refs.push(configRef('Secret', mapAt(source, 'secret'), 'name', 'volume'));
    }
  }
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const container of seqAt(podSpec, list)?.items ?? []) {
      if (!isMap(container)) continue;
      for (const env of seqAt(container, 'env')?.items ?? []) {
        if (!isMap(env)) continue;
        const valueFrom = mapAt(env, 'valueFrom');
        refs.push(configRef('ConfigMap', mapAt(valueFrom, 'configMapKeyRef'), 'name', 'env'));
        refs.push(configRef('Secret', mapAt(valueFrom, 'secretKeyRef'), 'name', 'env'));
      }
      for (const envFrom of seqAt(container, 'envFrom')?.items ?? []) {
        if (!isMap(envFrom)) continue;
        refs.push(configRef('ConfigMap', mapAt(envFrom, 'configMapRef'), 'name', 'env'));
        refs.push(configRef('Secret', mapAt(envFrom, 'secretRef'), 'name', 'env'));
      }
    }
  }
  return refs.filter((ref): ref is ConfigRef => ref !== undefined);
}

export interface PortView {
  name?: string;
  containerPort?: number;
  protocol: string;
  span?: Span;
}

/** The ports a container declares. */
export function portsOf(container: YAMLMap): PortView[] {
  const ports: PortView[] = [];
  for (const port of seqAt(container, 'ports')?.items ?? []) {
    if (!isMap(port)) continue;
    const number = port.get('containerPort');
    ports.push({
      name: stringAt(port, 'name'),
      containerPort: typeof number === 'number' ? number : undefined,
      protocol: stringAt(port, 'protocol') ?? 'TCP',
      span: spanOf(port),
    });
  }
  return ports;
}
