import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { CORPUS_DIR } from '../../support/corpus';
import { indexOf, uriOf } from './workspaceTester';

const FIXES = join(__dirname, 'fixtures', 'fixes');

function yamlIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlIn(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function backticked(findings: readonly Finding[], where: string): string[] {
  return findings.filter((finding) => finding.message.includes('`')).map((finding) => `${where}: ${finding.code}: ${finding.message}`);
}

// issue 11: diagnostic messages are plain text in every client (the rule tables check each rule's messages too,
// in ruleTester and workspaceTester); here every code, the schema's and the notices' included, over real files.
describe('diagnostic messages are plain text: no markdown backticks', function () {
  this.timeout(120_000);

  it('over the fix fixtures, alone and as a workspace, and over the shared corpus', () => {
    const offenders: string[] = [];
    for (const path of [...yamlIn(FIXES), ...yamlIn(CORPUS_DIR)]) {
      const findings = analyze(parseManifest(readFileSync(path, 'utf8')), { settings: DEFAULT_SETTINGS, onRuleFailure: (_rule, error) => { throw error; } });
      offenders.push(...backticked(findings, path));
    }
    const workspace = Object.fromEntries(yamlIn(join(FIXES, 'workspace')).map((path) => [path.split('/').pop()!, readFileSync(path, 'utf8')]));
    const index = indexOf(workspace);
    for (const [name, text] of Object.entries(workspace)) {
      const findings = analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, workspace: { uri: uriOf(name), index }, onRuleFailure: (_rule, error) => { throw error; } });
      offenders.push(...backticked(findings, `workspace/${name}`));
    }
    assert.deepEqual(offenders.slice(0, 20), [], `${offenders.length} messages with backticks`);
  });

  it('on a duplicate resource in another file', () => {
    const pod = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\ndata: {a: b}\n';
    const files = { 'a.yaml': pod, 'b.yaml': pod };
    const duplicates = analyze(parseManifest(pod), { settings: DEFAULT_SETTINGS, workspace: { uri: uriOf('a.yaml'), index: indexOf(files) }, onRuleFailure: (_rule, error) => { throw error; } });
    assert.ok(duplicates.some((finding) => finding.code === 'duplicate-resource' && finding.message.includes('b.yaml line 4')), JSON.stringify(duplicates.map((f) => f.message)));
    assert.deepEqual(backticked(duplicates, 'duplicate'), []);
  });
});
