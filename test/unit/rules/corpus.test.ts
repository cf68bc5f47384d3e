import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import { POLARIS_CHECKS } from '../../../server/src/analysis/foreignChecks';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { RULES } from '../../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { REJECTED_BY_API_SERVER } from '../../support/corpus';

const CORPUS = '/work/shared/corpus';
/** Rules of other modules (cross-resource, needing the workspace) are tested with them. */
const CROSS_RESOURCE = new Set(['service-no-match', 'service-target-port', 'pvc-not-found', 'config-ref-not-found', 'duplicate-resource']);
const PER_RESOURCE = new Set(RULES.map((rule) => rule.meta.id).filter((id) => !CROSS_RESOURCE.has(id)));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/**
 * Files EXPECTED.md marks as broken: kubeconform fixtures some invocation must reject (exit 1, including the
 * strict-mode ones: an unknown or duplicate field there hides a template without labels), and the malformed YAML.
 */
function brokenFiles(): Set<string> {
  const expected = readFileSync(join(CORPUS, 'EXPECTED.md'), 'utf8');
  const broken = new Set<string>();
  for (const match of expected.matchAll(/^\| `(fixtures\/[^`]+)` \| `[^`]*` \| 1 \|/gm)) broken.add(`yannh__kubeconform/${match[1]}`);
  for (const match of expected.matchAll(/^\| `([^`]+)` \| deliberately malformed/gm)) broken.add(`FairwindsOps__polaris/${match[1]}`);
  return broken;
}

function findingsOf(text: string): Finding[] {
  return analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw new Error(`${rule.meta.id} threw: ${String(error)}`); } })
    .filter((finding) => PER_RESOURCE.has(finding.code));
}

const available = existsSync(join(CORPUS, 'EXPECTED.md'));

(available ? describe : describe.skip)('per-resource rules over the shared corpus', function () {
  this.timeout(120_000);

  it('report no Error on the files meant to be valid (and print the counts per rule)', () => {
    const broken = brokenFiles();
    assert.ok(broken.size >= 5, `EXPECTED.md should name the broken fixtures, found ${[...broken].join(', ')}`);
    const counts = new Map<string, Record<string, number>>();
    const errors: string[] = [];
    const files = yamlFiles(CORPUS);
    for (const path of files) {
      const name = relative(CORPUS, path);
      const text = readFileSync(path, 'utf8');
      for (const finding of findingsOf(text)) {
        const row = counts.get(finding.code) ?? {};
        row[finding.severity] = (row[finding.severity] ?? 0) + 1;
        counts.set(finding.code, row);
        const listed = REJECTED_BY_API_SERVER.get(name.split(/[\\/]/).join('/'))?.some(([code, part]) => code === finding.code && finding.message.includes(part));
        if (finding.severity === 'error' && !broken.has(name) && !listed) errors.push(`${name}: ${finding.code}: ${finding.message}`);
      }
    }
    const table = [...PER_RESOURCE].map((id) => `  ${id.padEnd(24)} ${JSON.stringify(counts.get(id) ?? {})}`).join('\n');
    console.log(`    findings over ${files.length} corpus files:\n${table}`);
    assert.deepEqual(errors, []);
  });

  it('catch the Polaris fixtures meant to fail, for the checks they mirror', () => {
    const root = join(CORPUS, 'FairwindsOps__polaris', 'test', 'checks');
    /** Polaris checks Podlab does not mirror on purpose, with why. */
    const notCaught: Record<string, string> = {
      readinessProbeMissing: 'the fixture container serves no port: Podlab asks for probes on containers that serve one',
      livenessProbeMissing: 'the fixture container serves no port: Podlab asks for probes on containers that serve one',
      deploymentMissingReplicas: '1 replica with the default 25% maxUnavailable rounds to 0: a rollout keeps the old pod until the new one is ready',
    };
    const report: string[] = [];
    for (const [check, ids] of Object.entries(POLARIS_CHECKS)) {
      const dir = join(root, check);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((name) => name.startsWith('failure'))) {
        const caught = findingsOf(readFileSync(join(dir, file), 'utf8')).filter((finding) => ids.includes(finding.code));
        report.push(`  ${check}/${file}: ${caught.length ? caught.map((finding) => `${finding.code} (${finding.severity})`).join(', ') : 'not reported'}`);
        if (notCaught[check]) assert.equal(caught.length, 0, `${check}/${file} is now caught: update the list`);
        else assert.ok(caught.length > 0, `${check}/${file} is not caught by ${ids.join(', ')}`);
      }
    }
    console.log(`    Polaris failure fixtures:\n${report.join('\n')}`);
  });
});
