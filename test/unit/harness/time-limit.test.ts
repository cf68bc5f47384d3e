import * as assert from 'node:assert/strict';
import { runCommand, runLayers } from '../../../scripts/layer-runner.mjs';
import { processTree } from '../../../scripts/process-tree.mjs';

/** Collects what the runner prints instead of showing it. */
function sink(): { write(chunk: string | Uint8Array): boolean; text(): string } {
  let text = '';
  return { write: (chunk) => { text += chunk.toString(); return true; }, text: () => text };
}

function isRunning(pid: number): boolean {
  return processTree(pid).some((p) => p.pid === pid);
}

describe('test-all: every layer runs under a time limit', () => {
  it('stops a command past its limit, with every process it started, and says which were still running', async () => {
    const started = Date.now();
    const result = await runCommand(['bash', '-c', 'sleep 31 & sleep 32; echo never'], { limitMs: 300, graceMs: 1_000, out: sink(), err: sink() });
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal(result.timedOut, true);
    assert.deepEqual(result.stillRunning.map((p) => p.command).sort(), ['bash -c sleep 31 & sleep 32; echo never', 'sleep 31', 'sleep 32']);
    for (const p of result.stillRunning) assert.equal(isRunning(p.pid), false, `${p.command} (${p.pid}) still runs`);
    assert.doesNotMatch(result.stdout, /never/);
  });

  it('kills what ignores SIGTERM once the grace period is over', async () => {
    const started = Date.now();
    const result = await runCommand(['bash', '-c', "trap '' TERM; sleep 33 & wait"], { limitMs: 200, graceMs: 500, out: sink(), err: sink() });
    assert.equal(result.timedOut, true);
    assert.ok(Date.now() - started >= 700, 'waited out the grace period first');
    for (const p of result.stillRunning) assert.equal(isRunning(p.pid), false, `${p.command} (${p.pid}) still runs`);
  });

  it('leaves a command that ends in time alone: its exit code and output', async () => {
    const result = await runCommand(['bash', '-c', 'echo done; exit 3'], { limitMs: 10_000, out: sink(), err: sink() });
    assert.deepEqual({ ...result, stillRunning: result.stillRunning.length }, { code: 3, stdout: 'done\n', timedOut: false, stillRunning: 0 });
  });

  it('fails a hung layer by name and still runs and counts the layers after it', async () => {
    const out = sink();
    const { outcomes, passed, failed } = await runLayers(
      [
        { name: 'hangs', command: ['bash', '-c', 'echo "  2 passing"; sleep 34; true'], limitMs: 300, mocha: true },
        { name: 'after', command: ['bash', '-c', 'echo "  3 passing"'], limitMs: 10_000, mocha: true },
      ],
      { graceMs: 500, out, err: sink() },
    );
    assert.deepEqual(outcomes.map((o) => [o.name, o.passed, o.failed]), [['hangs', 2, 1], ['after', 3, 0]]);
    assert.match(outcomes[0].note, /^timed out after 0\.3s; still running: bash, sleep$/);
    assert.match(out.text(), /hangs: TIMED OUT after 0\.3s \(its limit\); stopped it and these processes still running:\n.*\n.* bash -c echo " {2}2 passing"; sleep 34; true\n.* sleep 34\n/);
    assert.equal(out.text().trimEnd().split('\n').at(-1), '5 passed, 1 failed');
    assert.deepEqual([passed, failed], [5, 1]);
  });
});
