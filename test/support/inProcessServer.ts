/**
 * The Podlab server in this process, on a real JSON-RPC connection pair (vscode-jsonrpc over in-memory streams):
 * requests go through the same handlers, serialisation and capability checks as over stdio, without a build or a
 * child process. The spawned-server tests (test/lsp) stay for the process and the protocol itself.
 */
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createServer, type PodlabServer } from '../../server/src/lsp/createServer';

/** `text` with its one `|` removed, and the position the `|` marked. */
export function caret(text: string): { text: string; position: Position } {
  const at = text.indexOf('|');
  if (at < 0 || text.indexOf('|', at + 1) >= 0) throw new Error(`a caret fixture holds exactly one |:\n${text}`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text: before + text.slice(at + 1), position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
}

export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    completion: { completionItem: { snippetSupport: true } },
  },
};

export interface InProcessOptions {
  capabilities?: ClientCapabilities;
  /** The `podlab` section the client answers to workspace/configuration. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
}

export class InProcessClient {
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly versions = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly log: string[] = [];
  /** The methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  /** What the server answered to `initialize`. */
  initializeResult?: InitializeResult;

  private constructor(readonly connection: MessageConnection, readonly server: PodlabServer, private readonly dispose: () => void) {}

  static async start(options: InProcessOptions = {}): Promise<InProcessClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = createServer(serverConnection);
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new InProcessClient(connection, server, () => {
      connection.dispose();
      serverConnection.dispose();
      toServer.destroy();
      toClient.destroy();
    });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') client.published.set((params as PublishDiagnosticsParams).uri, params as PublishDiagnosticsParams);
      if (method === 'window/logMessage') client.log.push((params as { message: string }).message);
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'podlab' ? options.settings ?? {} : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      client.registrations.push(...params.registrations.map((registration) => registration.method));
      return null;
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens `text` as file:///podlab-in-process/<name> and resolves with its first diagnostics. */
  async open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///podlab-in-process/${name}`;
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return { uri, diagnostics: await this.diagnostics(uri) };
  }

  /** Replaces the whole text of `uri` and resolves with the new version's diagnostics. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri);
  }

  /** The diagnostics published for the current version of `uri` (waits for them). */
  async diagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.published.get(uri);
      if (published && published.version === this.versions.get(uri)) return published.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No diagnostics for ${uri} version ${this.versions.get(uri)} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.dispose();
  }
}
