import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MANIFEST_STATUS_NOTIFICATION, type ManifestStatusParams } from '../../server/src/protocol';

const CONTEXT_KEY = 'podlab.isManifest';

/**
 * Keeps the `podlab.isManifest` context key true while the active editor shows a Kubernetes manifest.
 * The server decides what is a manifest (the client never parses YAML) and says so per document.
 */
export function trackManifestContext(context: vscode.ExtensionContext, client: LanguageClient): void {
  const manifests = new Set<string>();
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, uri !== undefined && manifests.has(uri));
  };
  context.subscriptions.push(
    client.onNotification(MANIFEST_STATUS_NOTIFICATION, (params: ManifestStatusParams) => {
      if (params.isManifest) manifests.add(params.uri);
      else manifests.delete(params.uri);
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((document) => {
      manifests.delete(document.uri.toString());
    }),
  );
}
