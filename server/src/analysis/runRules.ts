import type { ManifestFile, Resource } from '../parse/model';
import { hasSyntaxErrors } from '../parse/parseManifest';
import { RULES } from '../rules';
import type { Rule, RuleContext } from '../rules/types';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';
import type { Finding } from '../findings/finding';
import { setFixes } from '../findings/lazyFixes';

export type RuleFailureLogger = (rule: Rule, error: unknown) => void;

/** The resources rules and the schema check: a document with YAML errors is skipped (its tree is the parser's guess, and findings on a guess are noise). */
export function checkedResources(file: ManifestFile): Resource[] {
  return file.resources.filter((resource) => resource.object && !hasSyntaxErrors(resource.document));
}

/** Whether `rule` looks beyond the resource it checks (its findings then change when other resources do). */
export function readsOtherResources(rule: Rule): boolean {
  return rule.meta.category === 'cross-resource' || rule.meta.readsOtherResources === true;
}

/** The findings of one enabled rule on one resource; a rule that throws loses only its own findings. */
export function runRule(rule: Rule, file: ManifestFile, resource: Resource, settings: Settings, onFailure: RuleFailureLogger, workspace?: WorkspaceView): Finding[] {
  const findings: Finding[] = [];
  const override = settings.rules[rule.meta.id];
  if (override === 'off') return findings;
  const onFixFailure = (error: unknown) => onFailure(rule, error);
  const report: RuleContext['report'] = (found) => {
    const finding: Finding = { code: rule.meta.id, severity: override ?? found.severity ?? rule.meta.severity, message: found.message, span: found.span };
    findings.push(setFixes(finding, found.fixes, onFixFailure));
  };
  try {
    rule.check({ file, resource, settings, workspace, report });
  } catch (error) {
    onFailure(rule, error);
  }
  return findings;
}

/** Runs every enabled rule on every checked resource, rule by rule. */
export function runRules(file: ManifestFile, settings: Settings, onFailure: RuleFailureLogger, rules: readonly Rule[] = RULES, workspace?: WorkspaceView): Finding[] {
  const findings: Finding[] = [];
  const checked = checkedResources(file);
  for (const rule of rules) {
    if (settings.rules[rule.meta.id] === 'off') continue;
    for (const resource of checked) findings.push(...runRule(rule, file, resource, settings, onFailure, workspace));
  }
  return findings;
}
