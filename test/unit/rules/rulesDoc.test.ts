import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocsUrl } from '../../../server/src/findings/docsUrl';
import { RULES } from '../../../server/src/rules';
import { NOTICES, renderRulesDoc } from '../../../server/src/analysis/rulesDoc';
import { SCHEMA_CODES } from '../../../server/src/schema/codes';

const ROOT = join(__dirname, '..', '..', '..');

describe('rule metadata and docs/rules.md', () => {
  it('docs/rules.md is what the metadata generates (run node scripts/gen-rules-doc.mjs)', () => {
    assert.equal(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'), renderRulesDoc());
  });

  it('every rule has a kebab-case id, a severity, a one-line description and its docs anchor', () => {
    const ids = new Set<string>();
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(!ids.has(meta.id), `${meta.id} twice`);
      ids.add(meta.id);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(meta.severity), meta.id);
      assert.ok(meta.description.length > 20 && !meta.description.includes('\n'), meta.id);
      assert.equal(meta.docsUrl, ruleDocsUrl(meta.id));
    }
  });

  it("each rule's peer checks are the exemption annotations' keys: a kube-linter check silences exactly the rules that name it", async () => {
    const { KUBE_LINTER_CHECKS, KUBE_SCORE_CHECKS, POLARIS_CHECKS } = await import('../../../server/src/analysis/foreignChecks');
    for (const { meta } of RULES) {
      for (const check of meta.peers?.kubeLinter ?? []) assert.ok(KUBE_LINTER_CHECKS[check].includes(meta.id), `${check} -> ${meta.id}`);
      for (const check of meta.peers?.polaris ?? []) assert.ok(POLARIS_CHECKS[check].includes(meta.id), `${check} -> ${meta.id}`);
      for (const check of meta.peers?.kubeScore ?? []) assert.ok(KUBE_SCORE_CHECKS[check].includes(meta.id), `${check} -> ${meta.id}`);
    }
    assert.deepEqual(KUBE_SCORE_CHECKS['pod-probes'], ['missing-readiness-probe', 'missing-liveness-probe']);
    const doc = renderRulesDoc();
    assert.match(doc, /\| \[`run-as-root`\]\(#run-as-root\) \| warning \| yes \| `run-as-non-root` \| `runAsRootAllowed` \| `container-security-context-user-group-id` \|/);
  });

  it('every code a diagnostic can carry has a section, so each codeDescription link lands on one', () => {
    const doc = renderRulesDoc();
    for (const id of [...RULES.map((rule) => rule.meta.id), ...SCHEMA_CODES.map((meta) => meta.id), ...NOTICES.map((notice) => notice.id)]) {
      assert.ok(doc.includes(`\n### ${id}\n`), `no section for ${id}`);
    }
  });

  it('the issue\'s rule ids all exist, and each rule has its own table of cases', () => {
    const contract = ['invalid-name', 'duplicate-name', 'invalid-port', 'invalid-port-name', 'selector-mismatch', 'invalid-restart-policy', 'undefined-volume',
      'invalid-label', 'invalid-probe', 'invalid-quantity', 'requests-exceed-limits', 'image-tag', 'missing-resources', 'missing-readiness-probe',
      'missing-liveness-probe', 'privileged', 'run-as-root', 'privilege-escalation', 'host-namespace', 'host-path', 'native-sidecar', 'single-replica',
      'service-no-match', 'service-target-port', 'pvc-not-found', 'config-ref-not-found', 'duplicate-resource'];
    const ids = RULES.map((rule) => rule.meta.id);
    for (const id of contract) assert.ok(ids.includes(id), `missing rule ${id}`);
    for (const id of ids) assert.ok(existsSync(join(__dirname, `${id}.test.ts`)), `no test/unit/rules/${id}.test.ts`);
  });
});
