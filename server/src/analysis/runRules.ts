import type { ManifestFile } from '../parse/model';
import { hasSyntaxErrors } from '../parse/parseManifest';
import { RULES } from '../rules';
import type { Rule, RuleContext } from '../rules/types';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';
import type { Finding } from '../findings/finding';
import { setFixes } from '../findings/lazyFixes';

export type RuleFailureLogger = (rule: Rule, error: unknown) => void;

/**
 * Runs every enabled rule on every resource; a rule that throws loses only its own findings.
 * A document with YAML errors is skipped: its tree is the parser's guess, and findings on a guess are noise.
 */
export function runRules(file: ManifestFile, settings: Settings, onFailure: RuleFailureLogger, rules: readonly Rule[] = RULES, workspace?: WorkspaceView): Finding[] {
  const findings: Finding[] = [];
  const checked = file.resources.filter((resource) => resource.object && !hasSyntaxErrors(resource.document));
  for (const rule of rules) {
    const override = settings.rules[rule.meta.id];
    if (override === 'off') continue;
    const onFixFailure = (error: unknown) => onFailure(rule, error);
    const report: RuleContext['report'] = (found) => {
      const finding: Finding = { code: rule.meta.id, severity: override ?? found.severity ?? rule.meta.severity, message: found.message, span: found.span };
      findings.push(setFixes(finding, found.fixes, onFixFailure));
    };
    for (const resource of checked) {
      try {
        rule.check({ file, resource, settings, workspace, report });
      } catch (error) {
        onFailure(rule, error);
      }
    }
  }
  return findings;
}
