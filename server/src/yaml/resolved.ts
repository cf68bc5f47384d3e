import type { Span } from './span';

/** Where the user wrote what a resolved node stands for: an alias (`*name`, also after a merge key `<<:`) and its anchor. */
export interface UseSite {
  /** The alias token: findings on what it stands for point here. */
  span: Span;
  anchor: string;
  /** The anchored node, where its content can be changed (for every alias of it). */
  anchorSpan: Span;
  /** The anchored node is a map or a sequence (text edits on the alias token would replace all of it). */
  collection: boolean;
}

interface Origin {
  text: object;
  site?: UseSite;
}

/** Kept on the node itself: a WeakMap entry per copied node costs more than the copy (an alias bomb makes many). */
const ORIGIN = Symbol('podlab.origin');

type WithOrigin = { [ORIGIN]?: Origin };

/**
 * Records that `resolved` (a node or pair of the tree with aliases and merge keys resolved) stands for `from`; `site`
 * when it is a copy made for an alias, whose ranges are then the alias token's.
 */
export function recordOrigin(resolved: object, from: object, site?: UseSite): void {
  (resolved as WithOrigin)[ORIGIN] = { text: textNodeOf(from), site };
}

/** The node (or pair) of the text that `node` was resolved from, whose ranges edits may use; `node` itself when it is one. */
export function textNodeOf<T>(node: T): T {
  if (typeof node !== 'object' || node === null) return node;
  return ((node as WithOrigin)[ORIGIN]?.text as T | undefined) ?? node;
}

/** The alias that `node` was copied for, if it is such a copy. */
export function useSiteOf(node: unknown): UseSite | undefined {
  return typeof node === 'object' && node !== null ? (node as WithOrigin)[ORIGIN]?.site : undefined;
}

/** The anchor token (`&name`) of a use site's anchor: it stands before its node, above a block collection's first key. */
export function anchorTokenSpan(text: string, site: UseSite): Span {
  const token = text.lastIndexOf(`&${site.anchor}`, site.anchorSpan[0]);
  return token < 0 ? site.anchorSpan : [token, token + 1 + site.anchor.length];
}
