import type { CodeLens } from 'vscode-languageserver';
import type { FeatureContext } from '../context';
import { isSimulatable } from './resources';

/** The VS Code client's command that opens the preview; lenses go only to clients that name it. */
export const PREVIEW_COMMAND = 'podlab.openPreview';

/** "Preview lifecycle" above each resource that makes pods. */
export function codeLenses({ document, file }: FeatureContext): CodeLens[] {
  return file.resources.filter(isSimulatable).map((resource) => {
    const position = document.positionAt(resource.span[0]);
    return {
      range: { start: position, end: position },
      command: { title: '$(play-circle) Preview lifecycle', command: PREVIEW_COMMAND, arguments: [document.uri, resource.index] },
    };
  });
}
