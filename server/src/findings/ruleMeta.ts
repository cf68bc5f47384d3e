import type { Severity } from './finding';

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
  /**
   * The check reads resources other than the one checked (other documents of the file, or the workspace), although its
   * category is not 'cross-resource': the analysis re-runs it on every version instead of keeping its findings per document.
   */
  readsOtherResources?: boolean;
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
