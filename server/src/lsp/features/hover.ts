import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { HOVER_PROVIDERS } from '../../hovers';
import type { HoverProvider } from '../../hovers/types';
import type { ManifestFile } from '../../parse/model';
import { locate } from '../../parse/locate';
import { spanOf } from '../../yaml/nodes';
import { toRange } from './ranges';
import type { WorkspaceView } from '../../workspace/view';

export type HoverFailureLogger = (provider: HoverProvider, error: unknown) => void;

export function hover(
  document: TextDocument,
  file: ManifestFile,
  position: Position,
  onFailure: HoverFailureLogger,
  providers: readonly HoverProvider[] = HOVER_PROVIDERS,
  workspace?: WorkspaceView,
): Hover | null {
  const location = locate(file, document.offsetAt(position));
  if (!location || location.path.length === 0) return null;
  const sections: string[] = [];
  for (const provider of providers) {
    try {
      const text = provider.provide({ file, location, workspace });
      if (text) sections.push(text);
    } catch (error) {
      onFailure(provider, error);
    }
  }
  if (sections.length === 0) return null;
  const span = spanOf(location.node);
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: span ? toRange(document, span) : undefined,
  };
}
