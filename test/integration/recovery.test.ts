import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, eventually, hoverText, openManifest, positionOf, waitForDiagnostics } from './support';

/** PIDs of the language servers this extension host started: processes below it that run dist/server.js. */
function serverPids(): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] }));
  const below = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (below.has(row.ppid) && !below.has(row.pid)) {
        below.add(row.pid);
        grew = true;
      }
    }
  }
  return rows.filter((row) => row.pid !== process.pid && below.has(row.pid) && /dist[\\/]server\.js/.test(row.args)).map((row) => row.pid);
}

function lifecycleTab(label: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === label);
}

describe('recovery from a language server crash', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('restarts the killed server; diagnostics, hover and the preview come back', async () => {
    const { document } = await openManifest('deployment-restart-never.yaml');
    await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === 'invalid-restart-policy'));
    const [before] = await eventually('the running language server process', () => {
      const pids = serverPids();
      return pids.length === 1 ? pids : undefined;
    });

    process.kill(before, 'SIGKILL');
    const after = await eventually(
      'a new language server process',
      () => serverPids().find((pid) => pid !== before),
      30_000,
    );
    assert.notEqual(after, before);

    // Diagnostics: an edit made after the crash is seen by the new server.
    const editor = vscode.window.activeTextEditor!;
    const value = positionOf(document, 'Never', 0);
    await editor.edit((edit) => edit.replace(new vscode.Range(value, value.translate(0, 'Never'.length)), 'Always'));
    await waitForDiagnostics(document.uri, (list) => !list.some((d) => codeOf(d) === 'invalid-restart-policy'), 30_000);

    // Hover.
    const text = await eventually('a hover from the restarted server', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, 'restartPolicy:', 3),
      );
      const joined = hoverText(hovers ?? []);
      return joined.includes('restartPolicy') ? joined : undefined;
    });
    assert.match(text, /Always/);

    // The preview asks the new server for its simulation.
    await openManifest('pod.yaml');
    await vscode.commands.executeCommand('podlab.openPreview');
    await eventually('the preview of Pod/hello', () => lifecycleTab('Lifecycle: Pod/hello'), 30_000);
  });
});
