import { listWords, resourceLabel, whereIs } from '../../workspace/describe';
import type { ResourceSummary } from '../../workspace/summary';
import type { WorkspaceView } from '../../workspace/view';

/** "Deployment web (`web.yaml` line 4)" for each summary, at most `limit` of them. */
export function placesWords(summaries: readonly ResourceSummary[], workspace: WorkspaceView, limit = 6): string {
  return listWords(summaries.map((summary) => `${resourceLabel(summary)} (${whereIs(summary, workspace.uri)})`), limit);
}

/** Added to a "found nothing" fact while the first read of the workspace folders is still running. */
export function indexingNote(workspace: WorkspaceView): string {
  return workspace.index.complete ? '' : ' (the workspace is still being indexed)';
}
