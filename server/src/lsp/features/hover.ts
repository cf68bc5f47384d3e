import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { HOVER_PROVIDERS } from '../../hovers';
import type { HoverProvider } from '../../hovers/types';
import { locate } from '../../parse/locate';
import { spanOf } from '../../yaml/nodes';
import { toRange } from './ranges';
import type { FeatureContext } from '../context';
import { valuesHover } from './helmValues';

/** The concept hovers of every provider that explains the node under `position`, one section each. */
export function hover(context: FeatureContext, position: Position, providers: readonly HoverProvider[] = HOVER_PROVIDERS): Hover | null {
  const { document, file, workspace } = context;
  const values = valuesHover(context, document.offsetAt(position));
  if (values) return values;
  const location = locate(file, document.offsetAt(position));
  if (!location || location.path.length === 0) return null;
  const sections: string[] = [];
  for (const provider of providers) {
    try {
      const text = provider.provide({ file, location, workspace });
      if (text) sections.push(text);
    } catch (error) {
      context.log(`Hover ${provider.id}`, error);
    }
  }
  if (sections.length === 0) return null;
  const span = spanOf(location.node);
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: span ? toRange(document, span) : undefined,
  };
}
