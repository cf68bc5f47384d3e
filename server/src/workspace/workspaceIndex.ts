import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { WorkspaceCrds } from './crds';
import type { ConfigKind } from './podTemplate';
import { sameNamespace, selectsLabels } from './selectors';
import type { ResourceSummary } from './summary';

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** Kinds that live outside namespaces: their namespace is ignored when comparing identities. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'RuntimeClass', 'IngressClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'APIService', 'CSIDriver', 'VolumeSnapshotClass',
]);

/**
 * The resources of the workspace, as summaries, file by file. Open documents (their summaries built from the
 * ManifestStore's parse) shadow what was read from disk for the same URI.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, ResourceSummary[]>();
  private readonly open = new Map<string, ResourceSummary[]>();
  private byIdentity: Map<string, ResourceSummary[]> | undefined;
  private lookupCache: Lookups | undefined;
  private allCache: ResourceSummary[] | undefined;
  private kustomizeFolderCache: Set<string> | undefined;
  /** Counts changes; anything derived from the index can compare it to know whether to recompute. */
  generation = 0;
  /** Every workspace folder has been read: a name that is not found is really absent from the workspace. */
  complete = false;
  /** The CustomResourceDefinitions of the workspace's files (custom resources elsewhere are validated against them). */
  readonly crds = new WorkspaceCrds();

  setDiskFile(uri: string, summaries: ResourceSummary[]): boolean {
    return this.set(this.disk, uri, summaries);
  }

  deleteDiskFile(uri: string): boolean {
    if (!this.disk.delete(uri)) return false;
    return this.changed(!this.open.has(uri));
  }

  setOpenFile(uri: string, summaries: ResourceSummary[]): boolean {
    return this.set(this.open, uri, summaries);
  }

  closeFile(uri: string): boolean {
    const before = this.open.get(uri);
    if (!before || !this.open.delete(uri)) return false;
    const disk = this.disk.get(uri);
    return this.changed(!disk || fingerprint(disk) !== fingerprint(before));
  }

  /** The URIs of the files read from disk. */
  diskFiles(): string[] {
    return [...this.disk.keys()];
  }

  hasDiskFile(uri: string): boolean {
    return this.disk.has(uri);
  }

  get fileCount(): number {
    return new Set([...this.disk.keys(), ...this.open.keys()]).size;
  }

  fileSummaries(uri: string): readonly ResourceSummary[] {
    return this.open.get(uri) ?? this.disk.get(uri) ?? [];
  }

  /** The summary of resource number `resourceIndex` of `uri`. */
  summaryOf(uri: string, resourceIndex: number): ResourceSummary | undefined {
    const summaries = this.fileSummaries(uri);
    // Summaries are in resource order, one per resource unless one could not be read as an object: first try its place.
    const atPlace = summaries[resourceIndex];
    return atPlace?.index === resourceIndex ? atPlace : summaries.find((summary) => summary.index === resourceIndex);
  }

  all(): readonly ResourceSummary[] {
    if (!this.allCache) {
      const all: ResourceSummary[] = [];
      for (const [uri, summaries] of this.disk) if (!this.open.has(uri)) all.push(...summaries);
      for (const summaries of this.open.values()) all.push(...summaries);
      this.allCache = all;
    }
    return this.allCache;
  }

  /** Pod templates (Pods and every workload) whose labels a Service-style selector selects. */
  podTemplatesSelectedBy(selector: Readonly<Record<string, string>>, namespace: string | undefined): ResourceSummary[] {
    const [key] = Object.keys(selector);
    if (key === undefined) return [];
    // Only templates with the selector's first label can match: look them up rather than scan the workspace.
    const candidates = this.lookups().templatesByLabel.get(key)?.get(selector[key]) ?? [];
    return candidates.filter((summary) => sameNamespace(summary.namespace, namespace) && selectsLabels(selector, summary.template!.labels));
  }

  /** Services whose selector selects these pod labels. */
  servicesSelecting(labels: Readonly<Record<string, string>>, namespace: string | undefined): ResourceSummary[] {
    // A Service can select the labels only if they hold its selector's first pair: look those up, in all()'s order.
    const { servicesByFirstPair, order } = this.lookups();
    const candidates = new Set<ResourceSummary>();
    for (const [key, value] of Object.entries(labels)) for (const service of servicesByFirstPair.get(key)?.get(value) ?? []) candidates.add(service);
    return [...candidates]
      .filter((summary) => sameNamespace(summary.namespace, namespace) && selectsLabels(summary.service!.selector!, labels))
      .sort((a, b) => order.get(a)! - order.get(b)!);
  }

  named(kind: string, name: string, namespace: string | undefined): ResourceSummary[] {
    const candidates = this.lookups().byKindAndName.get(kind)?.get(name) ?? [];
    return candidates.filter((summary) => sameNamespace(summary.namespace, namespace));
  }

  /** The resources that create a ConfigMap or Secret of this name (the object itself, or a generator). */
  configProviders(kind: ConfigKind, name: string, namespace: string | undefined): ResourceSummary[] {
    const candidates = this.lookups().providersByKindAndName.get(kind)?.get(name) ?? [];
    return candidates.filter((summary) => sameNamespace(summary.namespace, namespace));
  }

  /** The keys of the ConfigMap or Secret of this name, over every resource that provides it; undefined when one cannot say. */
  configKeys(kind: ConfigKind, name: string, namespace: string | undefined): string[] | undefined {
    const keys = new Set<string>();
    for (const summary of this.configProviders(kind, name, namespace)) {
      for (const provided of summary.provides) {
        if (provided.kind !== kind || provided.name !== name) continue;
        if (!provided.keys) return undefined;
        for (const key of provided.keys) keys.add(key);
      }
    }
    return [...keys];
  }

  claimUsers(name: string, namespace: string | undefined): ResourceSummary[] {
    return this.all().filter((summary) => summary.template?.claims.some((claim) => claim.name === name) && sameNamespace(summary.namespace, namespace));
  }

  configUsers(kind: ConfigKind, name: string, namespace: string | undefined): ResourceSummary[] {
    return this.all().filter((summary) => summary.template?.configRefs.some((ref) => ref.kind === kind && ref.name === name) && sameNamespace(summary.namespace, namespace));
  }

  /**
   * Other resources with the same identity (API group, kind, namespace, name) that `kubectl apply -f` would apply
   * together with this one: in the same file or the same folder. Folders of a Kustomization hold patches that
   * repeat identities on purpose, so they are left out.
   */
  duplicatesOf(summary: ResourceSummary): ResourceSummary[] {
    const key = identityKey(summary);
    if (!key || this.isKustomizeFolder(summary.uri)) return [];
    const folder = folderOf(summary.uri);
    return (this.identities().get(key) ?? []).filter((other) => other !== summary
      && !(other.uri === summary.uri && other.index === summary.index)
      && folderOf(other.uri) === folder);
  }

  private isKustomizeFolder(uri: string): boolean {
    return this.kustomizeFolders().has(folderOf(uri));
  }

  /** Folders with a Kustomization (a file of that name, or an object of that kind), built once per change of the index. */
  private kustomizeFolders(): Set<string> {
    if (!this.kustomizeFolderCache) {
      const folders = new Set<string>();
      for (const summary of this.all()) if (summary.kind === 'Kustomization') folders.add(folderOf(summary.uri));
      for (const uri of [...this.disk.keys(), ...this.open.keys()]) if (KUSTOMIZATION_FILES.has(path.posix.basename(URI.parse(uri).path))) folders.add(folderOf(uri));
      this.kustomizeFolderCache = folders;
    }
    return this.kustomizeFolderCache;
  }

  private identities(): Map<string, ResourceSummary[]> {
    if (!this.byIdentity) {
      const map = new Map<string, ResourceSummary[]>();
      for (const summary of this.all()) addIdentity(map, summary);
      this.byIdentity = map;
    }
    return this.byIdentity;
  }

  /**
   * The summaries grouped by what rules look them up by, built once per change of the index: each rule asks for
   * every resource of the file it checks, and scanning the whole workspace each time is quadratic in its size.
   * Each group keeps the order of all().
   */
  private lookups(): Lookups {
    if (!this.lookupCache) {
      const lookups: Lookups = { byKindAndName: new Map(), providersByKindAndName: new Map(), templatesByLabel: new Map(), servicesByFirstPair: new Map(), order: new Map() };
      for (const summary of this.all()) addLookups(lookups, summary);
      this.lookupCache = lookups;
    }
    return this.lookupCache;
  }

  private set(map: Map<string, ResourceSummary[]>, uri: string, summaries: ResourceSummary[]): boolean {
    const before = map === this.open ? this.open.get(uri) ?? this.disk.get(uri) : map.get(uri);
    // Disk files come after one another in all(), open documents after them all: only then is a new file an append.
    const appended = map === this.disk && before === undefined && this.open.size === 0;
    map.set(uri, summaries);
    if (appended) return this.extended(uri, summaries);
    const visible = map === this.open || !this.open.has(uri);
    return this.changed(visible && (!before || fingerprint(before) !== fingerprint(summaries)));
  }

  /**
   * A new file was read from disk: the caches built so far grow by its summaries rather than being built again, so
   * reading a workspace file by file while looking things up in between stays linear. all()'s array is a new one.
   */
  private extended(uri: string, summaries: readonly ResourceSummary[]): boolean {
    if (this.allCache) this.allCache = [...this.allCache, ...summaries];
    for (const summary of summaries) {
      if (this.byIdentity) addIdentity(this.byIdentity, summary);
      if (this.lookupCache) addLookups(this.lookupCache, summary);
      if (summary.kind === 'Kustomization') this.kustomizeFolderCache?.add(folderOf(summary.uri));
    }
    if (KUSTOMIZATION_FILES.has(path.posix.basename(URI.parse(uri).path))) this.kustomizeFolderCache?.add(folderOf(uri));
    this.generation++;
    return true;
  }

  /** The summaries were replaced (caches hold the old objects); `changed`: in a way other files' results may see. */
  private changed(changed: boolean): boolean {
    this.allCache = undefined;
    this.byIdentity = undefined;
    this.lookupCache = undefined;
    this.kustomizeFolderCache = undefined;
    if (changed) this.generation++;
    return changed;
  }
}

/** Summaries by two keys, such as kind then name. */
type Grouped = Map<string, Map<string, ResourceSummary[]>>;

interface Lookups {
  byKindAndName: Grouped;
  /** By the kind and name of each ConfigMap or Secret a summary provides. */
  providersByKindAndName: Grouped;
  /** Summaries with a pod template, by each of its labels' key then value. */
  templatesByLabel: Grouped;
  /** Services with a selector, by its first key then value. */
  servicesByFirstPair: Grouped;
  /** Each summary's place in all(). */
  order: Map<ResourceSummary, number>;
}

function addLookups(lookups: Lookups, summary: ResourceSummary): void {
  lookups.order.set(summary, lookups.order.size);
  const [first] = Object.entries(summary.service?.selector ?? {});
  if (first) addTo(lookups.servicesByFirstPair, first[0], first[1], summary);
  if (summary.kind !== undefined && summary.name !== undefined) addTo(lookups.byKindAndName, summary.kind, summary.name, summary);
  for (const provided of summary.provides) addTo(lookups.providersByKindAndName, provided.kind, provided.name, summary);
  for (const [key, value] of Object.entries(summary.template?.labels ?? {})) addTo(lookups.templatesByLabel, key, value, summary);
}

function addIdentity(byIdentity: Map<string, ResourceSummary[]>, summary: ResourceSummary): void {
  const key = identityKey(summary);
  if (!key) return;
  const list = byIdentity.get(key);
  if (list) list.push(summary);
  else byIdentity.set(key, [summary]);
}

/** Adds `summary` under `first` then `second`, once (a generator may provide one name twice). */
function addTo(grouped: Grouped, first: string, second: string, summary: ResourceSummary): void {
  let inner = grouped.get(first);
  if (!inner) grouped.set(first, (inner = new Map()));
  const list = inner.get(second);
  if (!list) inner.set(second, [summary]);
  else if (list[list.length - 1] !== summary) list.push(summary);
}

const fingerprints = new WeakMap<readonly ResourceSummary[], string>();

/** Everything another file's results can depend on; ranges are left out, so edits that only move text change nothing. */
function fingerprint(summaries: readonly ResourceSummary[]): string {
  let known = fingerprints.get(summaries);
  if (known === undefined) {
    known = computeFingerprint(summaries);
    fingerprints.set(summaries, known);
  }
  return known;
}

function computeFingerprint(summaries: readonly ResourceSummary[]): string {
  return summaries.map(summaryFingerprint).join('\n');
}

const summaryFingerprints = new WeakMap<ResourceSummary, string>();

/** A summary moved to other lines says what the original says: it shares the original's fingerprint. */
export function sameFingerprintAs(moved: ResourceSummary, original: ResourceSummary): void {
  const known = summaryFingerprints.get(original);
  if (known !== undefined) summaryFingerprints.set(moved, known);
}

function summaryFingerprint(summary: ResourceSummary): string {
  let known = summaryFingerprints.get(summary);
  if (known === undefined) {
    known = computeSummaryFingerprint(summary);
    summaryFingerprints.set(summary, known);
  }
  return known;
}

function computeSummaryFingerprint(summary: ResourceSummary): string {
  return JSON.stringify([summary].map(({ uri: _uri, range: _range, nameRange: _nameRange, template, service, ...rest }) => ({
    ...rest,
    template: template && {
      labels: template.labels,
      containers: template.containers.map((container) => ({ name: container.name, ports: container.ports.map(({ range: _r, ...port }) => port) })),
      claims: template.claims.map((claim) => claim.name),
      configRefs: template.configRefs.map(({ range: _r, ...ref }) => ref),
    },
    service: service && { ...service, selectorRange: undefined, ports: service.ports.map(({ range: _r, ...port }) => port) },
  }))[0]);
}

export interface Identity {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** API group, kind, namespace and name: what the API server tells objects apart by (the version does not count). */
export function identityKey(summary: Identity): string | undefined {
  if (!summary.kind || !summary.name || !summary.apiVersion) return undefined;
  const group = summary.apiVersion.includes('/') ? summary.apiVersion.slice(0, summary.apiVersion.lastIndexOf('/')) : '';
  const namespace = CLUSTER_SCOPED.has(summary.kind) ? '' : summary.namespace ?? '';
  return `${group}|${summary.kind}|${namespace}|${summary.name}`;
}

function folderOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? '' : uri.slice(0, slash);
}
