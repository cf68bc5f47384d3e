import type { Finding, Severity } from '../analysis/finding';
import type { FixesOrBuilder } from '../analysis/lazyFixes';
import type { ManifestFile, Resource, Span } from '../parse/model';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';

export type RuleCategory = 'api' | 'schema' | 'best-practice' | 'security' | 'cross-resource';

export interface RuleMeta {
  /** Stable kebab-case id: the diagnostic code. */
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** One line, shown in docs/rules.md. */
  description: string;
  docsUrl: string;
  fixable: boolean;
  /** The checks of other linters this rule stands for: their exemption annotations silence it, docs/rules.md lists them. */
  peers?: PeerChecks;
}

export interface PeerChecks {
  /** kube-linter check names (`ignore-check.kube-linter.io/<check>`). */
  kubeLinter?: readonly string[];
  /** Polaris check ids (`polaris.fairwinds.com/<check>-exempt: "true"`). */
  polaris?: readonly string[];
  /** kube-score check ids (`kube-score/ignore: <check>[,<check>]`). */
  kubeScore?: readonly string[];
}

export interface RuleContext {
  file: ManifestFile;
  resource: Resource;
  settings: Settings;
  /** The other files of the workspace, for cross-resource rules; absent when analysing a file on its own. */
  workspace?: WorkspaceView;
  /** `fixes` may be a function: it then runs only when an editor asks for code actions (see setFixes). */
  report(finding: { span: Span; message: string; fixes?: FixesOrBuilder; severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Finding };
