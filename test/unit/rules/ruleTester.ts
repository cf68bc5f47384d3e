import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/findings/finding';
import { runRules } from '../../../server/src/analysis/runRules';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import type { Rule } from '../../../server/src/rules/types';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { assertPlainMessages } from '../../support/plainMessages';
import { applyEdits } from './applyEdits';
import { runInWorkspace, type Files } from './workspaceTester';

export { applyEdits };

/** The name the case's `code` has among its `files`. */
export const TESTED_FILE = 'tested.yaml';

export interface ExpectedFinding {
  /** The exact text the finding underlines. */
  text?: string;
  /** 1-based line of the finding's start. */
  line?: number;
  message?: RegExp;
  severity?: Finding['severity'];
}

export interface InvalidCase {
  name: string;
  code: string;
  errors: ExpectedFinding[];
  /** The text after applying the fix titled `fixTitle` (default: the first fix) of the first finding. */
  output?: string;
  fixTitle?: RegExp;
  /** The other files of the workspace, for cross-resource rules (the case's `code` is TESTED_FILE among them). */
  files?: Files;
}

export interface ValidCase {
  name: string;
  code: string;
  files?: Files;
}

/** Runs one rule on a manifest text, the way the server does; with `files`, inside that workspace. */
export function runRule(rule: Rule, text: string, files?: Files): Finding[] {
  const file = parseManifest(text);
  assert.deepEqual(file.syntaxProblems.filter((problem) => problem.severity === 'error'), [], 'the test manifest must be valid YAML');
  if (files) return runInWorkspace(rule, { ...files, [TESTED_FILE]: text }, TESTED_FILE);
  return assertPlainMessages(runRules(file, DEFAULT_SETTINGS, (_rule, error) => { throw error; }, [rule])) as Finding[];
}

/** ESLint's RuleTester, for Podlab rules: valid cases report nothing, invalid ones report exactly `errors`. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, () => {
        const findings = runRule(rule, valid.code, valid.files);
        assert.deepEqual(findings.map((finding) => finding.message), []);
      });
    }
    for (const invalid of cases.invalid) it(`invalid: ${invalid.name}`, () => checkInvalid(rule, invalid));
  });
}

/** Throws unless `rule` reports exactly the case's errors and, when it offers a fix, its first finding's fix gives `output`. */
export function checkInvalid(rule: Rule, invalid: InvalidCase): void {
  const findings = runRule(rule, invalid.code, invalid.files);
  assert.equal(findings.length, invalid.errors.length, `expected ${invalid.errors.length} findings, got: ${JSON.stringify(findings.map((f) => [invalid.code.slice(f.span[0], f.span[1]), f.message]))}`);
  invalid.errors.forEach((expected, index) => {
    const finding = findings[index];
    assert.equal(finding.code, rule.meta.id);
    if (expected.text !== undefined) assert.equal(invalid.code.slice(finding.span[0], finding.span[1]), expected.text, `finding ${index} underlines the wrong text`);
    if (expected.line !== undefined) assert.equal(invalid.code.slice(0, finding.span[0]).split('\n').length, expected.line, `finding ${index} is on the wrong line`);
    if (expected.message) assert.match(finding.message, expected.message);
    if (expected.severity) assert.equal(finding.severity, expected.severity);
  });
  const offered = findings.filter((finding) => (finding.fixes ?? []).length > 0);
  if (invalid.output === undefined && offered.length > 0) {
    const first = offered[0];
    assert.fail(`a fix is offered (${JSON.stringify(first.fixes!.map((fix) => fix.title))}): give the case the text after it as \`output\`; the first fix gives:\n${applyEdits(invalid.code, first.fixes![0].edits)}`);
  }
  if (invalid.output !== undefined) {
    const fixes = findings[0].fixes ?? [];
    const fix = invalid.fixTitle ? fixes.find((candidate) => invalid.fixTitle!.test(candidate.title)) : fixes[0];
    assert.ok(fix, `no fix ${invalid.fixTitle ?? ''} among ${JSON.stringify(fixes.map((f) => f.title))}`);
    const output = applyEdits(invalid.code, fix.edits);
    assert.equal(output, invalid.output);
    const after = runRule(rule, output, invalid.files);
    assert.ok(after.length < findings.length, `the fix left ${after.length} findings: ${JSON.stringify(after.map((f) => f.message))}`);
  }
}
