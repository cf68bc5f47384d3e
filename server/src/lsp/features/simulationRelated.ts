// What the simulation needs besides the resource: the file's claims, Services and other workloads, the
// workspace's Services, and where each refusal error sits in the editor.
import { isMap, isSeq, type Node } from 'yaml';
import type { ManifestFile, Resource, Span } from '../../parse/model';
import type { RefusalError, SimulationInput } from '../../simulation/types';
import { LineIndex } from '../../workspace/lineIndex';
import type { ResourceSummary } from '../../workspace/summary';
import type { WorkspaceView } from '../../workspace/view';
import { pairOf, spanOf } from '../../yaml/nodes';
import { isSimulatable } from './resources';

type Json = Record<string, unknown>;

function objectsOf(resources: readonly Resource[], keep: (resource: Resource) => boolean): Json[] {
  return resources.filter((r) => r.object && keep(r)).map((r) => r.object as Json);
}

/** A Service of another file, rebuilt from its workspace summary (what the endpoints need of it). */
function serviceFromSummary(summary: ResourceSummary): Json | undefined {
  const service = summary.service;
  if (!service?.selector) return undefined;
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: summary.name, ...(summary.namespace ? { namespace: summary.namespace } : {}) },
    spec: { type: service.type, selector: service.selector, ports: service.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort })) },
  };
}

export function relatedOf(file: ManifestFile, simulated: Resource, uri: string, workspace?: WorkspaceView): NonNullable<SimulationInput['related']> {
  const own = objectsOf(file.resources, (r) => r.kind === 'Service');
  const elsewhere = (workspace?.index.all() ?? [])
    .filter((summary) => summary.uri !== uri && summary.kind === 'Service')
    .map(serviceFromSummary).filter((s): s is Json => s !== undefined);
  return {
    persistentVolumeClaims: objectsOf(file.resources, (r) => r.kind === 'PersistentVolumeClaim'),
    services: [...own, ...elsewhere],
    workloads: objectsOf(file.resources, (r) => r !== simulated && isSimulatable(r)),
  };
}

/** The node a refusal names: the key of the deepest field that exists along its path. */
function spanAt(resource: Resource, path: readonly (string | number)[]): Span {
  let current: unknown = resource.root;
  let best = spanOf(resource.root) ?? resource.span;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(current)) {
      const item = current.items[segment] as Node | undefined;
      if (!item) break;
      best = spanOf(item) ?? best;
      current = item;
    } else if (typeof segment === 'string' && isMap(current)) {
      const pair = pairOf(current, segment);
      if (!pair) break;
      best = spanOf(pair.key) ?? best;
      current = pair.value;
    } else break;
  }
  return best;
}

/** Fills in each refusal error's range in the document. */
export function withRanges(file: ManifestFile, resource: Resource, refused: RefusalError[]): RefusalError[] {
  const lines = new LineIndex(file.text);
  return refused.map((error) => ({ ...error, range: lines.range(spanAt(resource, error.path)) }));
}
