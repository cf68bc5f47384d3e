// The host side of one Lifecycle Preview panel: follows an editor, asks the
// server for the simulation, and hands the result to the page.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HostMessage, PanelState, ResourceChoice } from '../../webview/protocol';
import { readSimulationResult } from '../../webview/readSimulationResult';
import type { SourceRange } from '../../webview/simulationResult';
import type { Scenario } from '../../webview/scenario';
import { Debouncer } from './debouncer';
import { chooseResource, readDocumentResources, type DocumentResource } from './documentResources';
import { previewHtml } from './html';
import { createNonce } from './nonce';
import { RESOURCES_REQUEST, SIMULATE_REQUEST, type SimulateParams } from '../../../server/src/protocol';
import { requestErrorText, sendPodlabRequest } from './requests';
import { parseWebviewMessage } from './webviewMessages';

export const PREVIEW_VIEW_TYPE = 'podlab.preview';
const DEFAULT_TITLE = 'Lifecycle Preview';
const EDIT_DEBOUNCE_MS = 300;

export const EMPTY_MESSAGE =
  'Open a Kubernetes manifest with a Pod or Deployment (or a Job, StatefulSet, DaemonSet, ReplicaSet) to see what the cluster would do with it.';
const NOTHING_TO_SIMULATE = 'This file has no resource that makes pods. Add a Pod or a Deployment, or open another manifest.';

export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class PreviewPanel implements vscode.Disposable {
  private uri: vscode.Uri | undefined;
  /** A resource asked for explicitly; wins over the cursor until the cursor moves. */
  private requested: number | undefined;
  private cursorLine: number | undefined;
  private shown: number | undefined;
  private resources: DocumentResource[] = [];
  private readonly scenarios = new Map<string, Scenario>();
  private generation = 0;
  private lastMessage: HostMessage | undefined;
  private lastRequestKey: string | undefined;
  private readonly debouncer = new Debouncer(EDIT_DEBOUNCE_MS);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private disposed = false;
  readonly onDidDispose = this.disposeEmitter.event;

  static create(extensionUri: vscode.Uri, client: LanguageClient): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      DEFAULT_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      previewWebviewOptions(extensionUri),
    );
    return new PreviewPanel(panel, extensionUri, client);
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    const webview = panel.webview;
    webview.options = previewWebviewOptions(extensionUri);
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')).toString(),
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'preview-icon.svg');
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Show `uri`; `resourceIndex` picks a resource, else the one under `cursorLine`. */
  show(uri: vscode.Uri | undefined, options: { resourceIndex?: number; cursorLine?: number; scenario?: Scenario } = {}): void {
    if (!uri || this.uri?.toString() !== uri.toString()) {
      this.uri = uri;
      this.shown = undefined;
      this.resources = [];
    }
    this.requested = options.resourceIndex;
    this.cursorLine = options.cursorLine;
    if (uri && options.scenario && options.resourceIndex !== undefined) {
      this.scenarios.set(scenarioKey(uri, options.resourceIndex), options.scenario);
    }
    void this.refresh();
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, true);
  }

  followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'yaml') return;
    if (this.uri?.toString() === editor.document.uri.toString()) {
      this.cursorMoved(editor);
      return;
    }
    this.show(editor.document.uri, { cursorLine: editor.selection.active.line });
  }

  cursorMoved(editor: vscode.TextEditor): void {
    if (this.uri?.toString() !== editor.document.uri.toString()) return;
    const line = editor.selection.active.line;
    if (line === this.cursorLine && this.requested === undefined) return;
    this.cursorLine = line;
    this.requested = undefined;
    this.debouncer.schedule(() => void this.refresh());
  }

  documentChanged(document: vscode.TextDocument): void {
    if (this.uri?.toString() !== document.uri.toString()) return;
    this.debouncer.schedule(() => void this.refresh());
  }

  /** The language server came (back) up: what it said before may be gone. */
  serverStarted(): void {
    this.lastRequestKey = undefined;
    void this.refresh();
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        if (this.lastMessage) void this.post(this.lastMessage);
        else void this.refresh();
        return;
      case 'scenario':
        if (!this.uri) return;
        this.scenarios.set(scenarioKey(this.uri, this.shown), message.scenario);
        void this.refresh();
        return;
      case 'reveal':
        void this.revealRange(message.range);
        return;
      case 'selectResource':
        if (!this.resources.some((r) => r.index === message.index && r.simulatable)) return;
        this.requested = message.index;
        void this.refresh();
        return;
    }
  }

  private async refresh(): Promise<void> {
    if (this.disposed) return;
    this.debouncer.cancel();
    const generation = ++this.generation;
    const stale = (): boolean => this.disposed || generation !== this.generation;
    const uri = this.uri;
    if (!uri) {
      this.showEmpty(undefined, EMPTY_MESSAGE);
      return;
    }
    let document: vscode.TextDocument;
    try {
      document = await this.openDocument(uri);
    } catch (error) {
      if (!stale()) this.showEmpty(undefined, EMPTY_MESSAGE, `Cannot open ${uri.toString(true)}: ${requestErrorText(error)}`);
      return;
    }
    if (stale()) return;
    const protocolUri = this.client.code2ProtocolConverter.asUri(uri);

    let index: number | undefined;
    try {
      this.resources = readDocumentResources(await sendPodlabRequest(this.client, RESOURCES_REQUEST, { uri: protocolUri }));
      if (stale()) return;
      index = chooseResource(this.resources, { requested: this.requested, cursorLine: this.cursorLine, shown: this.shown });
      if (index === undefined) {
        this.lastRequestKey = undefined;
        this.showEmpty({ uri: uri.toString(), scenario: {} }, NOTHING_TO_SIMULATE);
        return;
      }
    } catch {
      // A server without the resources request: let it pick its default resource.
      if (stale()) return;
      this.resources = [];
      index = this.requested ?? this.shown;
    }

    const scenario = this.scenarios.get(scenarioKey(uri, index)) ?? {};
    const requestKey = JSON.stringify([protocolUri, document.version, index, scenario]);
    if (requestKey === this.lastRequestKey) return;
    const state: PanelState = { uri: uri.toString(), scenario };
    if (index !== undefined) state.resourceIndex = index;

    let answer: unknown;
    let failure: string | undefined;
    try {
      const params: SimulateParams = { uri: protocolUri, scenario };
      if (index !== undefined) params.resourceIndex = index;
      answer = await sendPodlabRequest(this.client, SIMULATE_REQUEST, params);
    } catch (error) {
      failure = requestErrorText(error);
    }
    if (stale()) return;
    const result = readSimulationResult(answer);
    this.lastRequestKey = requestKey;
    if (!result) {
      this.showEmpty(state, NOTHING_TO_SIMULATE, failure);
      return;
    }
    this.shown = index;
    this.panel.title = `Lifecycle: ${result.resource.kind}/${result.resource.name}`;
    const resources: ResourceChoice[] = this.resources
      .filter((r) => r.simulatable)
      .map((r) => ({ index: r.index, kind: r.kind, name: r.name }));
    void this.post({ type: 'show', state, result, resources, documentName: baseName(uri) });
  }

  /** Shows a place of the previewed document in an editor beside the panel, selected. */
  private async revealRange(range: SourceRange): Promise<void> {
    if (!this.uri) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    try {
      const document = await this.openDocument(this.uri);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
      await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
    } catch {
      // The document went away: nothing to show.
    }
  }

  private async openDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ?? (await vscode.workspace.openTextDocument(uri));
  }

  private showEmpty(state: PanelState | undefined, message: string, detail?: string): void {
    this.panel.title = DEFAULT_TITLE;
    const empty: HostMessage = { type: 'empty', message };
    if (state) empty.state = state;
    if (detail) empty.detail = detail;
    void this.post(empty);
  }

  private async post(message: HostMessage): Promise<void> {
    this.lastMessage = message;
    if (this.disposed) return;
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away while the message was on its way.
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.debouncer.cancel();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

function scenarioKey(uri: vscode.Uri, index: number | undefined): string {
  return `${uri.toString()}#${index ?? 'default'}`;
}

function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString(true);
}
