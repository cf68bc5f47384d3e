import { TextDocument } from 'vscode-languageserver-textdocument';
import { combineFixes } from '../findings/combineFixes';
import type { Finding, Fix } from '../findings/finding';
import type { TextEdit } from '../yaml/span';

export interface AppliedFix {
  code: string;
  title: string;
  /** 1-based, where the finding was in the text the fix was applied to. */
  line: number;
  column: number;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
}

/** Passes over one file at most: fixes that touch the same place wait for the next pass, found anew. */
const MAX_PASSES = 10;

/**
 * Applies the preferred fix of every finding, pass after pass until none is left, as minimal edits (comments and
 * formatting stay). A set of fixes that would leave the YAML less valid than it was is not applied.
 */
export function fixText(text: string, lint: (text: string) => LintResult): FixResult {
  const applied: AppliedFix[] = [];
  let current = lint(text);
  const syntaxErrorsBefore = syntaxErrors(current.findings);
  const keeps = (candidate: string): LintResult | undefined => {
    const result = lint(candidate);
    return syntaxErrors(result.findings) > syntaxErrorsBefore ? undefined : result;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = current.findings.flatMap((finding) => {
      const fix = finding.fixes?.find((candidate) => candidate.preferred);
      return fix ? [{ finding, fix }] : [];
    });
    const { edits } = combineFixes(chosen.map(({ fix }) => fix));
    if (edits.length === 0) break;
    let taken = edits;
    let after = keeps(applyEdits(text, edits));
    // Together they break the YAML: take them one by one, each only if the text still parses as well as before.
    if (!after) ({ taken, after } = oneByOne(text, chosen.map(({ fix }) => fix), keeps));
    if (!after || taken.length === 0) break;
    const document = TextDocument.create('file:///fix', 'yaml', 1, text);
    for (const { finding, fix } of chosen) {
      if (!fix.edits.every((edit) => taken.includes(edit))) continue;
      const at = document.positionAt(finding.span[0]);
      applied.push({ code: finding.code, title: fix.title, line: at.line + 1, column: at.character + 1 });
    }
    text = applyEdits(text, taken);
    current = after;
  }
  return { text, applied };
}

type LintResult = { findings: Finding[] };

function oneByOne(text: string, fixes: readonly Fix[], keeps: (candidate: string) => LintResult | undefined): { taken: TextEdit[]; after?: LintResult } {
  let taken: TextEdit[] = [];
  let after: LintResult | undefined;
  for (const fix of fixes) {
    const { edits, applied } = combineFixes([{ title: '', edits: taken }, fix]);
    if (applied < 2) continue;
    const result = keeps(applyEdits(text, edits));
    if (!result) continue;
    taken = edits;
    after = result;
  }
  return { taken, after };
}

function syntaxErrors(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.code === 'yaml-syntax' && finding.severity === 'error').length;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span[0] - a.span[0])) result = result.slice(0, edit.span[0]) + edit.newText + result.slice(edit.span[1]);
  return result;
}
