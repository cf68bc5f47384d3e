import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { ManifestFile, Resource, Span } from '../parse/model';
import { containersOf } from '../k8s/workloads';
import { locate, type Location } from '../parse/locate';
import { mapAt, pairOf, seqAt, spanOf } from '../yaml/nodes';
import { claimRefs, configRefs, podTemplateOf, type ConfigKind, type PodTemplate } from './podTemplate';

/** What the cursor is on, for go to definition and find references. */
export type SymbolAt =
  | { type: 'claim'; name: string; span: Span; resource: Resource }
  | { type: 'config'; kind: ConfigKind; name: string; span: Span; resource: Resource }
  /** A volume's name or a volumeMount's name: both stand for the volume of this pod. */
  | { type: 'volume'; name: string; span: Span; resource: Resource; template: PodTemplate }
  /** A Service's selector: it stands for the pod templates it selects. */
  | { type: 'selector'; selector: Record<string, string>; span: Span; resource: Resource }
  /** A pod template's labels (or a workload's name): they stand for the Services that select them. */
  | { type: 'podLabels'; labels: Record<string, string>; span: Span; resource: Resource }
  /** The name of a PersistentVolumeClaim, ConfigMap or Secret. */
  | { type: 'declaration'; kind: string; name: string; span: Span; resource: Resource };

const within = (span: Span, offset: number) => offset >= span[0] && offset <= span[1];

export function symbolAt(file: ManifestFile, offset: number): SymbolAt | undefined {
  const location = locate(file, offset);
  if (!location) return undefined;
  const { resource } = location;
  const template = podTemplateOf(resource);
  if (template) {
    const claim = claimRefs(template.spec).find((ref) => within(ref.span, offset));
    if (claim) return { type: 'claim', name: claim.name, span: claim.span, resource };
    const config = configRefs(template.spec).find((ref) => within(ref.span, offset));
    if (config) return { type: 'config', kind: config.kind, name: config.name, span: config.span, resource };
    const volume = volumeNameAt(template, offset);
    if (volume) return { type: 'volume', ...volume, resource, template };
    const labels = mapAt(template.metadata, 'labels');
    const labelsSpan = spanOf(labels);
    if (labels && labelsSpan && within(labelsSpan, offset)) return { type: 'podLabels', labels: template.labels, span: labelsSpan, resource };
  }
  if (resource.kind === 'Service') {
    const selector = mapAt(mapAt(resource.root, 'spec'), 'selector');
    const selectorPair = pairOf(mapAt(resource.root, 'spec') ?? resource.root, 'selector');
    const span = selectorPair && spanOf(selectorPair.key as Node);
    const valueSpan = spanOf(selector);
    if (selector && span && (within(span, offset) || (valueSpan && within(valueSpan, offset)))) {
      return { type: 'selector', selector: plainLabels(selector), span: valueSpan ?? span, resource };
    }
  }
  return declarationAt(location, template, offset);
}

function declarationAt(location: Location, template: PodTemplate | undefined, offset: number): SymbolAt | undefined {
  const { resource, path } = location;
  if (path.length !== 2 || path[0] !== 'metadata' || path[1] !== 'name' || !resource.name) return undefined;
  const metadata = mapAt(resource.root, 'metadata');
  const span = spanOf(metadata ? pairOf(metadata, 'name')?.value : undefined);
  if (!span || !within(span, offset)) return undefined;
  if (resource.kind === 'PersistentVolumeClaim' || resource.kind === 'ConfigMap' || resource.kind === 'Secret') {
    return { type: 'declaration', kind: resource.kind, name: resource.name, span, resource };
  }
  if (template) return { type: 'podLabels', labels: template.labels, span, resource };
  return undefined;
}

function volumeNameAt(template: PodTemplate, offset: number): { name: string; span: Span } | undefined {
  const names: Array<Node | undefined> = [];
  for (const volume of seqAt(template.spec, 'volumes')?.items ?? []) if (isMap(volume)) names.push(pairOf(volume, 'name')?.value ?? undefined);
  for (const container of containersOf(template.spec)) {
    for (const mount of seqAt(container.node, 'volumeMounts')?.items ?? []) if (isMap(mount)) names.push(pairOf(mount, 'name')?.value ?? undefined);
  }
  for (const node of names) {
    const span = spanOf(node);
    if (isScalar(node) && span && within(span, offset) && node.value !== null) return { name: String(node.value), span };
  }
  return undefined;
}

/** The spans of a volume's declaration (`volumes[].name`) and of every mount of it, in one pod template. */
export function volumeSpans(template: PodTemplate, name: string): { declarations: Span[]; mounts: Span[] } {
  const declarations: Span[] = [];
  const mounts: Span[] = [];
  const push = (list: Span[], map: YAMLMap) => {
    const node = pairOf(map, 'name')?.value;
    const span = spanOf(node);
    if (isScalar(node) && String(node.value) === name && span) list.push(span);
  };
  for (const volume of seqAt(template.spec, 'volumes')?.items ?? []) if (isMap(volume)) push(declarations, volume);
  for (const container of containersOf(template.spec)) {
    for (const mount of seqAt(container.node, 'volumeMounts')?.items ?? []) if (isMap(mount)) push(mounts, mount);
  }
  return { declarations, mounts };
}

function plainLabels(map: YAMLMap): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value !== null) labels[String(item.key.value)] = isScalar(item.value) && item.value.value !== null ? String(item.value.value) : '';
  }
  return labels;
}
