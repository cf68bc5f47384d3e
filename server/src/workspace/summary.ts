import type { Range } from 'vscode-languageserver';
import type { Document } from 'yaml';
import type { ManifestFile, Resource } from '../parse/model';
import { containersOf, isPodMaking, labelsOf, podMetadataOf } from '../k8s/workloads';
import { mapAt, nodeAtPath, pairOf, spanOf } from '../yaml/nodes';
import { LineIndex } from './lineIndex';
import { claimRefs, configRefs, podTemplateOf, portsOf, type ConfigKind } from './podTemplate';
import { sameFingerprintAs } from './workspaceIndex';

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
  provides: ProvidedConfig[];
}

export interface ProvidedConfig {
  kind: ConfigKind;
  name: string;
  /** The keys the object will hold; absent when they cannot be known from the manifest (env files, templates, dataFrom). */
  keys?: string[];
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

/** Each YAML document's summary, for the next version of its file: a document the edit left alone is not read again. */
const summaries = new WeakMap<Document.Parsed, { uri: string; index: number; line: number; summary: ResourceSummary }>();

export function summarizeFile(uri: string, file: ManifestFile): ResourceSummary[] {
  if (file.templated || file.oversized || file.resources.length === 0) return [];
  const lines = new LineIndex(file.text);
  return file.resources.filter((resource) => resource.object).map((resource) => {
    const line = lines.position(resource.document.span[0]).line;
    const known = summaries.get(resource.document.doc);
    if (known && known.uri === uri && known.index === resource.index) return known.line === line ? known.summary : moved(known.summary, line - known.line);
    const summary = summarizeResource(uri, resource, lines);
    summaries.set(resource.document.doc, { uri, index: resource.index, line, summary });
    return summary;
  });
}

/** `summary` with every position `lines` further down (the document moved as a whole: its columns stay). */
function moved(summary: ResourceSummary, lines: number): ResourceSummary {
  const shift = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shift);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([key, inner]) => [key, shift(inner)]);
    const copy = Object.fromEntries(entries) as Record<string, unknown>;
    if (typeof copy.line === 'number' && typeof copy.character === 'number') copy.line += lines;
    return copy;
  };
  const copy = shift(summary) as ResourceSummary;
  sameFingerprintAs(copy, summary);
  return copy;
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
      configRefs: configRefs(template.spec).map(({ span, source: _source, keys: _keys, ...ref }) => ({ ...ref, range: lines.range(span) })),
    };
  } else if (isPodMaking(resource)) {
    // A half-written workload (template labels, no pod spec yet) still has the labels Services select by.
    const metadata = podMetadataOf(resource);
    const labels = labelsOf(metadata);
    const labelsSpan = spanOf(mapAt(metadata, 'labels'));
    if (Object.keys(labels).length > 0) {
      summary.template = { labels, labelsRange: labelsSpan ? lines.range(labelsSpan) : undefined, containers: [], claims: [], configRefs: [] };
    }
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

function providedConfig(kind: string | undefined, name: string | undefined, object: Record<string, unknown>): ProvidedConfig[] {
  const spec = record(object.spec);
  switch (kind) {
    case 'ConfigMap':
      return name ? [{ kind, name, keys: keysOf(object.data, object.binaryData) }] : [];
    case 'Secret':
      return name ? [{ kind, name, keys: keysOf(object.data, object.stringData) }] : [];
    case 'SealedSecret':
      return name ? [{ kind: 'Secret', name, keys: keysOf(spec.encryptedData, record(spec.template).data) }] : [];
    case 'ExternalSecret': {
      const target = record(spec.target).name;
      const secret = typeof target === 'string' ? target : name;
      const templated = spec.dataFrom !== undefined || record(spec.target).template !== undefined;
      const keys = Array.isArray(spec.data) ? spec.data.map((item) => record(item).secretKey).filter((key): key is string => typeof key === 'string') : [];
      return secret ? [{ kind: 'Secret', name: secret, keys: templated ? undefined : keys }] : [];
    }
    case 'Kustomization':
      return [...generated('ConfigMap', object.configMapGenerator), ...generated('Secret', object.secretGenerator)];
    default:
      return [];
  }
}

function keysOf(...maps: unknown[]): string[] {
  return maps.flatMap((map) => Object.keys(record(map)));
}

function generated(kind: ConfigKind, generators: unknown): ProvidedConfig[] {
  if (!Array.isArray(generators)) return [];
  return generators.map(record).filter((generator) => typeof generator.name === 'string')
    .map((generator) => ({ kind, name: generator.name as string, keys: generatedKeys(generator) }));
}

/** A generator's keys: `literals` (key=value) and `files` ([key=]path); `envs` files and merges hold keys only the files know. */
function generatedKeys(generator: Record<string, unknown>): string[] | undefined {
  if (generator.envs !== undefined || generator.env !== undefined || generator.behavior === 'merge' || generator.behavior === 'replace') return undefined;
  const literals = Array.isArray(generator.literals) ? generator.literals.map((literal) => String(literal).split('=')[0]) : [];
  const files = Array.isArray(generator.files) ? generator.files.map((file) => {
    const text = String(file);
    return text.includes('=') ? text.split('=')[0] : text.slice(text.lastIndexOf('/') + 1);
  }) : [];
  return [...literals, ...files].map((key) => key.trim());
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringRecord(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) result[key] = item === null || item === undefined ? '' : String(item);
  return result;
}
