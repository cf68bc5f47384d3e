import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../server/src/settings';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** Settings that belong to the VS Code client only (the server never reads them). */
const CLIENT_ONLY = ['podlab.trace.server'];

describe('settings: one default per setting (server/src/settings.ts), copied faithfully', () => {
  const keys = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

  it('package.json declares exactly the server settings, plus the client-only ones', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).filter((key) => !CLIENT_ONLY.includes(key)).sort();
    assert.deepEqual(declared, keys.map((key) => `podlab.${key}`).sort());
  });

  for (const key of keys) {
    it(`podlab.${key}: package.json and the README give the default of settings.ts`, () => {
      assert.deepEqual(manifest.contributes.configuration.properties[`podlab.${key}`].default, DEFAULT_SETTINGS[key]);
      const row = readme.split('\n').find((line) => line.startsWith(`| \`podlab.${key}\` |`));
      assert.ok(row, `README's settings table has a row for podlab.${key}`);
      assert.equal(row.split('|')[2].trim(), `\`${JSON.stringify(DEFAULT_SETTINGS[key]).replace(/^"|"$/g, '')}\``);
    });
  }

  it('an absent or malformed section reads as the defaults', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ kubernetesVersion: 'latest', maxFileSize: -1, rules: { 'image-tag': 'loud' } }), DEFAULT_SETTINGS);
  });
});
