import type { Finding, Fix } from '../findings/finding';
import { transformFixes } from '../findings/lazyFixes';
import type { ManifestFile } from '../parse/model';
import type { UseSite } from '../yaml/resolved';
import type { Span } from '../yaml/span';

interface Anchor {
  name: string;
  span: Span;
  aliases: number;
}

/**
 * Findings on what an alias stands for are reported at the alias (the resolved tree gives copies the alias's range);
 * this adds where its anchor is. A fix that edits an anchored node says that every alias of it changes too, and a fix
 * that would write over an alias standing for a map or list (replacing all of it) is dropped.
 */
export function traceToAnchors(file: ManifestFile, findings: Finding[]): Finding[] {
  const uses = file.aliasUses ?? [];
  if (uses.length === 0) return findings;
  const anchors = anchorsOf(uses);
  for (const finding of findings) {
    const use = uses.find((site) => within(finding.span, site.span));
    if (use) finding.related = [...(finding.related ?? []), { span: use.anchorSpan, message: `The anchor &${use.anchor} that this alias stands for` }];
    transformFixes(finding, (fixes) => fixes.filter((fix) => !overwritesAlias(fix, uses)).map((fix) => withAnchorNote(fix, anchors)));
  }
  return findings;
}

function anchorsOf(uses: readonly UseSite[]): Anchor[] {
  const byStart = new Map<string, Anchor>();
  for (const use of uses) {
    const key = `${use.anchor}@${use.anchorSpan[0]}`;
    const anchor = byStart.get(key) ?? { name: use.anchor, span: use.anchorSpan, aliases: 0 };
    anchor.aliases++;
    byStart.set(key, anchor);
  }
  return [...byStart.values()];
}

/** An edit inside an alias token of a map or list (a fix built from the copy's range): it would replace all of it. */
function overwritesAlias(fix: Fix, uses: readonly UseSite[]): boolean {
  return fix.edits.some(({ span: [start, end] }) => uses.some(({ collection, span }) => collection && start >= span[0] && end <= span[1] && (end > start || (start > span[0] && start < span[1]))));
}

function withAnchorNote(fix: Fix, anchors: readonly Anchor[]): Fix {
  let changed: Anchor | undefined;
  for (const anchor of anchors) {
    const touched = fix.edits.some((edit) => within(edit.span, anchor.span));
    if (touched && (!changed || anchor.span[1] - anchor.span[0] < changed.span[1] - changed.span[0])) changed = anchor;
  }
  if (!changed) return fix;
  const shared = `shared by ${changed.aliases} alias${changed.aliases === 1 ? '' : 'es'}`;
  return { ...fix, title: `${fix.title} (changes the anchor &${changed.name}, ${shared})` };
}

function within(inner: Span, outer: Span): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}
