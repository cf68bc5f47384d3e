import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openManifest, podlabDiagnostics, sleep, waitForDiagnostics, workspaceFile } from './support';

describe('.podlab.yaml in the workspace', () => {
  after(closeAllEditors);

  it('changes the diagnostics of the files under it, and a change to it applies at once', async () => {
    const { document } = await openManifest('configured/pod.yaml');
    const imageTag = (list: vscode.Diagnostic[]) => list.find((d) => codeOf(d) === 'image-tag');
    const diagnostics = await waitForDiagnostics(document.uri, (list) => imageTag(list) !== undefined);
    assert.equal(imageTag(diagnostics)!.severity, vscode.DiagnosticSeverity.Error, 'image-tag is a warning unless .podlab.yaml says error');

    const config = workspaceFile('configured/.podlab.yaml');
    const original = await vscode.workspace.fs.readFile(config);
    try {
      await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  image-tag: off\n'));
      await waitForDiagnostics(document.uri, (list) => imageTag(list) === undefined);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitForDiagnostics(document.uri, (list) => imageTag(list)?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('leaves the files its ignore globs name without diagnostics', async () => {
    const { document } = await openManifest('configured/pod.yaml');
    await waitForDiagnostics(document.uri, (list) => list.length > 0);
    const ignored = await openManifest('configured/ignored.yaml');
    // The same mistakes in a file that is not ignored are diagnosed well within this.
    await sleep(2_000);
    assert.deepEqual(podlabDiagnostics(ignored.document.uri).map((d) => d.message), []);
  });
});
