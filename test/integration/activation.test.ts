import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openManifest, podlabDiagnostics, waitForDiagnostics } from './support';

describe('activation', () => {
  after(closeAllEditors);

  it('is installed under its id and activates when a Kubernetes manifest opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const editor = await openManifest('pod.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('contributes the lifecycle preview command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('podlab.openPreview'), 'podlab.openPreview is not registered');
  });

  it('publishes no podlab errors for a valid Pod', async () => {
    const editor = await openManifest('pod.yaml');
    // An empty list is also the initial state, so wait for the server to have looked at another file first.
    const broken = await openManifest('syntax-error.yaml');
    await waitForDiagnostics(broken.document.uri, (diagnostics) => diagnostics.length > 0);
    const errors = podlabDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });
});
