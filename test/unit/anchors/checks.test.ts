import * as assert from 'node:assert/strict';
import { applyEdits } from '../rules/ruleTester';
import { fixKeepsYamlValid } from '../../../server/src/parse/fixKeepsYaml';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { ANCHOR_CASES, ISSUE_EXAMPLE } from './cases';
import { expanded, findingsOf, said } from './support';

describe('anchors, aliases and merge keys through the schema and every rule', () => {
  for (const testCase of ANCHOR_CASES) {
    describe(`${testCase.rule}: ${testCase.name}`, () => {
      const text = testCase.text;
      const file = parseManifest(text);
      const findings = findingsOf(text);
      const own = findings.filter((finding) => finding.code === testCase.rule);

      it('says what it says on the same manifest written without aliases', () => {
        assert.deepEqual(file.syntaxProblems.filter((problem) => problem.severity === 'error'), []);
        assert.deepEqual(said(findings), said(findingsOf(expanded(text))));
      });

      it(testCase.silent ? 'reports nothing (no false finding)' : 'reports it', () => {
        if (testCase.silent) assert.deepEqual(own.map((finding) => finding.message), []);
        else assert.ok(own.length > 0, `no ${testCase.rule} among ${JSON.stringify(said(findings))}`);
      });

      if (testCase.atAlias) {
        it('points at the alias, with the anchor as related information', () => {
          const uses = file.aliasUses ?? [];
          const atAlias = own.filter((finding) => uses.some((use) => finding.span[0] >= use.span[0] && finding.span[1] <= use.span[1]));
          assert.ok(atAlias.length > 0, `none at an alias: ${JSON.stringify(own.map((finding) => text.slice(...finding.span)))}`);
          for (const finding of atAlias) {
            assert.match(text.slice(...finding.span), /^\*[\w-]+$/);
            const use = uses.find((site) => finding.span[0] >= site.span[0] && finding.span[1] <= site.span[1])!;
            assert.deepEqual(finding.related?.map((related) => related.span), [use.anchorSpan]);
            assert.match(finding.related![0].message, new RegExp(`&${use.anchor}\\b`));
            assert.ok(text.slice(0, use.anchorSpan[0]).trimEnd().endsWith(`&${use.anchor}`), 'the related span is the anchored node');
          }
        });
      }

      it('offers only fixes that keep the YAML valid, and says when one changes a shared anchor', () => {
        const uses = file.aliasUses ?? [];
        // What the editor is offered: the store drops the fixes that fixKeepsYamlValid refuses.
        for (const fix of findings.flatMap((finding) => finding.fixes ?? []).filter((candidate) => fixKeepsYamlValid(file, candidate))) {
          const after = parseManifest(applyEdits(text, fix.edits));
          assert.deepEqual(after.syntaxProblems.filter((problem) => problem.severity === 'error'), [], `${fix.title} breaks the document`);
          const inAnchor = uses.find((use) => fix.edits.some((edit) => edit.span[0] >= use.anchorSpan[0] && edit.span[1] <= use.anchorSpan[1]));
          if (inAnchor) assert.match(fix.title, /\(changes the anchor &[\w-]+, shared by \d+ alias(es)?\)$/);
          else assert.doesNotMatch(fix.title, /changes the anchor/);
        }
      });
    });
  }
});

describe('the example of issue 11', () => {
  it('gives no error: the selector and the merged image are read through their aliases', () => {
    const findings = findingsOf(ISSUE_EXAMPLE);
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message), []);
    assert.deepEqual(findings.map((finding) => finding.code).sort(), ['missing-resources', 'missing-resources', 'privilege-escalation', 'privilege-escalation', 'run-as-root', 'run-as-root']);
  });

  it('fixes on the anchored container say that the merged one changes too; fixes on the merged one stay local', () => {
    const findings = findingsOf(ISSUE_EXAMPLE).filter((finding) => finding.code === 'missing-resources');
    const [api, worker] = findings.map((finding) => finding.fixes![0]);
    assert.equal(api.title, 'Add resource requests (cpu 100m, memory 128Mi, memory limit 128Mi); adjust to the app (changes the anchor &base, shared by 1 alias)');
    assert.doesNotMatch(worker.title, /anchor/);
    const fixed = applyEdits(ISSUE_EXAMPLE, worker.edits);
    assert.ok(fixed.includes('        - <<: *base\n          name: worker\n          resources:\n'), fixed);
    assert.equal(findingsOf(fixed).filter((finding) => finding.code === 'missing-resources').length, 1);
  });

  it('a fix that would remove an anchor its aliases need is refused', () => {
    const text = ANCHOR_CASES.find((testCase) => testCase.rule === 'host-namespace')!.text;
    const fixes = findingsOf(text).flatMap((finding) => finding.fixes ?? []);
    const removeAnchor = fixes.find((fix) => fix.title === 'Remove hostNetwork')!;
    assert.equal(fixKeepsYamlValid(parseManifest(text), removeAnchor), false);
    assert.equal(fixKeepsYamlValid(parseManifest(text), fixes.find((fix) => fix.title === 'Remove hostPID')!), true);
  });

  it('a fix removing a label from a shared selector alias edits the anchor', () => {
    const text = ANCHOR_CASES.find((testCase) => testCase.name.startsWith('a selector alias'))!.text;
    const finding = findingsOf(text).find((candidate) => candidate.code === 'selector-mismatch')!;
    const fix = finding.fixes!.find((candidate) => candidate.title.startsWith('Remove tier'))!;
    assert.equal(fix.title, 'Remove tier from the selector (changes the anchor &labels, shared by 1 alias)');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('  labels: &labels {app: shop}\n'), fixed);
    assert.deepEqual(findingsOf(fixed).filter((candidate) => candidate.code === 'selector-mismatch'), []);
  });
});
