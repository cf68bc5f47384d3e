// Runs the integration suite inside a real VS Code extension host: code-server serves
// VS Code, headless Chromium opens it with the development payload (the extension under
// development + the bundled tests), and the tests write their result to a file we wait for.
// Usage: node scripts/run-integration.mjs [--skip-build] [--timeout <seconds>] [--keep]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIntegrationTests } from './build-integration-tests.mjs';
import { launchChromium } from './chromium.mjs';
import { repoRoot, startCodeServer } from './code-server.mjs';
import { printIntegrationResult } from './integration-result.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const keep = args.includes('--keep');
const timeoutIndex = args.indexOf('--timeout');
const timeoutMs = (timeoutIndex >= 0 ? Number(args[timeoutIndex + 1]) : 240) * 1000;
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');

function log(message) {
  console.log(`[integration] ${message}`);
}

async function waitForFile(file, deadline, isAborted) {
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      try {
        return JSON.parse(text);
      } catch {
        // still being written
      }
    }
    const abort = isAborted();
    if (abort) throw new Error(abort);
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

async function main() {
  const started = Date.now();
  if (!skipBuild) {
    log('building the extension (npm run build)');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(repoRoot, bundle))) throw new Error(`${bundle} is missing: run npm run build`);
  }
  const testsEntry = await buildIntegrationTests();

  const scratch = mkdtempSync(join(tmpdir(), 'podlab-integration-'));
  const workspace = join(scratch, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  const resultFile = join(scratch, 'result.json');

  const server = await startCodeServer({ env: { PODLAB_TEST_RESULT_FILE: resultFile }, keepTempDirs: keep });
  log(`code-server ${server.url} (pid ${server.pid}) up after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const browser = await launchChromium();
  const consoleErrors = [];
  let crashed = '';
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('crash', () => {
      crashed = 'the browser page crashed';
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
      ['extensionTestsPath', server.remoteUri(testsEntry)],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    log('workbench loaded; waiting for the extension host to run the tests');

    const result = await waitForFile(resultFile, Date.now() + timeoutMs, () => (server.child.exitCode !== null ? 'code-server exited' : crashed));
    if (!result) {
      await page.screenshot({ path: join(repoRoot, 'test-results', 'integration', 'timeout.png') }).catch(() => undefined);
      throw new Error(`no test result after ${timeoutMs / 1000}s (see test-results/integration/timeout.png)`);
    }
    printIntegrationResult(result);
    log(`finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return result.failures === 0 && result.passes > 0 ? 0 : 1;
  } catch (error) {
    console.error(`[integration] ${error instanceof Error ? error.message : error}`);
    if (consoleErrors.length > 0) console.error(`[integration] browser console errors:\n  ${consoleErrors.slice(-20).join('\n  ')}`);
    const logText = existsSync(server.logFile) ? readFileSync(server.logFile, 'utf8') : '';
    console.error(`[integration] code-server log (tail):\n${logText.slice(-3000)}`);
    // One failure so the summary counts a run that could not report.
    console.log('\n  0 passing\n  1 failing\n');
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!keep) rmSync(scratch, { recursive: true, force: true });
    else log(`kept ${scratch} and ${server.root}`);
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`[integration] ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  console.log('\n  0 passing\n  1 failing\n');
  return 1;
});
