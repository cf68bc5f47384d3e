import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManifestFile } from '../parse/model';
import { fixKeepsYamlValid } from '../parse/fixKeepsYaml';
import { parseManifest } from '../parse/parseManifest';
import type { Settings } from '../settings';
import { analyze, type AnalyzeOptions } from './analyze';
import { DocumentFindingsMemo } from './documentMemo';
import type { Finding } from '../findings/finding';
import { transformFixes } from '../findings/lazyFixes';

/** Drops the fixes that would leave a cleanly parsing YAML document broken, and logs each such fix (once per title). */
export function withoutBreakingFixes(file: ManifestFile, findings: Finding[], log?: (what: string, error: unknown) => void): Finding[] {
  for (const finding of findings) {
    transformFixes(finding, (fixes) => fixes.filter((fix) => {
      if (fixKeepsYamlValid(file, fix)) return true;
      log?.(`Fix "${fix.title}" (${finding.code})`, new Error('it would break the YAML of the document, so it is not offered'));
      return false;
    }));
  }
  return findings;
}

/** Whether the analysis of `file` looks at the rest of the workspace (cross-resource rules, schemas of custom resources). */
export function readsWorkspace(file: ManifestFile): boolean {
  return file.resources.length > 0 && !file.templated && !file.oversized;
}

interface Entry {
  version: number;
  file: ManifestFile;
  findings?: Finding[];
}

/**
 * The parse-once cache: one parse and one analysis per document version, shared by every feature.
 * `parseCount` exists so tests can hold the design to that.
 */
export class ManifestStore {
  private readonly entries = new Map<string, Entry>();
  /** Per URI, the findings of each YAML document, carried from version to version. */
  private readonly memos = new Map<string, DocumentFindingsMemo>();
  parseCount = 0;

  /** `options` gets the URI of the document analysed, so cross-resource rules can see the workspace from it. */
  constructor(private readonly options: (uri: string) => AnalyzeOptions) {}

  file(document: TextDocument): ManifestFile {
    return this.entry(document).file;
  }

  findings(document: TextDocument): Finding[] {
    const entry = this.entry(document);
    if (!entry.findings) {
      const options = this.options(document.uri);
      const memo = this.memos.get(document.uri) ?? new DocumentFindingsMemo();
      this.memos.set(document.uri, memo);
      entry.findings = withoutBreakingFixes(entry.file, analyze(entry.file, options, memo), options.onCheckFailure);
    }
    return entry.findings;
  }

  /** Settings changed: keep the parses, drop the analyses. */
  invalidateFindings(): void {
    for (const entry of this.entries.values()) entry.findings = undefined;
    for (const memo of this.memos.values()) memo.clear();
  }

  /** How many documents of `uri` its last analysis checked again (the others' findings were carried over). */
  documentsCheckedLast(uri: string): number | undefined {
    return this.memos.get(uri)?.lastChecked;
  }

  /** The parse of `uri` learnt something after its analysis (a large file's syntax check ended): drop that analysis. */
  invalidateFindingsOf(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) entry.findings = undefined;
  }

  /**
   * The workspace changed: drops the analyses that read it (see readsWorkspace) and gives their URIs. The others
   * (no Kubernetes object, a template, a file above the size setting) stay as they are.
   */
  invalidateWorkspaceFindings(): string[] {
    const dropped: string[] = [];
    for (const [uri, entry] of this.entries) {
      if (!readsWorkspace(entry.file)) continue;
      entry.findings = undefined;
      dropped.push(uri);
    }
    return dropped;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.memos.delete(uri);
  }

  private entry(document: TextDocument): Entry {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    this.parseCount++;
    const settings: Settings = this.options(document.uri).settings;
    const file = parseManifest(document.getText(), { maxAnalysisSize: settings.maxFileSize, deferLargeFileSyntax: true, previous: cached?.file });
    const entry: Entry = { version: document.version, file };
    this.entries.set(document.uri, entry);
    return entry;
  }
}
