// The Debian/Ubuntu packages that `npm test` and `npm start` need, and their installation when missing: with apt-get,
// as root or through passwordless sudo, with one line on the terminal and apt's output in test-results/setup.log.
// Where that is not possible it stops at once with the exact command to run.
// Usage: node scripts/system-packages.mjs [package ...]   (all of them by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const setupLog = process.env.PODLAB_SETUP_LOG ?? join(repoRoot, 'test-results', 'setup.log');

/** Debian package -> the commands that show it is installed, and what needs it. Add a package here, then name it in a layer. */
export const systemPackages = {
  chromium: { commands: ['chromium'], why: 'the browser of the webview, integration and end-to-end tests and of npm start' },
  ripgrep: { commands: ['rg'], why: "code-server's search" },
  'libkrb5-dev': { commands: ['krb5-config'], why: "code-server's kerberos module is built against it" },
  'build-essential': { commands: ['make', 'g++'], why: "code-server's native modules are compiled" },
  python3: { commands: ['python3'], why: "node-gyp, for code-server's native modules" },
  neovim: { commands: ['nvim'], why: 'the Neovim editor tests' },
};

/** What installing code-server (scripts/install-code-server.sh) and running it needs. */
export const codeServerPackages = ['ripgrep', 'libkrb5-dev', 'build-essential', 'python3'];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder && existsSync(join(folder, command)));
}

function isInstalled(name) {
  if (name === 'chromium' && process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return true;
  return systemPackages[name].commands.every(onPath);
}

export function missingPackages(names) {
  for (const name of names) if (!systemPackages[name]) throw new Error(`unknown system package ${name} (not in scripts/system-packages.mjs)`);
  return names.filter((name) => !isInstalled(name));
}

function canSudo() {
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Runs one command with its output appended to the set-up log; throws with the log's last lines when it fails. */
function logged(command, args) {
  appendFileSync(setupLog, `\n$ ${[command, ...args].join(' ')}   (${new Date().toISOString()})\n`);
  const fd = openSync(setupLog, 'a');
  try {
    execFileSync(command, args, { stdio: ['ignore', fd, fd] });
  } catch {
    const tail = readFileSync(setupLog, 'utf8').split('\n').slice(-15).join('\n');
    throw new Error(`${[command, ...args].join(' ')} failed; the end of ${setupLog}:\n${tail}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Installs whichever of `names` is missing, or throws an Error whose message says the exact command to run.
 * Prints one line when it installs something.
 */
export function ensureSystemPackages(names, log = (line) => console.log(line)) {
  const missing = missingPackages(names);
  if (missing.length === 0) return;
  const list = missing.join(' ');
  const needs = missing.map((name) => `${name} (${systemPackages[name].why})`).join('; ');
  if (!onPath('apt-get')) {
    throw new Error(`missing system packages: ${needs}. Install them with your system's package manager (Debian names: ${list}).`);
  }
  const root = process.getuid?.() === 0;
  if (!root && !canSudo()) {
    throw new Error(`missing system packages: ${needs}. Install them with:\n\n    sudo apt-get update && sudo apt-get install -y ${list}\n`);
  }
  const [command, ...prefix] = [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  mkdirSync(dirname(setupLog), { recursive: true });
  log(`[setup] installing ${list} with ${root ? '' : 'sudo '}apt-get (output in ${setupLog})`);
  const started = Date.now();
  logged(command, [...prefix, 'update', '-q']);
  logged(command, [...prefix, 'install', '-y', '-q', ...missing]);
  const still = missingPackages(missing);
  if (still.length > 0) throw new Error(`apt-get installed ${list}, but ${still.map((name) => systemPackages[name].commands.join('/')).join(', ')} still cannot be found on PATH`);
  log(`[setup] installed ${list} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  try {
    ensureSystemPackages(names.length > 0 ? names : Object.keys(systemPackages));
  } catch (error) {
    console.error(`[setup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
