// `npm test`: every layer of checks in order, each under a time limit, with its output shown as it runs, then a
// table of layers and one last line `N passed, N failed` summed over all of them (scripts/layer-runner.mjs).
// Usage: node scripts/test-all.mjs [--only layer,layer] [--from layer]
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, repoRoot } from './code-server.mjs';
import { runLayers } from './layer-runner.mjs';
import { codeServerPackages, ensureSystemPackages } from './system-packages.mjs';

const MAX_VSIX_BYTES = 2 * 1024 * 1024;
const minutes = (n) => n * 60_000;

/**
 * name, command, time limit (a few times the layer's usual duration; PODLAB_TEST_TIME_SCALE=2 doubles them all on a
 * slow machine), whether it is a mocha run, the layers it needs to have passed, an extra check, the Debian packages
 * it needs (scripts/system-packages.mjs installs them first), and whether it runs in code-server (installed on first
 * use; its packages are added).
 */
const layers = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'], limit: minutes(5) },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], limit: minutes(5) },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], limit: minutes(2) },
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'], limit: minutes(15), mocha: true, system: ['chromium'] },
  { name: 'lsp', command: ['npm', 'run', '--silent', 'test:lsp'], limit: minutes(10), mocha: true, needs: ['build'] },
  { name: 'cli', command: ['npm', 'run', '--silent', 'test:cli'], limit: minutes(10), mocha: true, needs: ['build'] },
  { name: 'neovim', command: ['npm', 'run', '--silent', 'test:neovim'], limit: minutes(5), mocha: true, needs: ['build'], system: ['neovim'] },
  { name: 'grammar', command: ['npm', 'run', '--silent', 'test:grammar'], limit: minutes(5), mocha: true, codeServer: true },
  { name: 'package', command: ['npm', 'run', '--silent', 'package'], limit: minutes(5), check: checkVsix },
  { name: 'integration', command: ['node', 'scripts/run-integration.mjs', '--skip-build'], limit: minutes(15), mocha: true, needs: ['build'], codeServer: true, system: ['chromium'] },
  { name: 'e2e', command: ['node', 'scripts/run-e2e.mjs', '--skip-package'], limit: minutes(20), mocha: true, needs: ['package'], codeServer: true, system: ['chromium'] },
];

function checkVsix() {
  const vsix = join(repoRoot, 'out', 'podlab.vsix');
  if (!existsSync(vsix)) return `${vsix} was not produced`;
  const size = statSync(vsix).size;
  console.log(`[test-all] out/podlab.vsix: ${(size / 1024).toFixed(0)} KiB`);
  return size > MAX_VSIX_BYTES ? `out/podlab.vsix is ${size} bytes, over the 2 MB limit` : undefined;
}

function selectedLayers(argv) {
  const only = argv.indexOf('--only');
  const from = argv.indexOf('--from');
  if (only >= 0) {
    const names = argv[only + 1].split(',');
    const unknown = names.filter((name) => !layers.some((layer) => layer.name === name));
    if (unknown.length > 0) throw new Error(`unknown layer(s): ${unknown.join(', ')}`);
    return layers.filter((layer) => names.includes(layer.name));
  }
  if (from >= 0) {
    const index = layers.findIndex((layer) => layer.name === argv[from + 1]);
    if (index < 0) throw new Error(`unknown layer: ${argv[from + 1]}`);
    return layers.slice(index);
  }
  return layers;
}

/** Stops before any layer runs: says why, and keeps the last line `N passed, N failed`. */
function stopSetUp(message) {
  console.error(`[setup] ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const scale = Number(process.env.PODLAB_TEST_TIME_SCALE ?? 1) || 1;
const selected = selectedLayers(process.argv.slice(2)).map((layer) => ({
  ...layer,
  limitMs: layer.limit * scale,
  before: layer.codeServer ? ensureCodeServer : undefined,
}));

if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) stopSetUp('the npm dependencies are not installed. Run:\n\n    npm ci\n');
try {
  ensureSystemPackages([...new Set(selected.flatMap((layer) => [...(layer.system ?? []), ...(layer.codeServer ? codeServerPackages : [])]))]);
} catch (error) {
  stopSetUp(error instanceof Error ? error.message : String(error));
}
const { failed } = await runLayers(selected, { cwd: repoRoot });
process.exitCode = failed > 0 ? 1 : 0;
