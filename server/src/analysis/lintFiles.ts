import type { Finding } from '../findings/finding';
import type { ManifestFile } from '../parse/model';
import { parseManifest } from '../parse/parseManifest';
import { summarizeFile } from '../workspace/summary';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { analyze, type AnalyzeOptions } from './analyze';
import { withoutBreakingFixes } from './store';

export interface SourceFile {
  uri: string;
  text: string;
}

/** Puts a file as read from disk into the index (its resources and its CRDs); returns whether the index changed. */
export function indexDiskFile(index: WorkspaceIndex, uri: string, text: string, maxFileSize: number): boolean {
  const file = parseManifest(text, { maxAnalysisSize: maxFileSize });
  const crdsChanged = index.crds.remember(uri, file);
  return index.setDiskFile(uri, summarizeFile(uri, file)) || crdsChanged;
}

/** The index of a whole workspace read at once, as the language server has it once its first scan is done. */
export function indexFiles(files: Iterable<SourceFile>, maxFileSize: number): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const { uri, text } of files) indexDiskFile(index, uri, text, maxFileSize);
  index.complete = true;
  return index;
}

export interface LintFileOptions {
  /**
   * Drop each fix that would break the YAML, as the language server does before offering it (default). Checking costs
   * a parse of the document per fix: a report that only says whether a rule offers a fix can skip it.
   */
  onlySafeFixes?: boolean;
  /** Hears of each fix left out because it would break the YAML. */
  onDroppedFix?: (what: string, why: unknown) => void;
}

/** One file analysed as the language server analyses an open document (same parse, same checks), its syntax checked at once. */
export function lintFile(text: string, options: AnalyzeOptions, fixes: LintFileOptions = {}): { file: ManifestFile; findings: Finding[] } {
  const file = parseManifest(text, { maxAnalysisSize: options.settings.maxFileSize });
  const findings = analyze(file, options);
  return { file, findings: fixes.onlySafeFixes === false ? findings : withoutBreakingFixes(file, findings, fixes.onDroppedFix) };
}
