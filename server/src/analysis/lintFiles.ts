import type { Finding } from '../findings/finding';
import type { ManifestFile } from '../parse/model';
import { parseManifest } from '../parse/parseManifest';
import { summarizeFile } from '../workspace/summary';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { analyze, type AnalyzeOptions } from './analyze';
import { withoutBreakingFixes } from './store';

/** Puts a file as read from disk into the index (its resources and its CRDs); gives its parse. */
export function indexDiskFile(index: WorkspaceIndex, uri: string, text: string, maxFileSize: number): ManifestFile {
  const file = parseManifest(text, { maxAnalysisSize: maxFileSize });
  index.crds.remember(uri, file);
  index.setDiskFile(uri, summarizeFile(uri, file));
  return file;
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
