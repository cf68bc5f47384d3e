import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../../server/src/findings/finding';
import { runRules } from '../../../server/src/analysis/runRules';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import type { Rule } from '../../../server/src/rules/types';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { summarizeFile } from '../../../server/src/workspace/summary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { applyEdits } from './applyEdits';
import { assertPlainMessages } from '../../support/plainMessages';

/** File names (relative, as in a workspace folder) to their text. */
export type Files = Record<string, string>;

export const uriOf = (name: string): string => `file:///workspace/${name}`;

/** A complete index of `files`, as the server holds it once the workspace folders are read. */
export function indexOf(files: Files): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.setDiskFile(uriOf(name), summarizeFile(uriOf(name), parseManifest(text)));
  index.complete = true;
  return index;
}

/** Runs one rule on `target` with the other `files` around it, the way the server does. */
export function runInWorkspace(rule: Rule, files: Files, target: string): Finding[] {
  const file = parseManifest(files[target]);
  return assertPlainMessages(runRules(file, DEFAULT_SETTINGS, (_rule, error) => { throw error; }, [rule], { uri: uriOf(target), index: indexOf(files) })) as Finding[];
}

/** The text of `target` after `fix`; asserts that the fixed workspace has fewer findings of the rule there. */
export function applyFixInWorkspace(rule: Rule, files: Files, target: string, fix: Fix): string {
  const before = runInWorkspace(rule, files, target).length;
  const output = applyEdits(files[target], fix.edits);
  assert.deepEqual(parseManifest(output).syntaxProblems.filter((problem) => problem.severity === 'error'), [], `the fix broke the YAML:\n${output}`);
  const after = runInWorkspace(rule, { ...files, [target]: output }, target).length;
  assert.ok(after < before, `"${fix.title}" left the finding (${before} -> ${after}):\n${output}`);
  return output;
}

/** The text each finding underlines. */
export function underlined(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => text.slice(finding.span[0], finding.span[1]));
}
