import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexDiskFile, lintFile } from '../analysis/lintFiles';
import { isIgnoredBy, withProjectConfig, type ProjectConfig } from '../analysis/projectConfig';
import type { Finding, Severity } from '../findings/finding';
import { DEFAULT_SETTINGS, type RuleLevel, type Settings } from '../settings';
import { holdKustomizationLookups } from '../schema/kustomizePatch';
import type { AnalyzeOptions } from '../analysis/analyze';
import type { ManifestFile } from '../parse/model';
import { RecordedLookups } from '../workspace/recordedLookups';
import type { WorkspaceLookups } from '../workspace/view';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { fixText, type AppliedFix } from './fix';
import type { InputFile, Workspace } from './inputs';

/** A finding as reports give it: 1-based lines and columns (UTF-16 code units, as editors count), end exclusive. */
export interface ReportedFinding {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixAvailable: boolean;
}

export interface FileReport {
  display: string;
  path: string;
  uri: string;
  findings: ReportedFinding[];
  fixes: AppliedFix[];
}

export interface LintRun {
  files: FileReport[];
  /** Files left out by an `ignore` glob of their .podlab.yaml. */
  ignored: string[];
  /** A check that threw on some file (its other findings stand): worth telling, not worth failing the run. */
  internalErrors: string[];
}

export interface LintRunOptions {
  configFor(file: string): ProjectConfig | undefined;
  kubernetesVersion?: string;
  rules: Readonly<Record<string, RuleLevel>>;
  fix: boolean;
  /** Report only findings at or above this severity (--quiet). */
  reportAtOrAbove?: Severity;
  /** Whether reports say if a fix exists (json, sarif): finding that out builds the fixes, which costs time. */
  withFixInfo: boolean;
  writeFile(path: string, text: string): Promise<void>;
}

/**
 * Lints every workspace as the language server would see it. Each file is parsed once: indexed with the other files
 * of its folder, then linted against the index as it stands, its lookups of other files written down. Once the whole
 * workspace is indexed, a file that would now get another answer to one of its lookups is linted again. With --fix,
 * files are linted in order against the complete index instead, each one seeing the fixes made before it.
 */
export async function lintWorkspaces(workspaces: readonly Workspace[], options: LintRunOptions): Promise<LintRun> {
  // --fix writes files, a kustomization among them maybe: then every lookup goes to the disk.
  const release = options.fix ? () => undefined : holdKustomizationLookups();
  try {
    const run: LintRun = { files: [], ignored: [], internalErrors: [] };
    for (const workspace of workspaces) {
      for (const outcome of options.fix ? await fixInOrder(workspace, options) : lintInOnePass(workspace, options)) {
        if (outcome.report) run.files.push(outcome.report);
        else run.ignored.push(outcome.display);
        run.internalErrors.push(...outcome.internalErrors);
      }
    }
    return run;
  } finally {
    release();
  }
}

function lintInOnePass(workspace: Workspace, options: LintRunOptions): FileOutcome[] {
  const index = newIndex(workspace);
  const linted: { outcome: FileOutcome; lookups: RecordedLookups }[] = [];
  for (const batch of folderBatches(workspace.files)) {
    const parsed = batch.map((input) => (indexed(input) ? indexDiskFile(index, input.uri, input.text, DEFAULT_SETTINGS.maxFileSize) : undefined));
    batch.forEach((input, at) => {
      const lookups = new RecordedLookups(index);
      linted.push({ outcome: lintInput(input, lookups, options, parsed[at]), lookups });
    });
  }
  return linted.map(({ outcome, lookups }, at) => lookups.stillAnswered() ? outcome : lintInput(workspace.files[at], index, options));
}

/**
 * Text held in parses at once: the files of one folder batch, indexed before any of them is linted. An application's
 * folder fits; more held parses raise the peak memory (a parse takes far more memory than its text).
 */
const BATCH_TEXT_CHARS = 64 * 1024;

/**
 * Consecutive files of one folder, up to BATCH_TEXT_CHARS of text a batch (a larger file alone). A Deployment and the
 * Service, claim or ConfigMap beside it in its folder are then in the index when either is linted, so neither is
 * linted twice; references across folders are caught by the lookups all the same.
 */
function* folderBatches(files: readonly InputFile[]): Generator<InputFile[]> {
  let batch: InputFile[] = [];
  let chars = 0;
  for (const file of files) {
    const sameFolder = batch.length > 0 && path.dirname(batch[0].path) === path.dirname(file.path);
    if (batch.length > 0 && (!sameFolder || chars + file.text.length > BATCH_TEXT_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(file);
    chars += file.text.length;
  }
  if (batch.length > 0) yield batch;
}

async function fixInOrder(workspace: Workspace, options: LintRunOptions): Promise<FileOutcome[]> {
  const index = newIndex(workspace);
  for (const input of workspace.files.filter(indexed)) indexDiskFile(index, input.uri, input.text, DEFAULT_SETTINGS.maxFileSize);
  const outcomes: FileOutcome[] = [];
  for (const input of workspace.files) {
    const lint = lintPlan(input, index, options);
    if (!lint) {
      outcomes.push({ display: input.display, internalErrors: [] });
      continue;
    }
    const { text, applied } = fixText(input.text, (fixed) => lintFile(fixed, lint.analysis));
    if (applied.length > 0) {
      await options.writeFile(input.path, text);
      indexDiskFile(index, input.uri, text, DEFAULT_SETTINGS.maxFileSize);
    }
    outcomes.push(lint.report(text, undefined, applied));
  }
  return outcomes;
}

function newIndex(workspace: Workspace): WorkspaceIndex {
  const index = new WorkspaceIndex();
  // A lone file is what an editor sees with no folder open: the rest of the repository is unknown, not absent.
  index.complete = workspace.root !== undefined;
  return index;
}

/** Whether the language server would index the file (it is not larger than the default podlab.maxFileSize). */
function indexed(file: InputFile): boolean {
  return file.bytes <= DEFAULT_SETTINGS.maxFileSize;
}

interface FileOutcome {
  display: string;
  /** Absent when an `ignore` glob left the file out. */
  report?: FileReport;
  internalErrors: string[];
}

function lintInput(input: InputFile, lookups: WorkspaceLookups, options: LintRunOptions, parsed?: ManifestFile): FileOutcome {
  return lintPlan(input, lookups, options)?.report(input.text, parsed) ?? { display: input.display, internalErrors: [] };
}

interface LintPlan {
  analysis: AnalyzeOptions;
  /** Lints `text` (the file's, fixed or not); `parsed` is its parse with the default podlab.maxFileSize, if held. */
  report(text: string, parsed?: ManifestFile, fixes?: AppliedFix[]): FileOutcome;
}

/** How to lint the file with its .podlab.yaml; undefined when an `ignore` glob leaves it out. */
function lintPlan(input: InputFile, lookups: WorkspaceLookups, options: LintRunOptions): LintPlan | undefined {
  const config = options.configFor(input.path);
  if (!input.fromStdin && isIgnoredBy(config, input.path)) return undefined;
  const internalErrors: string[] = [];
  const logFailure = (what: string, error: unknown) => internalErrors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const settings = settingsFor(config, options);
  const analysis: AnalyzeOptions = {
    settings,
    workspace: { uri: input.uri, index: lookups },
    onRuleFailure: (rule, error) => logFailure(`${input.display}: rule ${rule.meta.id}`, error),
    onCheckFailure: (what, error) => logFailure(`${input.display}: ${what}`, error),
  };
  return {
    analysis,
    report(text, parsed, fixes = []) {
      const reusable = settings.maxFileSize === DEFAULT_SETTINGS.maxFileSize ? parsed : undefined;
      // The fixes a rule offers, unchecked: whether the YAML would stay valid matters only when one is applied.
      const { findings } = lintFile(text, analysis, { onlySafeFixes: false }, reusable);
      const reported = findings.filter((finding) => atOrAbove(finding.severity, options.reportAtOrAbove));
      const report = { display: input.display, path: input.path, uri: input.uri, findings: toReported(text, reported, options.withFixInfo), fixes };
      return { display: input.display, report, internalErrors };
    },
  };
}

function settingsFor(config: ProjectConfig | undefined, options: LintRunOptions): Settings {
  const settings = withProjectConfig(DEFAULT_SETTINGS, config);
  return {
    ...settings,
    kubernetesVersion: options.kubernetesVersion ?? settings.kubernetesVersion,
    rules: { ...settings.rules, ...options.rules },
  };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function atOrAbove(severity: Severity, threshold: Severity | undefined): boolean {
  return threshold === undefined || SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

function toReported(text: string, findings: readonly Finding[], withFixInfo: boolean): ReportedFinding[] {
  const document = TextDocument.create('file:///lint', 'yaml', 1, text);
  const reported = findings.map((finding): ReportedFinding => {
    const start = document.positionAt(finding.span[0]);
    const end = document.positionAt(finding.span[1]);
    return {
      rule: finding.code,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      fixAvailable: withFixInfo && (finding.fixes?.length ?? 0) > 0,
    };
  });
  return reported.sort((a, b) => a.line - b.line || a.column - b.column);
}
