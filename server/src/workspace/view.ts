import type { WorkspaceIndex } from './workspaceIndex';

/** The workspace as seen from one document: rules and hovers get this to look at the other files. */
export interface WorkspaceView {
  /** The document being analysed; its own summaries are in the index too. */
  readonly uri: string;
  readonly index: WorkspaceIndex;
}
