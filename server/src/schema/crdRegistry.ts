import type { CrdSource } from './crd';

let workspaceSource: CrdSource | undefined;

/**
 * Lets the workspace index supply custom resource schemas from CustomResourceDefinitions in other files.
 * The schema validation asks the document's own CRDs first, then this source.
 */
export function setWorkspaceCrdSource(source: CrdSource | undefined): void {
  workspaceSource = source;
}

export function workspaceCrdSource(): CrdSource | undefined {
  return workspaceSource;
}
