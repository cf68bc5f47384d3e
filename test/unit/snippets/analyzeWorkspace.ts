// Runs the server's whole analysis (schema, every rule, cross-resource rules) over a set of
// files that form one workspace, as the language server does for a folder it indexed.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import type { ManifestFile } from '../../../server/src/parse/model';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { summarizeFile } from '../../../server/src/workspace/summary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

export interface AnalyzedFile {
  file: ManifestFile;
  findings: Finding[];
}

/** Analyses every file of `texts` (file name to text) with the others in its workspace; asserts no rule throws. */
export function analyzeWorkspace(texts: Record<string, string>): Record<string, AnalyzedFile> {
  const index = new WorkspaceIndex();
  const files = Object.entries(texts).map(([name, text]) => ({ uri: `file:///workspace/${name}`, name, file: parseManifest(text) }));
  for (const { uri, file } of files) index.setDiskFile(uri, summarizeFile(uri, file));
  index.complete = true;
  const failures: string[] = [];
  const analyzed = Object.fromEntries(files.map(({ uri, name, file }) => [name, {
    file,
    findings: analyze(file, {
      settings: DEFAULT_SETTINGS,
      workspace: { uri, index },
      onRuleFailure: (rule, error) => failures.push(`${name}: ${rule.meta.id}: ${String(error)}`),
      onCheckFailure: (what, error) => failures.push(`${name}: ${what}: ${String(error)}`),
    }),
  }]));
  assert.deepEqual(failures, [], 'no check may throw');
  return analyzed;
}

/** One file analysed on its own, as the only file of its workspace. */
export function analyzeAlone(text: string): AnalyzedFile {
  return analyzeWorkspace({ 'manifest.yaml': text })['manifest.yaml'];
}

/** Findings as `code at "text": message` lines, for assertion messages. */
export function describeFindings(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${f.severity} ${f.code} at "${text.slice(f.span[0], f.span[1])}": ${f.message}`).join('\n');
}
