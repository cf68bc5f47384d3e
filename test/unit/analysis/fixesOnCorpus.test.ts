import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/analysis/analyze';
import { fixKeepsYamlValid } from '../../../server/src/parse/fixKeepsYaml';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { CORPUS_DIR, corpusFiles } from '../../support/corpus';

describe('fixes on the real-world corpus, before the store checks them', function () {
  this.timeout(60_000);

  it('every fix offered keeps the YAML of its document valid (the safety net in store.ts has nothing to drop)', () => {
    const breaking: string[] = [];
    let offered = 0;
    for (const name of corpusFiles()) {
      const file = parseManifest(fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8'));
      for (const finding of analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw error; } })) {
        for (const fix of finding.fixes ?? []) {
          offered++;
          if (!fixKeepsYamlValid(file, fix)) breaking.push(`${name}: ${finding.code}: ${fix.title}`);
        }
      }
    }
    assert.ok(offered > 1000, `only ${offered} fixes offered`);
    assert.deepEqual(breaking, []);
  });
});
