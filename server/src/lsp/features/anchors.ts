import type { Location } from 'vscode-languageserver';
import { anchorTokenSpan, type UseSite } from '../../yaml/resolved';
import type { Span } from '../../yaml/span';
import type { FeatureContext } from '../context';
import { toRange } from './ranges';

const within = (span: Span, offset: number) => offset >= span[0] && offset <= span[1];

/** Go to definition on an alias (`*base`, also after a merge key): its anchor `&base`. */
export function anchorDefinition({ document, file }: FeatureContext, offset: number): Location[] | undefined {
  const site = (file.aliasUses ?? []).find((use) => within(use.span, offset));
  return site && [{ uri: document.uri, range: toRange(document, anchorTokenSpan(file.text, site)) }];
}

/** Find references on an anchor or on one of its aliases: every alias of that anchor (and the anchor itself if asked). */
export function anchorReferences({ document, file }: FeatureContext, offset: number, includeDeclaration: boolean): Location[] | undefined {
  const uses = file.aliasUses ?? [];
  const anchorOf = (use: UseSite) => anchorTokenSpan(file.text, use);
  const site = uses.find((use) => within(use.span, offset) || within(anchorOf(use), offset));
  if (!site) return undefined;
  const aliases = uses.filter((use) => use.anchorSpan[0] === site.anchorSpan[0]).map((use) => use.span);
  return [...(includeDeclaration ? [anchorOf(site)] : []), ...aliases].map((span) => ({ uri: document.uri, range: toRange(document, span) }));
}
