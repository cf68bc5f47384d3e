import type { TextEdit } from '../yaml/span';
import type { Finding, Fix } from './finding';

/** The fix a "fix all" applies for a finding: its preferred fix, else its first. */
export function chosenFix(finding: Finding): Fix | undefined {
  return finding.fixes?.find((fix) => fix.preferred) ?? finding.fixes?.[0];
}

/**
 * The edits of several fixes as one change. A fix whose edits overlap or touch an edit already taken
 * (two insertions at one offset included) is left for a second pass: applying both could break the YAML.
 */
export function combineFixes(fixes: readonly Fix[]): { edits: TextEdit[]; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => clash(edit, other)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  return { edits: taken, applied };
}

function clash(a: TextEdit, b: TextEdit): boolean {
  return a.span[0] <= b.span[1] && b.span[0] <= a.span[1];
}
