import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { Finding } from '../../server/src/findings/finding';
import { parseManifest } from '../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { CORPUS_DIR, corpusFiles, MEANT_TO_BE_BROKEN, REJECTED_BY_API_SERVER, unmatchedErrors } from '../support/corpus';

describe('the real-world corpus (../shared/corpus), whole analysis', function () {
  this.timeout(60_000);
  const results = new Map<string, Finding[]>();

  before(() => {
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
      results.set(file, analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw error; } }));
    }
  });

  it('has the corpus files', () => {
    assert.ok(results.size > 600, `only ${results.size} files`);
  });

  it('gives zero errors on every file meant to be valid, apart from those the API server would reject', () => {
    const offenders: string[] = [];
    for (const [file, findings] of results) {
      if (MEANT_TO_BE_BROKEN.has(file) || REJECTED_BY_API_SERVER.has(file)) continue;
      for (const finding of findings.filter((f) => f.severity === 'error')) {
        offenders.push(`${file}: ${finding.code}: ${finding.message}`);
      }
    }
    assert.deepEqual(offenders.slice(0, 30), [], `${offenders.length} errors on valid files`);
  });

  it('gives the files the API server would reject exactly their listed errors', () => {
    const mismatches: string[] = [];
    for (const [file, expected] of REJECTED_BY_API_SERVER) {
      const findings = results.get(file);
      if (!findings) {
        mismatches.push(`${file}: not in the corpus`);
        continue;
      }
      const { unexpected, missing } = unmatchedErrors(findings.filter((f) => f.severity === 'error'), expected);
      for (const error of unexpected) mismatches.push(`${file}: unexpected ${error}`);
      for (const error of missing) mismatches.push(`${file}: missing ${error}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('lists no file as rejected that EXPECTED.md already calls broken', () => {
    assert.deepEqual([...REJECTED_BY_API_SERVER.keys()].filter((file) => MEANT_TO_BE_BROKEN.has(file)), []);
  });

  it('reports the file meant to be malformed YAML', () => {
    const findings = results.get('FairwindsOps__polaris/pkg/kube/test_files/test_3/bad.yaml') ?? [];
    assert.ok(findings.some((f) => f.code === 'yaml-syntax'));
  });

  after(() => {
    const counts = new Map<string, number>();
    for (const findings of results.values()) for (const f of findings) counts.set(`${f.code} (${f.severity})`, (counts.get(`${f.code} (${f.severity})`) ?? 0) + 1);
    const table = [...counts].sort((a, b) => b[1] - a[1]).map(([code, n]) => `      ${String(n).padStart(5)}  ${code}`).join('\n');
    console.log(`    findings over ${results.size} corpus files, per code:\n${table || '      none'}`);
  });
});
