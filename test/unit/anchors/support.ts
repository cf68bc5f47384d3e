import { stringify } from 'yaml';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/** Every finding on `text`, schema and rules, as the server computes them. */
export function findingsOf(text: string): Finding[] {
  return analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (_rule, error) => { throw error; } });
}

/** The same resources written out with no anchors, aliases or merge keys: what Kubernetes' decoder reads. */
export function expanded(text: string): string {
  return parseManifest(text).resources.map((resource) => stringify(resource.object)).join('---\n');
}

/** What a finding says, without where: line numbers in messages differ between a text and its expansion. */
export function said(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code}: ${finding.message.replace(/line \d+/g, 'line N')}`).sort();
}
