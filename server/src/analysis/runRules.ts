import type { ManifestFile } from '../parse/model';
import { hasSyntaxErrors } from '../parse/parseManifest';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';
import type { Finding } from './finding';
import { setFixes } from './lazyFixes';

export type RuleFailureLogger = (rule: Rule, error: unknown) => void;

/**
 * Runs every enabled rule on every resource; a rule that throws loses only its own findings.
 * A document with YAML errors is skipped: its tree is the parser's guess, and findings on a guess are noise.
 */
export function runRules(file: ManifestFile, settings: Settings, onFailure: RuleFailureLogger, rules: readonly Rule[] = RULES, workspace?: WorkspaceView): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = settings.rules[rule.meta.id];
    if (override === 'off') continue;
    for (const resource of file.resources) {
      if (!resource.object || hasSyntaxErrors(resource.document)) continue;
      try {
        rule.check({
          file,
          resource,
          settings,
          workspace,
          report: (found) => {
            const finding: Finding = { code: rule.meta.id, severity: override ?? found.severity ?? rule.meta.severity, message: found.message, span: found.span };
            findings.push(setFixes(finding, found.fixes, (error) => onFailure(rule, error)));
          },
        });
      } catch (error) {
        onFailure(rule, error);
      }
    }
  }
  return findings;
}
