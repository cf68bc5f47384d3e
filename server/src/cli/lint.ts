import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexDiskFile, indexFiles, lintFile } from '../analysis/lintFiles';
import { isIgnoredBy, withProjectConfig, type ProjectConfig } from '../analysis/projectConfig';
import type { Finding, Severity } from '../findings/finding';
import { DEFAULT_SETTINGS, type RuleLevel, type Settings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
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

/** Lints every workspace as the language server would see it, file by file (one parse in memory at a time). */
export async function lintWorkspaces(workspaces: readonly Workspace[], options: LintRunOptions): Promise<LintRun> {
  const run: LintRun = { files: [], ignored: [], internalErrors: [] };
  const logFailure = (what: string, error: unknown) => run.internalErrors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  for (const workspace of workspaces) {
    const indexed = workspace.files.filter((file) => file.bytes <= DEFAULT_SETTINGS.maxFileSize);
    const index = indexFiles(indexed, DEFAULT_SETTINGS.maxFileSize);
    // A lone file is what an editor sees with no folder open: the rest of the repository is unknown, not absent.
    index.complete = workspace.root !== undefined;
    for (const input of workspace.files) {
      const config = options.configFor(input.path);
      if (!input.fromStdin && isIgnoredBy(config, input.path)) {
        run.ignored.push(input.display);
        continue;
      }
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
      // The fixes a rule offers, unchecked: whether the YAML would stay valid matters only when one is applied.
      const { findings } = lintFile(text, analysis, { onlySafeFixes: false });
      report.findings = toReported(text, findings.filter((finding) => atOrAbove(finding.severity, options.reportAtOrAbove)), options.withFixInfo);
      run.files.push(report);
    }
  }
  return run;
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
