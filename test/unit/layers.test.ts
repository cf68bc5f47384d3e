import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');

/** The messages of `no-restricted-imports` for `code` as if it were the file `filePath` (relative to the repo). */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer boundaries (eslint.config.mjs, as `npm run lint` applies them)', function () {
  this.timeout(60_000);

  const wrongWay: Array<[file: string, source: string]> = [
    ['server/src/yaml/x.ts', '../findings/finding'],
    ['server/src/findings/x.ts', '../parse/model'],
    ['server/src/parse/x.ts', '../k8s/image'],
    ['server/src/parse/x.ts', '../analysis/store'],
    ['server/src/k8s/x.ts', '../settings'],
    ['server/src/workspace/x.ts', '../schema/validate'],
    ['server/src/schema/x.ts', '../rules/types'],
    ['server/src/rules/x.ts', '../analysis/analyze'],
    ['server/src/rules/support/x.ts', '../../hovers/types'],
    ['server/src/hovers/x.ts', '../rules/image-tag'],
    ['server/src/simulation/x.ts', '../parse/model'],
    ['server/src/analysis/x.ts', '../lsp/server'],
    ['client/src/x.ts', '../../server/src/analysis/store'],
    ['client/webview/x.ts', '../../server/src/parse/model'],
  ];
  for (const [file, source] of wrongWay) {
    it(`refuses ${file} importing ${source}`, async () => {
      const messages = await restrictedImports(file, `import type * as wrong from '${source}';\nexport type Wrong = typeof wrong;\n`);
      assert.equal(messages.length, 1, `expected one boundary error, got ${JSON.stringify(messages)}`);
    });
  }

  const rightWay: Array<[file: string, source: string]> = [
    ['server/src/parse/x.ts', '../yaml/nodes'],
    ['server/src/rules/x.ts', '../k8s/image'],
    ['server/src/rules/x.ts', '../workspace/view'],
    ['server/src/hovers/x.ts', '../schema/schemaAt'],
    ['server/src/analysis/x.ts', '../rules/types'],
    ['server/src/lsp/features/x.ts', '../../analysis/store'],
  ];
  for (const [file, source] of rightWay) {
    it(`lets ${file} import ${source}`, async () => {
      assert.deepEqual(await restrictedImports(file, `import type * as right from '${source}';\nexport type Right = typeof right;\n`), []);
    });
  }

  it('refuses a server file over 400 lines and a function over 80 lines, as errors', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const body = Array.from({ length: 81 }, (_, i) => `  total += ${i};`).join('\n');
    const code = `export function long(): number {\n  let total = 0;\n${body}\n  return total;\n}\n${'export const x = 1;\n'.repeat(320)}`;
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'server/src/rules/x.ts') });
    const sizes = result.messages.filter((message) => message.ruleId?.startsWith('max-lines')).map((message) => [message.ruleId, message.severity]);
    assert.deepEqual(sizes.sort(), [['max-lines', 2], ['max-lines-per-function', 2]]);
  });
});
