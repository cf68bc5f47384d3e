// Runs test layers one after the other, each in its own process group under a time limit, and sums them up.
// Past its limit a layer's whole process tree is stopped and the layer fails with a message naming it and listing
// the processes that were still running; the next layers run as usual. The last line printed is `N passed, N failed`.
// Mocha layers count their tests (from mocha's "N passing / N failing" summary); the other layers count as one check
// each. A layer that crashes, or reports no tests, counts as a failure.
import { spawn } from 'node:child_process';
import { describeProcesses, processTree, stopProcessTree } from './process-tree.mjs';

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** Mocha's spec/epilogue summary: "  12 passing (3s)", "  1 pending", "  2 failing". */
export function parseMochaSummary(output) {
  const text = stripAnsi(output);
  const count = (word) => {
    const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return matches.length > 0 ? Number(matches[matches.length - 1][1]) : undefined;
  };
  return { passing: count('passing'), failing: count('failing'), pending: count('pending') };
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A short name for a process: its program, and the script for an interpreter ("node mocha", "sleep"). */
export function shortName({ command }) {
  const [program = '', first = ''] = command.split(' ');
  const base = (path) => path.slice(path.lastIndexOf('/') + 1);
  return /^(node|nodejs|sh|bash|python3?)$/.test(base(program)) && first && !first.startsWith('-') ? `${base(program)} ${base(first)}` : base(program);
}

/**
 * Runs a command in its own process group, echoing its output to `out`/`err`.
 * Resolves with { code, stdout, timedOut, stillRunning } where stillRunning lists the processes ({ pid, ppid, pgid,
 * command }) found when the time limit struck, all of them stopped since.
 */
export function runCommand([command, ...args], { cwd, limitMs, graceMs = 5_000, out = process.stdout, err = process.stderr } = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (out.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= '1';
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // In its own process group the command does not get the terminal's Ctrl+C: pass it on, then stop.
    const onSignal = async () => {
      await stopProcessTree(child.pid, 2_000);
      process.exit(130);
    };
    for (const name of STOP_SIGNALS) process.on(name, onSignal);
    let stdout = '';
    let timedOut = false;
    let stillRunning = [];
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      out.write(chunk);
    });
    child.stderr.on('data', (chunk) => err.write(chunk));

    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const name of STOP_SIGNALS) process.off(name, onSignal);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, stdout, timedOut, stillRunning });
    };
    const timer = limitMs === undefined ? undefined : setTimeout(async () => {
      timedOut = true;
      stillRunning = processTree(child.pid);
      await stopProcessTree(child.pid, graceMs);
      // A process that escaped the tree may still hold the output pipes open: do not wait on them for long.
      setTimeout(() => finish(child.exitCode ?? 1), 1_000).unref();
    }, limitMs);
    child.on('error', (error) => {
      stdout += `\n${error.message}`;
      finish(1);
    });
    child.on('close', (code, signal) => {
      // Whatever the layer left running in its group is stopped with it.
      const leftovers = processTree(child.pid);
      if (leftovers.length > 0) void stopProcessTree(child.pid, 1_000);
      finish(code ?? (signal ? 1 : 0));
    });
  });
}

const formatSeconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/**
 * Runs one layer: { name, command, limitMs, mocha?, check?, before? }. `before` may throw to fail the layer without
 * running it. Resolves with { passed, failed, note }.
 */
async function runLayer(layer, { cwd, graceMs, out, err, log }) {
  try {
    layer.before?.();
  } catch (error) {
    return { passed: 0, failed: 1, note: error instanceof Error ? error.message : String(error) };
  }
  const { code, stdout, timedOut, stillRunning } = await runCommand(layer.command, { cwd, limitMs: layer.limitMs, graceMs, out, err });
  if (timedOut) {
    log(`${layer.name}: TIMED OUT after ${formatSeconds(layer.limitMs)} (its limit); stopped it and these processes still running:`);
    log(`    PID    PPID  COMMAND`);
    for (const line of describeProcesses(stillRunning)) log(line);
    const summary = layer.mocha ? parseMochaSummary(stdout) : {};
    const names = [...new Set(stillRunning.map(shortName))];
    return {
      passed: summary.passing ?? 0,
      failed: (summary.failing ?? 0) + 1,
      note: `timed out after ${formatSeconds(layer.limitMs)}; still running: ${names.join(', ') || 'nothing'}`,
    };
  }
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

/**
 * Runs the layers in order, prints a table and the last line `N passed, N failed`; resolves with
 * { outcomes, passed, failed }. A layer whose `needs` failed is not run and counts as one failure.
 */
export async function runLayers(layers, { cwd, graceMs, out = process.stdout, err = process.stderr } = {}) {
  const log = (line) => out.write(`[test-all] ${line}\n`);
  const started = Date.now();
  const outcomes = [];
  for (const layer of layers) {
    out.write('\n');
    log(`━━ ${layer.name}: ${layer.command.join(' ')} (limit ${formatSeconds(layer.limitMs)})`);
    const layerStarted = Date.now();
    const unmet = (layer.needs ?? []).filter((name) => outcomes.some((o) => o.name === name && o.failed > 0));
    const outcome = unmet.length > 0
      ? { passed: 0, failed: 1, note: `not run (${unmet.join(', ')} failed)` }
      : await runLayer(layer, { cwd, graceMs, out, err, log });
    const durationMs = Date.now() - layerStarted;
    outcomes.push({ name: layer.name, ...outcome, durationMs });
    const verdict = outcome.failed > 0 ? 'FAILED' : 'ok';
    log(`━━ ${layer.name}: ${verdict} (${outcome.passed} passed, ${outcome.failed} failed) in ${formatSeconds(durationMs)}${outcome.note ? `: ${outcome.note}` : ''}`);
  }

  out.write('\n');
  log('layer         passed  failed    time  note');
  for (const o of outcomes) {
    log(`${o.name.padEnd(12)} ${String(o.passed).padStart(7)} ${String(o.failed).padStart(7)} ${formatSeconds(o.durationMs).padStart(7)}  ${o.note}`);
  }
  log(`total time ${formatSeconds(Date.now() - started)}`);
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  out.write(`${passed} passed, ${failed} failed\n`);
  return { outcomes, passed, failed };
}
