// Runs the integration suite (test/integration) in desktop VS Code through @vscode/test-electron,
// which downloads VS Code into .vscode-test/ (needs internet; on machines without it, use
// scripts/run-integration.mjs, which runs the same suite in code-server).
// Usage: node scripts/run-test-electron.mjs [--skip-build] [--version stable|insiders|1.100.3]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './build-integration-tests.mjs';
import { repoRoot } from './code-server.mjs';
import { printIntegrationResult } from './integration-result.mjs';

const args = process.argv.slice(2);
const versionIndex = args.indexOf('--version');
const version = versionIndex >= 0 ? args[versionIndex + 1] : 'stable';

if (!args.includes('--skip-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
const extensionTestsPath = await buildIntegrationTests();

const scratch = mkdtempSync(join(tmpdir(), 'podlab-test-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(repoRoot, 'test', 'integration', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultFile = join(scratch, 'result.json');

let exitCode = 1;
try {
  exitCode = await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { PODLAB_TEST_RESULT_FILE: resultFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`[test-electron] ${error instanceof Error ? error.message : error}`);
}
if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  printIntegrationResult(result);
  if (result.failures > 0) exitCode = 1;
} else {
  console.log('\n  0 passing\n  1 failing\n');
  exitCode = 1;
}
rmSync(scratch, { recursive: true, force: true });
process.exit(exitCode);
