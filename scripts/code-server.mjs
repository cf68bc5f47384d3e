// Starts and stops code-server (VS Code in the browser) for tests and `npm start`:
// a free loopback port, fresh temporary user-data and extensions folders, and
// shutdown by PID together with every process it spawned.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stopProcessTree } from './process-tree.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerDir = process.env.PODLAB_CODE_SERVER_DIR ?? join(repoRoot, '.vscode-test', 'code-server');
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');

const defaultUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export function assertCodeServerInstalled() {
  if (!existsSync(codeServerBin)) {
    throw new Error(`code-server is not installed at ${codeServerBin}. Run: npm run install-code-server`);
  }
}

/** Installs code-server into the cache with scripts/install-code-server.sh (one line of progress) when it is not there yet. */
export function ensureCodeServer() {
  if (existsSync(codeServerBin)) return;
  execFileSync(join(repoRoot, 'scripts', 'install-code-server.sh'), { stdio: 'inherit' });
  assertCodeServerInstalled();
}

export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function installExtension(extensionsDir, vsixPath, userDataDir) {
  ensureCodeServer();
  const args = ['--extensions-dir', extensionsDir, '--install-extension', resolve(vsixPath), '--force'];
  if (userDataDir) args.unshift('--user-data-dir', userDataDir);
  const { stdout, stderr } = await promisify(execFile)(codeServerBin, args, { timeout: 120_000 });
  const output = `${stdout}${stderr}`.trim();
  if (!/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} did not report success:\n${output}`);
  }
  return output;
}

/** Resolves once GET url answers with a status below 500, rejects after timeoutMs. */
async function waitUntilAnswering(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms (${lastError})`);
}

/**
 * Starts code-server on a free loopback port with fresh user-data and extensions folders.
 * options: { folder?, vsix?, env?, userSettings?, logFile?, timeoutMs?, port?, keepTempDirs? }
 */
export async function startCodeServer(options = {}) {
  ensureCodeServer();
  const root = mkdtempSync(join(tmpdir(), 'podlab-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...defaultUserSettings, ...options.userSettings }, null, 2),
  );

  if (options.vsix) await installExtension(extensionsDir, options.vsix, userDataDir);

  const port = options.port ?? (await findFreePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (options.folder) args.push(resolve(options.folder));

  const logFile = options.logFile ?? join(root, 'code-server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(codeServerBin, args, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const url = `http://127.0.0.1:${port}/`;
  const handle = {
    url,
    port,
    pid: child.pid,
    root,
    userDataDir,
    extensionsDir,
    logFile,
    child,
    /** A vscode-remote URI that the web workbench resolves to a path on this server. */
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${resolve(absolutePath)}`,
    stop: async () => {
      await stopProcessTree(child.pid);
      log.end();
      if (!options.keepTempDirs) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  try {
    await waitUntilAnswering(`${url}healthz`, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    await handle.stop().catch(() => undefined);
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
    throw new Error(`${error instanceof Error ? error.message : error}\n--- code-server log ---\n${tail}`, { cause: error });
  }
  return handle;
}

export { stopProcessTree };
