import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import type { ClientSupport } from './clientSupport';
import { PREVIEW_COMMAND } from './features/codeLens';
import { FIX_ALL_KIND } from './features/fixAll';

/** What the server answers to `initialize`: code lenses only for a client that runs their command. */
export function serverCapabilities(support: ClientSupport): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      ...(support.commands.has(PREVIEW_COMMAND) ? { codeLensProvider: { resolveProvider: false } } : {}),
      completionProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'podlab', version: '0.1.0' },
  };
}
