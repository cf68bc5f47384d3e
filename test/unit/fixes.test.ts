import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { chosenFix, combineFixes } from '../../server/src/findings/combineFixes';
import type { Finding, Fix } from '../../server/src/findings/finding';
import { parseManifest } from '../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { RULES } from '../../server/src/rules';
import { applyEdits } from './rules/ruleTester';
import { indexOf, uriOf } from './rules/workspaceTester';

const FIXTURES = join(__dirname, 'rules', 'fixtures', 'fixes');
const WORKSPACE = join(FIXTURES, 'workspace');
/** Rule ids whose fixes the fixtures below exercised. */
const exercised = new Set<string>();

/** The files of a workspace around the analysed one (cross-resource rules), and the analysed file's name among them. */
interface Around {
  files: Record<string, string>;
  name: string;
}

function findingsOf(text: string, around?: Around): Finding[] {
  const workspace = around ? { uri: uriOf(around.name), index: indexOf({ ...around.files, [around.name]: text }) } : undefined;
  return analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, workspace, onRuleFailure: (rule, error) => { throw new Error(`${rule.meta.id} threw: ${String(error)}`); } });
}

/** Comments (with their text) that lie outside every edited span: a fix must keep them. */
function commentsOutside(text: string, spans: ReadonlyArray<readonly [number, number]>): string[] {
  const comments: string[] = [];
  for (const match of text.matchAll(/(^|[ \t])(#[^\r\n]*)/gm)) {
    const start = match.index + match[1].length;
    if (spans.some(([from, to]) => start >= from && start < to)) continue;
    comments.push(match[2]);
  }
  return comments;
}

function errorCounts(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return counts;
}

/** Applies `fix` and checks what every fix promises. */
function checkFix(name: string, text: string, findings: Finding[], finding: Finding, fix: Fix, around?: Around): void {
  const output = applyEdits(text, fix.edits);
  const where = `${name}: ${finding.code} "${fix.title}"`;
  const parsed = parseManifest(output);
  assert.deepEqual(parsed.syntaxProblems.filter((problem) => problem.severity === 'error').map((problem) => problem.message), [], `${where} broke the YAML:\n${output}`);
  const kept = commentsOutside(text, fix.edits.map((edit) => edit.span));
  const after = commentsOutside(output, []);
  for (const comment of kept) assert.ok(after.includes(comment), `${where} lost the comment ${comment}`);
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(output), `${where} wrote a bare \\n into a CRLF file`);
  const again = findingsOf(output, around);
  const before = findings.filter((candidate) => candidate.code === finding.code).length;
  const remaining = again.filter((candidate) => candidate.code === finding.code).length;
  assert.ok(remaining < before, `${where}: the finding is still there (${before} -> ${remaining}):\n${output}`);
  const oldErrors = errorCounts(findings);
  for (const [code, count] of errorCounts(again)) {
    if (code === finding.code) continue;
    assert.ok(count <= (oldErrors.get(code) ?? 0), `${where} introduced a ${code} error:\n${JSON.stringify(again.filter((f) => f.code === code).map((f) => f.message))}\n${output}`);
  }
}

function fixtureTexts(): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')).sort()) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    texts.push([file, text], [`${file} (CRLF)`, text.replace(/\n/g, '\r\n')]);
  }
  return texts;
}

describe('every offered fix', () => {
  for (const [name, text] of fixtureTexts()) {
    it(`${name}: each fix parses, keeps the comments, and removes its finding`, () => {
      const findings = findingsOf(text);
      const fixes = findings.flatMap((finding) => (finding.fixes ?? []).map((fix) => [finding, fix] as const));
      assert.ok(fixes.length >= 8, `the fixture should exercise many fixes, it offers ${fixes.length}`);
      for (const [finding, fix] of fixes) {
        checkFix(name, text, findings, finding, fix);
        exercised.add(finding.code);
      }
    });

    it(`${name}: fixing everything at once (repeated) converges to valid YAML without fixable errors`, () => {
      let current = text;
      for (let pass = 0; pass < 10; pass++) {
        const fixes = findingsOf(current).flatMap((finding) => chosenFix(finding) ?? []);
        const { edits, applied } = combineFixes(fixes);
        if (applied === 0) break;
        current = applyEdits(current, edits);
        assert.deepEqual(parseManifest(current).syntaxProblems.filter((problem) => problem.severity === 'error'), [], `pass ${pass} broke the YAML:\n${current}`);
      }
      const left = findingsOf(current).filter((finding) => finding.fixes?.length);
      assert.deepEqual(left.map((finding) => `${finding.code}: ${finding.message}`), []);
      for (const comment of commentsOutside(text, [])) {
        if (/ships logs|one at a time|typo|upper case|the server|must start|sidecar that/.test(comment)) assert.ok(current.includes(comment), `lost ${comment}`);
      }
    });
  }
});

describe('every offered fix, with the workspace around the file (cross-resource rules)', () => {
  const files: Record<string, string> = {};
  for (const file of readdirSync(WORKSPACE).filter((name) => name.endsWith('.yaml')).sort()) files[file] = readFileSync(join(WORKSPACE, file), 'utf8');
  for (const crlf of [false, true]) {
    const variant = crlf ? Object.fromEntries(Object.entries(files).map(([file, text]) => [file, text.replace(/\n/g, '\r\n')])) : files;
    for (const [name, text] of Object.entries(variant)) {
      it(`workspace/${name}${crlf ? ' (CRLF)' : ''}: each fix parses, keeps the comments, and removes its finding`, () => {
        const around = { files: variant, name };
        const findings = findingsOf(text, around);
        const fixes = findings.flatMap((finding) => (finding.fixes ?? []).map((fix) => [finding, fix] as const));
        assert.ok(fixes.length >= 3, `the fixture should exercise several fixes, it offers ${fixes.length}`);
        for (const [finding, fix] of fixes) {
          checkFix(`workspace/${name}`, text, findings, finding, fix, around);
          exercised.add(finding.code);
        }
      });
    }
  }
});

describe('fix coverage', () => {
  it('every rule marked fixable offers a fix somewhere in the fixtures, and every rule offering one is marked fixable', () => {
    const fixable = RULES.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id);
    assert.deepEqual(fixable.filter((id) => !exercised.has(id)), [], 'fixable rules no fixture exercises');
    const ruleIds = new Set(RULES.map((rule) => rule.meta.id));
    assert.deepEqual([...exercised].filter((id) => ruleIds.has(id) && !fixable.includes(id)), [], 'rules offering fixes without meta.fixable');
  });
});
