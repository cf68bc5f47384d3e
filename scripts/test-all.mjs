// `npm test`: every layer of checks in order, with its output shown as it runs, then a table
// of layers and one last line `N passed, N failed` summed over all of them.
// Mocha layers count their tests (from mocha's "N passing / N failing" summary); the other
// layers count as one check each. A layer that crashes, or reports no tests, counts as a failure.
// Usage: node scripts/test-all.mjs [--only layer,layer] [--from layer]
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, repoRoot } from './code-server.mjs';

const MAX_VSIX_BYTES = 2 * 1024 * 1024;

/** name, command, whether it is a mocha run, the layers it needs to have passed, an extra check, whether it runs in code-server (installed on first use). */
const layers = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'], mocha: true },
  { name: 'lsp', command: ['npm', 'run', '--silent', 'test:lsp'], mocha: true, needs: ['build'] },
  { name: 'grammar', command: ['npm', 'run', '--silent', 'test:grammar'], mocha: true, codeServer: true },
  { name: 'package', command: ['npm', 'run', '--silent', 'package'], check: checkVsix },
  { name: 'integration', command: ['node', 'scripts/run-integration.mjs', '--skip-build'], mocha: true, needs: ['build'], codeServer: true },
  { name: 'e2e', command: ['node', 'scripts/run-e2e.mjs', '--skip-package'], mocha: true, needs: ['package'], codeServer: true },
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

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** Mocha's spec/epilogue summary: "  12 passing (3s)", "  1 pending", "  2 failing". */
function parseMochaSummary(output) {
  const text = stripAnsi(output);
  const count = (word) => {
    const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return matches.length > 0 ? Number(matches[matches.length - 1][1]) : undefined;
  };
  return { passing: count('passing'), failing: count('failing'), pending: count('pending') };
}

function runCommand([command, ...args]) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= '1';
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => resolve({ code: 1, stdout: `${stdout}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout }));
  });
}

async function runLayer(layer, outcomes) {
  const unmet = (layer.needs ?? []).filter((name) => outcomes.some((o) => o.name === name && o.failed > 0));
  if (unmet.length > 0) {
    console.log(`[test-all] ${layer.name}: not run because ${unmet.join(', ')} failed; counted as 1 failure`);
    return { passed: 0, failed: 1, note: `not run (${unmet.join(', ')} failed)` };
  }
  if (layer.codeServer) {
    try {
      ensureCodeServer();
    } catch (error) {
      return { passed: 0, failed: 1, note: `code-server could not be installed: ${error instanceof Error ? error.message : error}` };
    }
  }
  const { code, stdout } = await runCommand(layer.command);
  if (!layer.mocha) {
    const problem = code === 0 ? layer.check?.() : `exit code ${code}`;
    return problem ? { passed: 0, failed: 1, note: problem } : { passed: 1, failed: 0, note: '' };
  }
  const summary = parseMochaSummary(stdout);
  const passed = summary.passing ?? 0;
  let failed = summary.failing ?? 0;
  let note = summary.pending ? `${summary.pending} pending` : '';
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `crashed (exit code ${code}) without reporting failing tests`;
  } else if (code === 0 && passed === 0) {
    failed = 1;
    note = 'ran no tests';
  }
  return { passed, failed, note };
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

async function main() {
  const started = Date.now();
  const outcomes = [];
  for (const layer of selectedLayers(process.argv.slice(2))) {
    console.log(`\n[test-all] ━━ ${layer.name}: ${layer.command.join(' ')}`);
    const layerStarted = Date.now();
    const outcome = await runLayer(layer, outcomes);
    const durationMs = Date.now() - layerStarted;
    outcomes.push({ name: layer.name, ...outcome, durationMs });
    const verdict = outcome.failed > 0 ? 'FAILED' : 'ok';
    console.log(`[test-all] ━━ ${layer.name}: ${verdict} (${outcome.passed} passed, ${outcome.failed} failed) in ${formatSeconds(durationMs)}`);
  }

  console.log('\n[test-all] layer         passed  failed    time  note');
  for (const o of outcomes) {
    console.log(
      `[test-all] ${o.name.padEnd(12)} ${String(o.passed).padStart(7)} ${String(o.failed).padStart(7)} ${formatSeconds(o.durationMs).padStart(7)}  ${o.note}`,
    );
  }
  console.log(`[test-all] total time ${formatSeconds(Date.now() - started)}`);
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
