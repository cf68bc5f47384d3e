import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartingErrorHandler } from './errorHandler';
import { OPEN_PREVIEW_COMMAND, registerPreview } from './preview';
import { trackManifestContext } from './manifestContext';
import { registerTemplateCommands } from './templates/registerTemplateCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'podlab', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    outputChannelName: 'Podlab',
    // The server sends code lenses only with commands the client names as its own.
    initializationOptions: { commands: [OPEN_PREVIEW_COMMAND] },
    errorHandler: new RestartingErrorHandler(),
  };
  client = new LanguageClient('podlab', 'Podlab', serverOptions, clientOptions);
  trackManifestContext(context, client);
  registerPreview(context, client);
  registerTemplateCommands(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
