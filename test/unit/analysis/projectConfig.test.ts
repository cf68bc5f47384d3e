import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isIgnoredBy, parseProjectConfig, ProjectConfigs, withProjectConfig } from '../../../server/src/analysis/projectConfig';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

describe('.podlab.yaml', () => {
  it('reads kubernetesVersion, rules and ignore', () => {
    const config = parseProjectConfig('kubernetesVersion: 1.30\nrules:\n  image-tag: off\nignore: vendor/\n', '/repo/.podlab.yaml');
    assert.deepEqual([config.kubernetesVersion, config.rules, config.ignore, config.problems], ['1.30', { 'image-tag': 'off' }, ['vendor/'], []]);
    assert.deepEqual(withProjectConfig({ ...DEFAULT_SETTINGS, rules: { 'image-tag': 'error', privileged: 'hint' } }, config).rules, { 'image-tag': 'off', privileged: 'hint' });
  });

  const mistakes: Array<[string, RegExp]> = [
    ['rules: [image-tag]', /rules must be a map/],
    ['rules: {image-tag: loud}', /rules\.image-tag: "loud" is not one of/],
    ['kubernetesVersion: v1', /kubernetesVersion must look like "1\.33"/],
    ['ignore: {a: b}', /ignore must be a list of globs/],
    ['exclude: [a]', /unknown key "exclude"/],
    ['- a list', /expected a map/],
    ['rules: {a: [', /not valid YAML/],
  ];
  for (const [text, problem] of mistakes) {
    it(`says what is wrong with "${text}", never throws`, () => {
      const { problems } = parseProjectConfig(text, '/repo/.podlab.yaml');
      assert.ok(problems.some((p) => problem.test(p)), problems.join('; '));
    });
  }

  it('ignore globs: relative to the file, a folder covers what is under it, a bare name matches at any depth', () => {
    const config = parseProjectConfig('ignore: [vendor/, "*.gen.yaml", charts/**/templates/*.yaml]\n', '/repo/.podlab.yaml');
    const ignored = (file: string) => isIgnoredBy(config, file);
    assert.ok(ignored('/repo/vendor/a/b.yaml'));
    assert.ok(ignored('/repo/deep/x.gen.yaml'));
    assert.ok(ignored('/repo/charts/web/templates/d.yaml'));
    assert.ok(!ignored('/repo/app/vendor.yaml'));
    assert.ok(!ignored('/elsewhere/vendor/a.yaml'));
  });

  it('the nearest file above applies, and the search stops at the given folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'podlab-config-'));
    try {
      mkdirSync(path.join(root, 'ws', 'a', 'b'), { recursive: true });
      writeFileSync(path.join(root, '.podlab.yaml'), 'rules: {image-tag: off}\n');
      writeFileSync(path.join(root, 'ws', 'a', '.podlab.yaml'), 'rules: {image-tag: hint}\n');
      const configs = new ProjectConfigs();
      assert.equal(configs.forFile(path.join(root, 'ws', 'a', 'b', 'x.yaml'))?.file, path.join(root, 'ws', 'a', '.podlab.yaml'));
      assert.equal(configs.forFile(path.join(root, 'ws', 'y.yaml'))?.file, path.join(root, '.podlab.yaml'));
      assert.equal(configs.forFile(path.join(root, 'ws', 'y.yaml'), path.join(root, 'ws')), undefined, 'nothing above the workspace folder');
      assert.equal(configs.forFile(path.join(root, 'ws', 'a', 'b', 'x.yaml'), path.join(root, 'ws', 'a', 'b')), undefined, 'only the file\'s own folder');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
