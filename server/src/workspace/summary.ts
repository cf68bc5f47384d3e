import type { Range } from 'vscode-languageserver';
import type { ManifestFile, Resource } from '../parse/model';
import { containersOf } from '../parse/workloads';
import { mapAt, nodeAtPath, pairOf, spanOf } from '../yaml/nodes';
import { LineIndex } from './lineIndex';
import { claimRefs, configRefs, podTemplateOf, portsOf, type ConfigKind } from './podTemplate';

/** What the workspace keeps of one resource: enough for cross-file checks, hovers and navigation, not the syntax tree. */
export interface ResourceSummary {
  uri: string;
  /** Position among the resources of its file, from 0. */
  index: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  range: Range;
  /** The name's value, or the resource's first line when it has no name. */
  nameRange: Range;
  labels: Record<string, string>;
  template?: PodTemplateSummary;
  service?: ServiceSummary;
  claim?: ClaimSummary;
  /** ConfigMaps and Secrets this resource creates (itself, or through a generator, a SealedSecret, an ExternalSecret). */
  provides: Array<{ kind: ConfigKind; name: string }>;
}

export interface PodTemplateSummary {
  labels: Record<string, string>;
  labelsRange?: Range;
  containers: Array<{ name?: string; range: Range; ports: Array<{ name?: string; containerPort?: number; protocol: string; range?: Range }> }>;
  claims: Array<{ name: string; range: Range }>;
  configRefs: Array<{ kind: ConfigKind; name: string; range: Range; optional: boolean; via: 'volume' | 'env' }>;
}

export interface ServiceSummary {
  type: string;
  /** Absent: the Service has no selector (its endpoints are managed by hand). */
  selector?: Record<string, string>;
  selectorRange?: Range;
  ports: Array<{ name?: string; port?: number; targetPort?: string | number; range?: Range }>;
}

export interface ClaimSummary {
  accessModes: string[];
  storage?: string;
  /** null: written as "" (no class); undefined: not written (the default class). */
  storageClassName?: string | null;
  volumeName?: string;
}

export function summarizeFile(uri: string, file: ManifestFile): ResourceSummary[] {
  if (file.templated || file.oversized || file.resources.length === 0) return [];
  const lines = new LineIndex(file.text);
  return file.resources.filter((resource) => resource.object).map((resource) => summarizeResource(uri, resource, lines));
}

function summarizeResource(uri: string, resource: Resource, lines: LineIndex): ResourceSummary {
  const object = resource.object ?? {};
  const metadata = record(object.metadata);
  const metadataNode = mapAt(resource.root, 'metadata');
  const nameSpan = metadataNode ? spanOf(pairOf(metadataNode, 'name')?.value) : undefined;
  const summary: ResourceSummary = {
    uri,
    index: resource.index,
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    name: resource.name,
    namespace: resource.namespace,
    range: lines.range(resource.span),
    nameRange: lines.range(nameSpan ?? [resource.span[0], resource.span[0]]),
    labels: stringRecord(metadata.labels),
    provides: providedConfig(resource.kind, resource.name, object),
  };
  const template = podTemplateOf(resource);
  if (template) {
    const labelsSpan = spanOf(mapAt(template.metadata, 'labels'));
    summary.template = {
      labels: template.labels,
      labelsRange: labelsSpan ? lines.range(labelsSpan) : undefined,
      containers: containersOf(template.spec).map((container) => ({
        name: container.name,
        range: lines.range(spanOf(container.node) ?? resource.span),
        ports: portsOf(container.node).map(({ span, ...port }) => ({ ...port, range: span ? lines.range(span) : undefined })),
      })),
      claims: claimRefs(template.spec).map((ref) => ({ name: ref.name, range: lines.range(ref.span) })),
      configRefs: configRefs(template.spec).map(({ span, source: _source, ...ref }) => ({ ...ref, range: lines.range(span) })),
    };
  }
  if (resource.kind === 'Service') summary.service = summarizeService(resource, lines);
  if (resource.kind === 'PersistentVolumeClaim') summary.claim = summarizeClaim(object);
  return summary;
}

function summarizeService(resource: Resource, lines: LineIndex): ServiceSummary {
  const spec = record(resource.object?.spec);
  const selectorNode = nodeAtPath(resource.root, ['spec', 'selector']);
  const portsNode = nodeAtPath(resource.root, ['spec', 'ports']);
  const portItems = portsNode && 'items' in portsNode && Array.isArray(portsNode.items) ? portsNode.items : [];
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).map((raw, index) => {
    const port = record(raw);
    const span = spanOf(portItems[index] as { range?: [number, number, number] } | undefined);
    return {
      name: typeof port.name === 'string' ? port.name : undefined,
      port: typeof port.port === 'number' ? port.port : undefined,
      targetPort: typeof port.targetPort === 'string' || typeof port.targetPort === 'number' ? port.targetPort : undefined,
      range: span ? lines.range(span) : undefined,
    };
  });
  const selectorSpan = spanOf(selectorNode);
  const hasSelector = spec.selector && typeof spec.selector === 'object' && Object.keys(spec.selector).length > 0;
  return {
    type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
    selector: hasSelector ? stringRecord(spec.selector) : undefined,
    selectorRange: selectorSpan ? lines.range(selectorSpan) : undefined,
    ports,
  };
}

function summarizeClaim(object: Record<string, unknown>): ClaimSummary {
  const spec = record(object.spec);
  const storage = record(record(spec.resources).requests).storage;
  return {
    accessModes: Array.isArray(spec.accessModes) ? spec.accessModes.map(String) : [],
    storage: storage === undefined || storage === null ? undefined : String(storage),
    storageClassName: spec.storageClassName === '' ? null : typeof spec.storageClassName === 'string' ? spec.storageClassName : undefined,
    volumeName: typeof spec.volumeName === 'string' ? spec.volumeName : undefined,
  };
}

function providedConfig(kind: string | undefined, name: string | undefined, object: Record<string, unknown>): ResourceSummary['provides'] {
  const spec = record(object.spec);
  switch (kind) {
    case 'ConfigMap':
    case 'Secret':
      return name ? [{ kind, name }] : [];
    case 'SealedSecret':
      return name ? [{ kind: 'Secret', name }] : [];
    case 'ExternalSecret': {
      const target = record(spec.target).name;
      const secret = typeof target === 'string' ? target : name;
      return secret ? [{ kind: 'Secret', name: secret }] : [];
    }
    case 'Kustomization':
      return [...generated('ConfigMap', object.configMapGenerator), ...generated('Secret', object.secretGenerator)];
    default:
      return [];
  }
}

function generated(kind: ConfigKind, generators: unknown): ResourceSummary['provides'] {
  if (!Array.isArray(generators)) return [];
  return generators.map((generator) => record(generator).name).filter((name): name is string => typeof name === 'string').map((name) => ({ kind, name }));
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringRecord(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) result[key] = item === null || item === undefined ? '' : String(item);
  return result;
}
