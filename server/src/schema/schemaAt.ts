import type { ManifestFile, Resource } from '../parse/model';
import type { PathSegment } from '../yaml/nodes';
import { BUILTIN_SCHEMA } from './builtin';
import type { WorkspaceView } from '../workspace/view';
import { workspaceCrdSource, type CrdSource } from './crd';
import type { Field, ObjectType, SchemaType } from './model';
import { crdSourcesFor } from './validate';

export interface SchemaAtPath {
  type: SchemaType;
  /** The field whose value this is (for list items and map values: the list's or map's field). */
  field?: Field;
  /** The object type that declares `field`. */
  owner?: ObjectType;
  /** The path ends on a key of a free-form map (a label, an annotation): there is no field to describe. */
  mapKey?: boolean;
}

const crdCache = new WeakMap<ManifestFile, CrdSource[]>();

/**
 * The schema of a resource's root: its built-in kind, or the CRD that declares it (in the file, else in the
 * workspace). Removed versions have none.
 */
export function rootSchemaOf(file: ManifestFile, apiVersion: string | undefined, kind: string | undefined, workspace?: WorkspaceView): ObjectType | undefined {
  if (!apiVersion || !kind) return undefined;
  const builtin = BUILTIN_SCHEMA.kind(apiVersion, kind);
  if (builtin) return builtin.type;
  let fileSources = crdCache.get(file);
  if (!fileSources) {
    fileSources = crdSourcesFor(file);
    crdCache.set(file, fileSources);
  }
  const sources = workspace ? [...fileSources, workspaceCrdSource(workspace.index.crds)] : fileSources;
  for (const source of sources) {
    const type = source.lookup(apiVersion, kind);
    if (type) return type;
  }
  return undefined;
}

export function resourceSchema(file: ManifestFile, resource: Resource, workspace?: WorkspaceView): ObjectType | undefined {
  return rootSchemaOf(file, resource.apiVersion, resource.kind, workspace);
}

/** Follows `path` (keys and list indexes) down from `root`; undefined where the path leaves the schema. */
export function schemaAtPath(root: ObjectType, path: readonly PathSegment[]): SchemaAtPath | undefined {
  let at: SchemaAtPath = { type: root };
  for (const segment of path) {
    const type = at.type;
    if (typeof segment === 'number') {
      if (type.kind !== 'list') return undefined;
      at = { type: type.items, field: at.field, owner: at.owner };
    } else if (type.kind === 'object') {
      const field = type.fields.get(segment);
      if (!field) return undefined;
      at = { type: field.type, field, owner: type };
    } else if (type.kind === 'map') {
      at = { type: type.values, field: at.field, owner: at.owner, mapKey: true };
    } else {
      return undefined;
    }
  }
  return at;
}
