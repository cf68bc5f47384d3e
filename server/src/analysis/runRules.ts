import type { ManifestFile } from '../parse/model';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import type { Settings } from '../settings';
import type { Finding } from './finding';

export type RuleFailureLogger = (rule: Rule, error: unknown) => void;

/** Runs every enabled rule on every resource; a rule that throws loses only its own findings. */
export function runRules(file: ManifestFile, settings: Settings, onFailure: RuleFailureLogger, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = settings.rules[rule.meta.id] ?? rule.meta.severity;
    if (level === 'off') continue;
    for (const resource of file.resources) {
      if (!resource.object) continue;
      try {
        rule.check({
          file,
          resource,
          settings,
          report: (found) => findings.push({ code: rule.meta.id, severity: found.severity ?? level, message: found.message, span: found.span, fixes: found.fixes }),
        });
      } catch (error) {
        onFailure(rule, error);
      }
    }
  }
  return findings;
}
