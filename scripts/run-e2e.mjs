// Runs the end-to-end tests (test/e2e) with mocha: they install the packaged .vsix into
// code-server and drive VS Code's UI in Chromium. Packages the extension first unless
// --skip-package is given. Screenshots go to test-results/e2e/.
// Usage: node scripts/run-e2e.mjs [--skip-package] [extra mocha arguments]
import { spawnSync } from 'node:child_process';
import { repoRoot } from './code-server.mjs';
import { chromiumPath } from './chromium.mjs';

const args = process.argv.slice(2);
const skipPackage = args.includes('--skip-package');
const mochaArgs = args.filter((arg) => arg !== '--skip-package');

try {
  chromiumPath();
} catch (error) {
  // Not a skip: the run fails and says how to get the browser.
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  console.log('\n  0 passing\n  1 failing\n');
  process.exit(1);
}

if (!skipPackage) {
  console.log('[e2e] packaging the extension (npm run package)');
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
}

const result = spawnSync(
  process.execPath,
  [
    'node_modules/mocha/bin/mocha.js',
    '--import=tsx',
    '--timeout', '120000',
    '--slow', '10000',
    'test/e2e/**/*.test.ts',
    ...mochaArgs,
  ],
  { cwd: repoRoot, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
