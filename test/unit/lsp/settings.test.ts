import * as assert from 'node:assert/strict';
import { excludeMatcher } from '../../../server/src/analysis/exclude';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/settings';

describe('settings any client can give', () => {
  it('reads podlab.exclude as a list of globs, or in the files.exclude shape', () => {
    assert.deepEqual(readSettings({ exclude: ['vendor/**', '', 3, 'charts'] }).exclude, ['vendor/**', 'charts']);
    assert.deepEqual(readSettings({ exclude: { 'vendor/**': true, 'old/**': false } }).exclude, ['vendor/**']);
    assert.deepEqual(readSettings({ exclude: 'vendor/**' }).exclude, []);
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
  });

  it('skips what podlab.exclude, files.exclude and search.exclude name, and node_modules and .git always', () => {
    const excluded = excludeMatcher(['vendor/**', 'charts'], { '**/build': true, 'docs/**': false }, null, { 'gen/**': true });
    for (const path of ['vendor/a.yaml', 'charts', 'x/build', 'gen/b.yaml', 'node_modules', 'a/.git']) assert.ok(excluded(path), path);
    for (const path of ['app/deploy.yaml', 'docs/a.yaml', 'vendors/a.yaml']) assert.ok(!excluded(path), path);
  });
});
