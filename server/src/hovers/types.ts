import type { ManifestFile } from '../parse/model';
import type { Location } from '../parse/yamlNodes';

export interface HoverContext {
  file: ManifestFile;
  location: Location;
}

/** Explains one concept where the cursor is, or returns undefined when the location is not about it. */
export interface HoverProvider {
  id: string;
  provide(context: HoverContext): string | undefined;
}
