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

  async function quickFix(document: vscode.TextDocument, code: string, title: (title: string) => boolean): Promise<vscode.CodeAction> {
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === code));
    const finding = diagnostics.find((d) => codeOf(d) === code)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions ?? []).find((action) => title(action.title));
    assert.ok(fix?.edit, `no such quick fix among ${JSON.stringify((actions ?? []).map((action) => action.title))}`);
    return fix;
  }

  // issue 11: the fix was refused by the server ("would break the YAML of the document") and never offered.
  it('creates the missing PersistentVolumeClaim in the same file, and the finding goes away', async () => {
    const { document } = await openManifest('pod-with-claim.yaml');
    const fix = await quickFix(document, 'pvc-not-found', (title) => title.startsWith('Create PersistentVolumeClaim "db-data" in this file'));
    const before = document.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    assert.ok(document.getText().startsWith(before), 'the pod is left as it was');
    assert.match(document.getText().slice(before.length), /^---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n {2}name: db-data\n/);
    await waitForDiagnostics(document.uri, (list) => !list.some((d) => codeOf(d) === 'pvc-not-found'));
  });

  it('"Pin a tag" selects the placeholder for typing, and a placeholder left in gets a warning', async () => {
    const editor = await openManifest('pod-latest.yaml');
    const fix = await quickFix(editor.document, 'image-tag', (title) => title.startsWith('Pin a tag'));
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    assert.match(editor.document.getText(), /image: nginx:PIN-A-VERSION\n/);
    assert.equal(editor.document.getText(editor.selection), 'PIN-A-VERSION', 'the placeholder is selected');
    await waitForDiagnostics(editor.document.uri, (list) => list.some((d) => codeOf(d) === 'image-tag-placeholder' && d.severity === vscode.DiagnosticSeverity.Warning));
  });
});
