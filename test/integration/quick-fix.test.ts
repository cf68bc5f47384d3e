import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openManifest, waitForDiagnostics } from './support';

describe('quick fix', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('changes restartPolicy to Always and the error goes away', async () => {
    const { document } = await openManifest('deployment-restart-never.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === 'invalid-restart-policy'));
    const finding = diagnostics.find((d) => codeOf(d) === 'invalid-restart-policy')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((action) => action.title);
    const fix = (actions ?? []).find((action) => action.title === 'Change restartPolicy to Always');
    assert.ok(fix, `no "Change restartPolicy to Always" among ${JSON.stringify(titles)}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is ${fix.kind?.value}`);
    assert.ok(fix.edit || fix.command, 'the quick fix carries neither an edit nor a command');

    const before = document.getText();
    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    assert.equal(document.getText(), before.replace('restartPolicy: Never', 'restartPolicy: Always'), 'the fix changed more than the value');
    await waitForDiagnostics(document.uri, (list) => !list.some((d) => codeOf(d) === 'invalid-restart-policy'));
  });
});
