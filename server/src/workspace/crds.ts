import type { ManifestFile } from '../parse/model';

type CrdObject = Record<string, unknown>;

/**
 * The CustomResourceDefinitions each workspace file declares (read from disk or open in the editor), as plain
 * objects: custom resources in other files are validated against them. The schema layer turns them into types.
 */
export class WorkspaceCrds {
  private readonly byFile = new Map<string, { fingerprint: string; objects: readonly CrdObject[] }>();
  /** Counts changes of the definitions: what was validated against them is stale once it moves. */
  generation = 0;

  /** Records the CRDs of `file`; returns whether the declared definitions changed. */
  remember(uri: string, file: ManifestFile): boolean {
    const objects = file.resources
      .filter((resource) => resource.kind === 'CustomResourceDefinition' && resource.object)
      .map((resource) => resource.object as CrdObject);
    if (objects.length === 0) return this.forget(uri);
    const fingerprint = JSON.stringify(objects);
    if (this.byFile.get(uri)?.fingerprint === fingerprint) return false;
    // A new array for new definitions: whoever derived something from the old one can tell by identity.
    this.byFile.set(uri, { fingerprint, objects });
    this.generation++;
    return true;
  }

  forget(uri: string): boolean {
    if (!this.byFile.delete(uri)) return false;
    this.generation++;
    return true;
  }

  /** The definitions of each file, in the order the files were first seen. */
  *files(): Iterable<readonly CrdObject[]> {
    for (const entry of this.byFile.values()) yield entry.objects;
  }
}
