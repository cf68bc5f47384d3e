import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './features/fixAll';

/** What the server answers to `initialize`. */
export function serverCapabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      completionProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'podlab', version: '0.1.0' },
  };
}
