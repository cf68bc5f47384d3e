import type { ManifestFile } from '../parse/model';
import { validateSchema } from '../schema/validate';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../workspace/view';
import type { Finding } from '../findings/finding';
import type { DocumentFindingsMemo } from './documentMemo';
import { runRules, type RuleFailureLogger } from './runRules';
import { applySuppressions } from './suppression';
import { syntaxFindings } from './syntaxFindings';
import { literalRuleFindings } from './templateRules';
import { traceToAnchors } from './anchoredFindings';

export interface AnalyzeOptions {
  settings: Settings;
  onRuleFailure: RuleFailureLogger;
  /** The workspace seen from the analysed document (cross-resource rules). */
  workspace?: WorkspaceView;
  /** A check that is not a rule (schema validation) threw: its findings are lost, the others stay. */
  onCheckFailure?: (what: string, error: unknown) => void;
}

/**
 * Every finding for one parsed file: syntax first, then the schema and the rules over each resource. With `memo`
 * (the previous versions' results of the same file), only the documents an edit touched are checked again.
 */
export function analyze(file: ManifestFile, options: AnalyzeOptions, memo?: DocumentFindingsMemo): Finding[] {
  if (!file.looksLikeKubernetes) return [];
  const findings = syntaxFindings(file);
  if (file.oversized) {
    findings.push({
      code: 'file-too-large',
      severity: 'information',
      message: `This file is larger than podlab.maxFileSize (${options.settings.maxFileSize} characters): only its YAML syntax is checked.`,
      span: [0, Math.min(file.text.length, firstLineEnd(file.text))],
    });
    return findings;
  }
  if (file.resources.length === 0) return findings;
  if (memo && !file.template) return applySuppressions(file, traceToAnchors(file, [...findings, ...memo.findings(file, options)]));
  try {
    findings.push(...validateSchema(file, options.settings, options.workspace));
  } catch (error) {
    options.onCheckFailure?.('Schema validation', error);
  }
  findings.push(...literalRuleFindings(file, runRules(file, options.settings, options.onRuleFailure, undefined, options.workspace)));
  return applySuppressions(file, traceToAnchors(file, findings));
}

function firstLineEnd(text: string): number {
  const end = text.indexOf('\n');
  return end < 0 ? text.length : end;
}
