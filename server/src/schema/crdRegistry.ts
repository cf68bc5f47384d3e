import type { ManifestFile } from '../parse/model';
import { crdSchemas, type CrdSource } from './crd';
import type { ObjectType } from './model';

/** The custom resource schemas declared by each workspace file that holds CustomResourceDefinitions. */
const byFile = new Map<string, { fingerprint: string; schemas: Map<string, ObjectType> }>();

/**
 * Records the CustomResourceDefinitions of a workspace file (read from disk or open in the editor), so that
 * custom resources in other files are validated against them. Returns whether the declared schemas changed.
 */
export function rememberCrds(uri: string, file: ManifestFile): boolean {
  const crds = file.resources.filter((resource) => resource.kind === 'CustomResourceDefinition' && resource.object);
  if (crds.length === 0) return forgetCrds(uri);
  const fingerprint = JSON.stringify(crds.map((resource) => resource.object));
  if (byFile.get(uri)?.fingerprint === fingerprint) return false;
  byFile.set(uri, { fingerprint, schemas: crdSchemas(crds.map((resource) => resource.object)) });
  return true;
}

export function forgetCrds(uri: string): boolean {
  return byFile.delete(uri);
}

const source: CrdSource = {
  lookup(apiVersion, kind) {
    const key = `${apiVersion} ${kind}`;
    for (const entry of byFile.values()) {
      const schema = entry.schemas.get(key);
      if (schema) return schema;
    }
    return undefined;
  },
};

/** The schema validation asks the document's own CRDs first, then this source. */
export function workspaceCrdSource(): CrdSource {
  return source;
}
