import type { Finding, Severity } from '../findings/finding';
import type { RuleMeta } from '../findings/ruleMeta';
import type { FixesOrBuilder } from '../findings/lazyFixes';
import type { ManifestFile, Resource, Span } from '../parse/model';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';

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

export type { Finding, RuleMeta };
