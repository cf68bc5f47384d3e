import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openManifest } from './support';

function lifecycleTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.startsWith('Lifecycle'));
}

describe('lifecycle preview', () => {
  after(closeAllEditors);

  it('podlab.openPreview opens a webview panel beside the editor, titled after the resource', async () => {
    const editor = await openManifest('pod.yaml');
    await vscode.commands.executeCommand('podlab.openPreview');
    // The panel opens as "Lifecycle Preview" and takes the resource's name once the simulation arrives.
    const tab = await eventually('a "Lifecycle: Pod/hello" webview tab', () => lifecycleTabs().find((t) => t.label === 'Lifecycle: Pod/hello'));
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview should open beside the editor');
  });

  it('the "Preview lifecycle" code lens reaches VS Code, which names podlab.openPreview as a command it runs', async () => {
    const editor = await openManifest('pod.yaml');
    const lenses = await eventually('a code lens on pod.yaml', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(lenses.map((lens) => lens.command?.command), ['podlab.openPreview']);
    assert.deepEqual(lenses[0].command?.arguments, [editor.document.uri.toString(), 0]);
  });
});

