import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FailureLogger } from '../analysis/failureLog';
import type { Finding } from '../findings/finding';
import type { ManifestFile } from '../parse/model';
import type { ChartValues } from '../hovers/helmValues';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { WorkspaceView } from '../workspace/view';

/** What every LSP feature gets for the document it answers about: this version's parse, analysis and surroundings. */
export interface FeatureContext {
  readonly document: TextDocument;
  /** This version's parse (parsed once, shared by every feature). */
  readonly file: ManifestFile;
  /** This version's findings, analysed on first use and then memoised. */
  findings(): Finding[];
  /** The workspace as seen from this document. */
  readonly workspace: WorkspaceView;
  readonly settings: Settings;
  /** A part (a hover provider, a check) failed: its answer is lost, the others stay. */
  readonly log: FailureLogger;
  /** The values.yaml of the Helm chart the document is a template of (read when asked); undefined outside a chart. */
  chartValues?(): ChartValues | undefined;
}

/** A context for one document outside a running server (tests, the command line): nothing else in the workspace. */
export function standaloneContext(document: TextDocument, file: ManifestFile, parts: Partial<Omit<FeatureContext, 'document' | 'file'>> = {}): FeatureContext {
  return {
    document,
    file,
    findings: parts.findings ?? (() => []),
    workspace: parts.workspace ?? { uri: document.uri, index: new WorkspaceIndex() },
    settings: parts.settings ?? DEFAULT_SETTINGS,
    log: parts.log ?? (() => undefined),
    chartValues: parts.chartValues,
  };
}
