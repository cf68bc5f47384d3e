import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, hoverText, openManifest, positionOf, waitForDiagnostics } from './support';

describe('hover', () => {
  after(closeAllEditors);

  it('explains restartPolicy when hovering its key', async () => {
    const { document } = await openManifest('deployment-restart-never.yaml');
    await waitForDiagnostics(document.uri, (list) => list.length > 0);
    const position = positionOf(document, 'restartPolicy:', 3);
    const text = await eventually('a hover mentioning restartPolicy', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const joined = hoverText(hovers ?? []);
      return joined.includes('restartPolicy') ? joined : undefined;
    });
    assert.match(text, /restartPolicy/);
    assert.match(text, /Always/);
  });
});
