import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../server/src/findings/finding';
import { applyEdits } from '../rules/ruleTester';
import { analyzeWorkspace, describeFindings } from './analyzeWorkspace';

// The sample manifests `npm start` opens: analysed together, as the server sees the folder.
const examples = join(__dirname, '..', '..', '..', 'examples');
const MISTAKES = 'mistakes.yaml';

const validKinds: Record<string, string[]> = {
  'pod.yaml': ['Pod'],
  'deployment-service.yaml': ['Deployment', 'Service'],
  'native-sidecar-pod.yaml': ['Pod'],
  'pvc-pod.yaml': ['PersistentVolumeClaim', 'Pod'],
  'job.yaml': ['Job'],
  'cronjob.yaml': ['CronJob'],
};

/** What mistakes.yaml shows: each MISTAKE comment's finding, the text it marks, and that a quick fix exists. */
const expectedMistakes: Array<{ code: string; severity: Finding['severity']; at: string }> = [
  { code: 'selector-mismatch', severity: 'error', at: 'app.kubernetes.io/component: frontend' },
  { code: 'image-tag', severity: 'warning', at: 'nginx:latest' },
  { code: 'missing-readiness-probe', severity: 'warning', at: 'web' },
  { code: 'invalid-quantity', severity: 'error', at: '128MB' },
  { code: 'undefined-volume', severity: 'error', at: 'cahce' },
  { code: 'service-target-port', severity: 'warning', at: 'web' },
  { code: 'invalid-restart-policy', severity: 'error', at: 'Always' },
];
/** Shown alongside a mistake, below warning severity; the MISTAKE comments mention them but do not count them. */
const NOTES = new Set(['missing-liveness-probe', 'run-as-root', 'privilege-escalation']);

const texts = Object.fromEntries(readdirSync(examples).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(examples, f), 'utf8')]));
const analyzed = analyzeWorkspace(texts);

describe('examples/', () => {
  it('holds the valid sample manifests and the one with deliberate mistakes', () => {
    assert.deepEqual(Object.keys(texts).sort(), [...Object.keys(validKinds), MISTAKES].sort());
  });

  for (const [name, kinds] of Object.entries(validKinds)) {
    it(`${name} is valid: no syntax problems, no errors and no warnings`, () => {
      const { file, findings } = analyzed[name];
      assert.deepEqual(file.syntaxProblems, []);
      assert.deepEqual(file.resources.map((r) => r.kind), kinds);
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious, [], `${name}:\n${describeFindings(texts[name], serious)}`);
    });
  }

  it('native-sidecar-pod.yaml has a native sidecar (an init container with restartPolicy Always)', () => {
    const pod = analyzed['native-sidecar-pod.yaml'].file.resources[0].object as { spec: { initContainers: Array<{ name: string; restartPolicy?: string }> } };
    assert.deepEqual(pod.spec.initContainers.map((c) => [c.name, c.restartPolicy]), [['prepare', undefined], ['log-shipper', 'Always']]);
  });

  describe(MISTAKES, () => {
    const text = texts[MISTAKES];
    const { file, findings } = analyzed[MISTAKES];
    const shown = findings.filter((f) => !NOTES.has(f.code));
    const where = (f: Finding) => ({ code: f.code, severity: f.severity, at: text.slice(f.span[0], f.span[1]) });

    it('is valid YAML whose every MISTAKE comment is one finding, and nothing else is reported above a note', () => {
      assert.deepEqual(file.syntaxProblems, []);
      assert.equal(text.match(/# MISTAKE:/g)?.length, expectedMistakes.length, 'one MISTAKE comment per expected finding');
      const sortKey = (m: { code: string; at: string }) => `${m.code} ${m.at}`;
      assert.deepEqual(shown.map(where).sort((a, b) => sortKey(a).localeCompare(sortKey(b))), [...expectedMistakes].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
        describeFindings(text, findings));
      assert.ok(findings.every((f) => !NOTES.has(f.code) || f.severity === 'information' || f.severity === 'hint'));
    });

    it('each finding sits below its MISTAKE comment', () => {
      for (const finding of shown) {
        const before = text.slice(0, finding.span[0]);
        const comment = before.lastIndexOf('# MISTAKE:');
        assert.ok(comment >= 0, `${finding.code}: no MISTAKE comment before it`);
        const between = before.slice(comment).split('\n').slice(1).filter((line) => !/^\s*#/.test(line));
        assert.ok(between.length <= 2, `${finding.code} at ${JSON.stringify(where(finding).at)} is ${between.length} lines below its comment`);
      }
    });

    for (const mistake of expectedMistakes) {
      it(`the preferred quick fix for ${mistake.code} removes it without a new error`, () => {
        const finding = shown.find((f) => f.code === mistake.code)!;
        const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
        assert.ok(fix, `${mistake.code} offers a quick fix`);
        const fixed = applyEdits(text, fix.edits);
        const after = analyzeWorkspace({ ...texts, [MISTAKES]: fixed })[MISTAKES].findings;
        assert.equal(after.filter((f) => f.code === mistake.code).length, findings.filter((f) => f.code === mistake.code).length - 1, `${fix.title}:\n${describeFindings(fixed, after)}`);
        const errorsBefore = findings.filter((f) => f.severity === 'error' && f.code !== mistake.code).map((f) => f.code).sort();
        assert.deepEqual(after.filter((f) => f.severity === 'error' && f.code !== mistake.code).map((f) => f.code).sort(), errorsBefore, fix.title);
      });
    }
  });
});
