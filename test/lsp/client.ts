/**
 * A small LSP client for tests: spawns the built server (`node dist/server.js --stdio`) and speaks JSON-RPC to it
 * the way an editor does. It collects every publishDiagnostics so tests can wait for the one they expect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, Hover, InitializeResult, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  workspaceFolders?: string[];
  /** The server's command line; the built Podlab server by default. */
  command?: string[];
  settings?: Record<string, unknown>;
  /** What the client sends in `initialize`; by default what the VS Code client sends (its commands included). */
  initializationOptions?: unknown;
  /** The client's capabilities; by default those of VS Code that the server reads. */
  capabilities?: ClientCapabilities;
}

/** The capabilities of VS Code's client that the server reads. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
  window: { workDoneProgress: true },
};

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  private readonly versions = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  stderr = '';
  /** What the server answered to `initialize`. */
  initializeResult?: InitializeResult;

  private readonly closed: Promise<void>;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, private settings: Record<string, unknown>) {
    this.closed = new Promise((resolve) => process.once('close', () => resolve()));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const [command, ...args] = options.command ?? [process.execPath, SERVER_PATH, '--stdio'];
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new StreamMessageReader(child.stdout!);
    // vscode-jsonrpc re-arms its partial-message timer every 10 s for as long as a message stays incomplete, and
    // dispose() does not clear it: a server stopped in the middle of a message would keep this process alive forever.
    reader.partialMessageTimeout = 0;
    const connection = createMessageConnection(reader, new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const published = params as PublishDiagnosticsParams;
        client.diagnostics.set(published.uri, published);
      }
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section ? client.settings[item.section] ?? null : client.settings)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
      capabilities: options.capabilities ?? VSCODE_CAPABILITIES,
      initializationOptions: 'initializationOptions' in options ? options.initializationOptions : { commands: ['podlab.openPreview'] },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(name: string): string {
    return `file:///podlab-test/${name}`;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  async replace(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change: replaces the text between two positions. */
  async edit(uri: string, start: Position, end: Position, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Resolves with the diagnostics published for the current version of `uri`. */
  async waitForDiagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri);
      if (published && (published.version === undefined || published.version === this.version(uri))) return published.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No diagnostics for ${uri} (version ${this.version(uri)}) within ${timeoutMs} ms. Server stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Asks the server to shut down and exit; kills it if it has not exited within `graceMs`. Resolves once it and its pipes are closed. */
  async stop(graceMs = 2000): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), graceMs);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    if (!(await withTimeout(this.closed.then(() => true), graceMs))) {
      this.process.kill('SIGKILL');
      await this.closed;
    }
    this.connection.dispose();
  }
}

/** `promise`'s value, or undefined once `ms` have passed (the timer does not outlive the race). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/** The position of the n-th occurrence (from 0) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  offset += delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the n-th occurrence (from 0) of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: Position; end: Position } {
  return { start: positionOf(text, needle, occurrence), end: positionOf(text, needle, occurrence, needle.length) };
}

/** `text` with LSP text edits applied (they must not overlap), as an editor applies a workspace edit. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: { start: Position; end: Position }; newText: string }>): string {
  const offsetAt = (position: Position): number => {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
    return offset + position.character;
  };
  const sorted = edits.map((edit) => ({ start: offsetAt(edit.range.start), end: offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Resolves with the params of the first notification `method` for which `accept` holds (past ones count too). */
export async function waitForNotification(client: LspClient, method: string, accept: (params: unknown) => boolean = () => true, timeoutMs = 15_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = client.notifications.find((notification) => notification.method === method && accept(notification.params));
    if (found) return found.params;
    if (Date.now() > deadline) throw new Error(`No ${method} within ${timeoutMs} ms. Server stderr:\n${client.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Work-done progress as an editor sees it: the tokens the server created (window/workDoneProgress/create) and the
 * `$/progress` values sent on each (vscode-jsonrpc routes those past the ordinary notification handler).
 * Call it right after `LspClient.start()` resolves: server messages are handled in later I/O turns, so none is missed.
 */
export function recordProgress(client: LspClient): { created: Array<string | number>; values: Map<string | number, Array<{ kind: string; title?: string; message?: string; percentage?: number }>> } {
  const created: Array<string | number> = [];
  const values = new Map<string | number, Array<{ kind: string; title?: string; message?: string; percentage?: number }>>();
  client.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
    created.push(params.token);
    return null;
  });
  client.connection.onUnhandledProgress((params: { token: string | number; value: unknown }) => {
    const list = values.get(params.token) ?? [];
    list.push(params.value as { kind: string });
    values.set(params.token, list);
  });
  return { created, values };
}
