import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexDiskFile, indexFiles, lintFile } from '../analysis/lintFiles';
import { isIgnoredBy, withProjectConfig, type ProjectConfig } from '../analysis/projectConfig';
import type { Finding, Severity } from '../findings/finding';
import { DEFAULT_SETTINGS, type RuleLevel, type Settings } from '../settings';
import { holdKustomizationLookups } from '../schema/kustomizePatch';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { fixText, type AppliedFix } from './fix';
import type { InputFile, Workspace } from './inputs';
import { KeptParses } from './keptParses';

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

/** Lints every workspace as the language server would see it, file by file (one parse in memory at a time). */
export async function lintWorkspaces(workspaces: readonly Workspace[], options: LintRunOptions): Promise<LintRun> {
  // --fix writes files, a kustomization among them maybe: then every lookup goes to the disk.
  const release = options.fix ? () => undefined : holdKustomizationLookups();
  try {
    return await lintEach(workspaces, options);
  } finally {
    release();
  }
}

/**
 * Parses held from the index pass, the most recent ones up to this many characters of text: a file that fits is parsed
 * once instead of twice (the 10,000-line file), while a large workspace does not hold every tree in memory at once.
 */
const KEPT_TEXT_CHARS = 512 * 1024;

async function lintEach(workspaces: readonly Workspace[], options: LintRunOptions): Promise<LintRun> {
  const run: LintRun = { files: [], ignored: [], internalErrors: [] };
  for (const workspace of workspaces) {
    const indexed = workspace.files.filter((file) => file.bytes <= DEFAULT_SETTINGS.maxFileSize);
    // --fix lints in order, each file seeing the fixes made before it; a plain lint sees the finished index either way.
    const kept = options.fix ? undefined : new KeptParses(KEPT_TEXT_CHARS);
    const index = indexFiles(indexed, DEFAULT_SETTINGS.maxFileSize, kept && ((uri, file) => kept.add(uri, file)));
    // A lone file is what an editor sees with no folder open: the rest of the repository is unknown, not absent.
    index.complete = workspace.root !== undefined;
    const outcomes: FileOutcome[] = new Array(workspace.files.length);
    // The last files indexed are those still held: lint them first, before anything else is allocated.
    for (let at = workspace.files.length - 1; kept && at >= 0; at--) outcomes[at] = await lintInput(workspace.files[at], index, options, kept);
    for (let at = 0; !kept && at < workspace.files.length; at++) outcomes[at] = await lintInput(workspace.files[at], index, options, kept);
    for (const outcome of outcomes) {
      if (outcome.report) run.files.push(outcome.report);
      else run.ignored.push(outcome.display);
      run.internalErrors.push(...outcome.internalErrors);
    }
  }
  return run;
}

interface FileOutcome {
  display: string;
  /** Absent when an `ignore` glob left the file out. */
  report?: FileReport;
  internalErrors: string[];
}

async function lintInput(input: InputFile, index: WorkspaceIndex, options: LintRunOptions, kept: KeptParses | undefined): Promise<FileOutcome> {
  const outcome: FileOutcome = { display: input.display, internalErrors: [] };
  const parsed = kept?.take(input.uri);
  const config = options.configFor(input.path);
  if (!input.fromStdin && isIgnoredBy(config, input.path)) return outcome;
  const logFailure = (what: string, error: unknown) => outcome.internalErrors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const settings = settingsFor(config, options);
  const analysis = {
    settings,
    workspace: { uri: input.uri, index },
    onRuleFailure: (rule: { meta: { id: string } }, error: unknown) => logFailure(`${input.display}: rule ${rule.meta.id}`, error),
    onCheckFailure: (what: string, error: unknown) => logFailure(`${input.display}: ${what}`, error),
  };
  const report: FileReport = { display: input.display, path: input.path, uri: input.uri, findings: [], fixes: [] };
  let text = input.text;
  if (options.fix) ({ text, fixes: report.fixes } = await fixFile(input, index, (fixed) => lintFile(fixed, analysis), options));
  const reusable = parsed && settings.maxFileSize === DEFAULT_SETTINGS.maxFileSize ? parsed : undefined;
  // The fixes a rule offers, unchecked: whether the YAML would stay valid matters only when one is applied.
  const { findings } = lintFile(text, analysis, { onlySafeFixes: false }, reusable);
  report.findings = toReported(text, findings.filter((finding) => atOrAbove(finding.severity, options.reportAtOrAbove)), options.withFixInfo);
  outcome.report = report;
  return outcome;
}

async function fixFile(input: InputFile, index: WorkspaceIndex, lint: Parameters<typeof fixText>[1], options: LintRunOptions): Promise<{ text: string; fixes: AppliedFix[] }> {
  const { text, applied } = fixText(input.text, lint);
  if (applied.length === 0) return { text: input.text, fixes: [] };
  await options.writeFile(input.path, text);
  indexDiskFile(index, input.uri, text, DEFAULT_SETTINGS.maxFileSize);
  return { text, fixes: applied };
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
