import type { ManifestFile } from '../parse/model';
import type { Location } from '../parse/locate';
import type { WorkspaceView } from '../workspace/view';

export interface HoverContext {
  file: ManifestFile;
  location: Location;
  /** The other files of the workspace (PVCs, Services); absent when the file is looked at on its own. */
  workspace?: WorkspaceView;
}

/** Explains one concept where the cursor is, or returns undefined when the location is not about it. */
export interface HoverProvider {
  id: string;
  provide(context: HoverContext): string | undefined;
}
