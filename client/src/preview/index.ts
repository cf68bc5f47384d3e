// The Lifecycle Preview: command, panel restore after reload, and the editor
// events the open panel follows.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_VIEW_TYPE, PreviewPanel, previewWebviewOptions } from './previewPanel';
import { readPanelState } from './webviewMessages';

export const OPEN_PREVIEW_COMMAND = 'podlab.openPreview';

/** The command's arguments: a URI (string from a CodeLens, Uri from a menu) and a resource index. */
function readTarget(uriArg: unknown, indexArg: unknown): { uri?: vscode.Uri; resourceIndex?: number } {
  let uri: vscode.Uri | undefined;
  if (uriArg instanceof vscode.Uri) uri = uriArg;
  else if (typeof uriArg === 'string' && uriArg.length > 0) {
    try {
      uri = vscode.Uri.parse(uriArg, true);
    } catch {
      uri = undefined;
    }
  }
  const resourceIndex = typeof indexArg === 'number' && Number.isInteger(indexArg) && indexArg >= 0 ? indexArg : undefined;
  return { uri, resourceIndex };
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  let current: PreviewPanel | undefined;

  const adopt = (panel: PreviewPanel): PreviewPanel => {
    current?.dispose();
    current = panel;
    panel.onDidDispose(() => {
      if (current === panel) current = undefined;
    });
    return panel;
  };

  const open = (uriArg?: unknown, indexArg?: unknown): void => {
    const editor = vscode.window.activeTextEditor;
    const target = readTarget(uriArg, indexArg);
    const uri = target.uri ?? (editor?.document.languageId === 'yaml' ? editor.document.uri : undefined);
    const cursorLine = editor && uri && editor.document.uri.toString() === uri.toString() ? editor.selection.active.line : undefined;
    const panel = current ?? adopt(PreviewPanel.create(context.extensionUri, client));
    panel.reveal();
    panel.show(uri, { resourceIndex: target.resourceIndex, cursorLine });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, open),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, saved: unknown): Promise<void> {
        webviewPanel.webview.options = previewWebviewOptions(context.extensionUri);
        const panel = adopt(new PreviewPanel(webviewPanel, context.extensionUri, client));
        const state = readPanelState(saved);
        const restored = state ? readTarget(state.uri, state.resourceIndex) : {};
        if (state && restored.uri) {
          panel.show(restored.uri, { resourceIndex: restored.resourceIndex, scenario: state.scenario });
          return;
        }
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId === 'yaml') panel.show(editor.document.uri, { cursorLine: editor.selection.active.line });
        else panel.show(undefined);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => current?.followEditor(editor)),
    vscode.window.onDidChangeTextEditorSelection((event) => current?.cursorMoved(event.textEditor)),
    vscode.workspace.onDidChangeTextDocument((event) => current?.documentChanged(event.document)),
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) current?.serverStarted();
    }),
    { dispose: () => current?.dispose() },
  );
}
