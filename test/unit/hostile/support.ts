import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import { withoutBreakingFixes } from '../../../server/src/analysis/store';
import { toDiagnostic } from '../../../server/src/lsp/features/diagnostics';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import type { ManifestFile } from '../../../server/src/parse/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

export interface Analysed {
  file: ManifestFile;
  findings: Finding[];
  diagnostics: Diagnostic[];
  document: TextDocument;
  /** Rules and checks that threw (one that throws on input the editor can hold is a bug). */
  ruleFailures: string[];
  /** Fixes the analysis offered that would have broken the YAML (a bug in that fix; the server drops them too). */
  droppedFixes: string[];
}

/**
 * Parses and analyses `text` the way the server does, and converts the findings to LSP diagnostics. With a `uri`,
 * the analysis sees the document as that file of an (otherwise empty) workspace.
 */
export function analyzeText(text: string, settings: Settings = DEFAULT_SETTINGS, uri?: string): Analysed {
  const file = parseManifest(text, { maxAnalysisSize: settings.maxFileSize });
  const ruleFailures: string[] = [];
  const droppedFixes: string[] = [];
  const analysed = analyze(file, {
    settings,
    onRuleFailure: (rule, error) => ruleFailures.push(`${rule.meta.id}: ${describe(error)}`),
    onCheckFailure: (what, error) => ruleFailures.push(`${what}: ${describe(error)}`),
    workspace: uri ? { uri, index: new WorkspaceIndex() } : undefined,
  });
  // As ManifestStore does before any feature sees the findings.
  const findings = withoutBreakingFixes(file, analysed, (what) => droppedFixes.push(what));
  const document = TextDocument.create(uri ?? 'file:///hostile.yaml', 'yaml', 1, text);
  return { file, findings, diagnostics: findings.map((finding) => toDiagnostic(document, finding)), document, ruleFailures, droppedFixes };
}

export function syntaxOf(analysed: Analysed): Finding[] {
  return analysed.findings.filter((finding) => finding.code === 'yaml-syntax');
}

export function errorsOf(analysed: Analysed): Finding[] {
  return analysed.findings.filter((finding) => finding.severity === 'error');
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n') : String(error);
}

/** Every span lies inside the text, start before end. */
export function assertSpansInside(findings: readonly Finding[], text: string): void {
  for (const finding of findings) {
    const [start, end] = finding.span;
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
      `${finding.code} span [${start}, ${end}] is outside a text of ${text.length} characters`);
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) {
        assert.ok(edit.span[0] >= 0 && edit.span[0] <= edit.span[1] && edit.span[1] <= text.length, `fix "${fix.title}" edits outside the text`);
      }
    }
  }
}

/** The [start, end) offsets of the n-th occurrence of `needle`. */
export function spanOfText(text: string, needle: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return [at, at + needle.length];
}
