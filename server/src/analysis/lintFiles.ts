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
  return indexParsedFile(index, uri, parseManifest(text, { maxAnalysisSize: maxFileSize }));
}

function indexParsedFile(index: WorkspaceIndex, uri: string, file: ManifestFile): boolean {
  const crdsChanged = index.crds.remember(uri, file);
  return index.setDiskFile(uri, summarizeFile(uri, file)) || crdsChanged;
}

/**
 * The index of a whole workspace read at once, as the language server has it once its first scan is done. `keep`
 * hears of each file's parse, for a caller that would rather hold some of them than parse those files again.
 */
export function indexFiles(files: Iterable<SourceFile>, maxFileSize: number, keep?: (uri: string, file: ManifestFile) => void): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const { uri, text } of files) {
    const file = parseManifest(text, { maxAnalysisSize: maxFileSize });
    indexParsedFile(index, uri, file);
    keep?.(uri, file);
  }
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

/**
 * One file analysed as the language server analyses an open document (same parse, same checks), its syntax checked at
 * once. `parsed` is this very text's parse with the same maxFileSize, when the caller holds one.
 */
export function lintFile(text: string, options: AnalyzeOptions, fixes: LintFileOptions = {}, parsed?: ManifestFile): { file: ManifestFile; findings: Finding[] } {
  const file = parsed ?? parseManifest(text, { maxAnalysisSize: options.settings.maxFileSize });
  const findings = analyze(file, options);
  return { file, findings: fixes.onlySafeFixes === false ? findings : withoutBreakingFixes(file, findings, fixes.onDroppedFix) };
}
