import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';

const RULES_DIR = path.resolve(__dirname, '../../../server/src/rules');
/** Files of the rules folder that are not rules. */
const NOT_RULES = new Set(['index.ts', 'types.ts']);

describe('server/src/rules/index.ts against the rules folder', () => {
  const files = fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_RULES.has(entry.name)).map((entry) => entry.name);

  it('registers the rule of every file of the folder, once, and nothing else', async () => {
    const fromFiles: Rule[] = [];
    for (const file of files) fromFiles.push(((await import(path.join(RULES_DIR, file))) as { default: Rule }).default);
    assert.deepEqual(fromFiles.filter((rule) => !RULES.includes(rule)).map((rule) => rule.meta.id), [], 'files whose rule index.ts does not register');
    assert.deepEqual(RULES.filter((rule) => !fromFiles.includes(rule)).map((rule) => rule.meta.id), [], 'registered rules with no file of their own in the folder');
    assert.equal(new Set(RULES).size, RULES.length, 'a rule registered twice');
  });

  it('names each file after the id of its rule, and each rule has its own test file', async () => {
    for (const file of files) {
      const rule = ((await import(path.join(RULES_DIR, file))) as { default: Rule }).default;
      assert.equal(`${rule.meta.id}.ts`, file);
      assert.ok(fs.existsSync(path.resolve(__dirname, `${rule.meta.id}.test.ts`)), `no test/unit/rules/${rule.meta.id}.test.ts`);
    }
  });
});
