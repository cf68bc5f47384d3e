import type { WorkspaceCrds } from './crds';
import type { WorkspaceIndex } from './workspaceIndex';

/** What analyses ask of the workspace's CRDs. */
export type CrdLookups = Pick<WorkspaceCrds, 'generation' | 'files'>;

/** What rules, the schema and hovers ask of the workspace: the index, read-only. */
export type WorkspaceLookups = Pick<WorkspaceIndex,
  | 'complete' | 'generation' | 'all' | 'fileSummaries' | 'summaryOf' | 'podTemplatesSelectedBy' | 'servicesSelecting'
  | 'named' | 'configProviders' | 'configKeys' | 'claimUsers' | 'configUsers' | 'duplicatesOf'> & { readonly crds: CrdLookups };

/** The workspace as seen from one document: rules and hovers get this to look at the other files. */
export interface WorkspaceView {
  /** The document being analysed; its own summaries are in the index too. */
  readonly uri: string;
  readonly index: WorkspaceLookups;
}
