import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../../../scripts/system-packages.mjs');

/** Where a command is in the system's folders (not a user's shims, which another user may not reach). */
const which = (command: string): string =>
  spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8', env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } }).stdout.trim();

/** A PATH that holds only the given commands (symlinks to the real ones), so every other package looks missing. */
function pathWith(folder: string, commands: string[]): string {
  const bin = join(folder, 'bin');
  mkdirSync(bin);
  for (const command of commands) symlinkSync(which(command), join(bin, command));
  return bin;
}

/** Runs the installer as a user who is not root (as nobody, when these tests run as root). */
function runAsUser(args: string[], env: Record<string, string>) {
  const asNobody = process.getuid?.() === 0 ? [which('setpriv'), '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [command, ...rest] = [...asNobody, process.execPath, SCRIPT, ...args];
  return spawnSync(command, rest, { encoding: 'utf8', env: { HOME: tmpdir(), ...env }, timeout: 30_000 });
}

describe('set-up: system packages are installed when missing, or the exact command is given', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'podlab-setup-'));
    chmodSync(folder, 0o755);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('stops at once with the apt-get command to run when it may not install (not root, no passwordless sudo)', () => {
    const log = join(folder, 'setup.log');
    const result = runAsUser(['ripgrep', 'neovim'], { PATH: pathWith(folder, ['apt-get']), PODLAB_SETUP_LOG: log });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /missing system packages: ripgrep \(code-server's search\); neovim \(the Neovim editor tests\)/);
    assert.match(result.stderr, /\n {4}sudo apt-get update && sudo apt-get install -y ripgrep neovim\n/);
    assert.equal(existsSync(log), false, 'nothing was run');
  });

  it('without apt-get, names what is missing for another package manager', () => {
    const result = runAsUser(['build-essential'], { PATH: pathWith(folder, []), PODLAB_SETUP_LOG: join(folder, 'setup.log') });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /missing system packages: build-essential .*Install them with your system's package manager \(Debian names: build-essential\)/);
  });

  it('says nothing and does nothing when the packages are there', () => {
    const result = runAsUser(['python3'], { PATH: pathWith(folder, ['python3']), PODLAB_SETUP_LOG: join(folder, 'setup.log') });
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  });

  it('refuses a package it does not know', () => {
    const result = runAsUser(['emacs'], { PATH: pathWith(folder, []) });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /unknown system package emacs/);
  });
});
