import { TextDocument } from 'vscode-languageserver-textdocument';
import { combineFixes } from '../findings/combineFixes';
import type { Finding } from '../findings/finding';
import type { ManifestFile } from '../parse/model';
import { fixKeepsYamlValid } from '../parse/fixKeepsYaml';
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
export function fixText(text: string, lint: (text: string) => { file: ManifestFile; findings: Finding[] }): FixResult {
  const applied: AppliedFix[] = [];
  let current = lint(text);
  const syntaxErrorsBefore = syntaxErrors(current.findings);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { file, findings } = current;
    const chosen = findings.flatMap((finding) => {
      const fix = finding.fixes?.find((candidate) => candidate.preferred);
      return fix ? [{ finding, fix }] : [];
    });
    let { edits } = combineFixes(chosen.map(({ fix }) => fix));
    if (edits.length === 0) break;
    if (!fixKeepsYamlValid(file, { title: 'all preferred fixes', edits })) {
      const first = chosen.find(({ fix }) => fixKeepsYamlValid(file, fix));
      if (!first) break;
      edits = first.fix.edits;
    }
    const next = applyEdits(text, edits);
    const after = lint(next);
    if (syntaxErrors(after.findings) > syntaxErrorsBefore) break;
    const document = TextDocument.create('file:///fix', 'yaml', 1, text);
    for (const { finding, fix } of chosen) {
      if (!fix.edits.every((edit) => edits.includes(edit))) continue;
      const at = document.positionAt(finding.span[0]);
      applied.push({ code: finding.code, title: fix.title, line: at.line + 1, column: at.character + 1 });
    }
    text = next;
    current = after;
  }
  return { text, applied };
}

function syntaxErrors(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.code === 'yaml-syntax' && finding.severity === 'error').length;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span[0] - a.span[0])) result = result.slice(0, edit.span[0]) + edit.newText + result.slice(edit.span[1]);
  return result;
}
