import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { ManifestStore } from './store';
import { WORKSPACE_INDEXED_NOTIFICATION, type WorkspaceIndexedParams } from '../protocol';
import { parseManifest } from '../parse/parseManifest';
import type { Settings } from '../settings';
import { excludeMatcher } from './exclude';
import { findManifestFiles, isIndexable } from './scanFolders';
import { summarizeFile } from '../workspace/summary';
import type { WorkspaceView } from '../workspace/view';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

export const WATCHED_GLOB = '**/*.{yaml,yml}';

const READ_BATCH = 64;
/** Longest stretch of parsing before the server lets requests through. */
const SLICE_MS = 20;

export interface WorkspaceServiceOptions {
  store: ManifestStore;
  settings(): Settings;
  /** The index changed in a way other documents' results may depend on. */
  onChange(): void;
  log(message: string): void;
}

/** Keeps the WorkspaceIndex in step with the workspace folders, file events and open documents. */
export class WorkspaceService {
  readonly index = new WorkspaceIndex();
  private folders: string[] = [];
  private isExcluded: (relativePath: string) => boolean = excludeMatcher();
  private canRegisterWatcher = false;
  private canReportProgress = false;
  private canPullConfiguration = false;
  private started = false;
  private scans = 0;
  /** The podlab.exclude setting the last scan used. */
  private scannedExcludes = '[]';

  constructor(private readonly connection: Connection, private readonly options: WorkspaceServiceOptions) {}

  view(uri: string): WorkspaceView {
    return { uri, index: this.index };
  }

  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.map((uri) => URI.parse(uri)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
    this.canRegisterWatcher = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.canReportProgress = !!params.capabilities.window?.workDoneProgress;
    this.canPullConfiguration = !!params.capabilities.workspace?.configuration;
  }

  /** Registers the file watcher and reads every folder, reporting progress; call once the client is initialized. */
  async start(): Promise<void> {
    if (this.canRegisterWatcher) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_GLOB }] });
    }
    this.started = true;
    await this.scan();
  }

  /**
   * The settings changed: when their excludes did (a client that pushes its settings sends them after the first
   * scan began), the folders are read again and what they now exclude leaves the index.
   */
  async settingsChanged(): Promise<void> {
    if (this.started && JSON.stringify(this.options.settings().exclude ?? []) !== this.scannedExcludes) await this.scan();
  }

  /** Reads every workspace folder (never anything outside them); a later scan makes an earlier one stop. */
  private async scan(): Promise<void> {
    if (this.folders.length === 0) return;
    const generation = ++this.scans;
    this.scannedExcludes = JSON.stringify(this.options.settings().exclude ?? []);
    await this.readExcludes();
    const started = performance.now();
    const progress = await this.createProgress();
    progress?.begin('Podlab: indexing manifests', 0, undefined, false);
    const files: string[] = [];
    for (const folder of this.folders) files.push(...await findManifestFiles(folder, { isExcluded: this.isExcluded, maxFileBytes: this.options.settings().maxFileSize }));
    const kept = new Set(files.map((file) => URI.file(file).toString()));
    for (const uri of this.index.diskFiles()) {
      if (kept.has(uri)) continue;
      this.index.crds.forget(uri);
      this.index.deleteDiskFile(uri);
    }
    let done = 0;
    let sliceStart = performance.now();
    let lastReport = 0;
    for (let at = 0; at < files.length && generation === this.scans; at += READ_BATCH) {
      const batch = files.slice(at, at + READ_BATCH);
      const texts = await Promise.all(batch.map((file) => fs.readFile(file, 'utf8').catch(() => undefined)));
      for (let i = 0; i < batch.length; i++) {
        const uri = URI.file(batch[i]).toString();
        const text = texts[i];
        if (text !== undefined) this.index.setDiskFile(uri, this.summarize(uri, text));
        done++;
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
      const percentage = Math.floor((done / files.length) * 100);
      if (percentage !== lastReport) {
        progress?.report(percentage, `${done} of ${files.length} files`);
        lastReport = percentage;
      }
    }
    progress?.done();
    if (generation !== this.scans) return;
    this.index.complete = true;
    const milliseconds = Math.round(performance.now() - started);
    this.options.log(`Indexed ${files.length} manifest files (${this.index.all().length} resources) in ${milliseconds} ms.`);
    const indexed: WorkspaceIndexedParams = { files: files.length, resources: this.index.all().length, milliseconds };
    void this.connection.sendNotification(WORKSPACE_INDEXED_NOTIFICATION, indexed);
    this.options.onChange();
  }

  /** An open document has a new version: index it from the store's parse (no second parse). */
  documentChanged(document: TextDocument): boolean {
    const file = this.options.store.file(document);
    const crdsChanged = this.index.crds.remember(document.uri, file);
    return this.index.setOpenFile(document.uri, summarizeFile(document.uri, file)) || crdsChanged;
  }

  /** Back to what is on disk (the editor's unsaved text is gone). */
  async documentClosed(uri: string): Promise<void> {
    let changed = this.index.closeFile(uri);
    if (this.isInWorkspace(uri)) changed = (await this.readDiskFile(uri)) || changed;
    if (changed) this.options.onChange();
  }

  async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    let changed = false;
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) {
        const crdsChanged = this.index.crds.forget(change.uri);
        changed = this.index.deleteDiskFile(change.uri) || crdsChanged || changed;
      } else if (this.isInWorkspace(change.uri)) changed = (await this.readDiskFile(change.uri)) || changed;
    }
    if (changed) this.options.onChange();
  }

  /** The workspace folder holding this path (the innermost one), if any. */
  folderOf(file: string): string | undefined {
    const holding = this.folders.filter((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    return holding.sort((a, b) => b.length - a.length)[0];
  }

  private isInWorkspace(uri: string): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && this.folders.some((folder) => isIndexable(folder, parsed.fsPath, this.isExcluded));
  }

  private async readDiskFile(uri: string): Promise<boolean> {
    const file = URI.parse(uri).fsPath;
    try {
      const stat = await fs.stat(file);
      if (stat.size > this.options.settings().maxFileSize) return this.index.deleteDiskFile(uri);
      return this.index.setDiskFile(uri, this.summarize(uri, await fs.readFile(file, 'utf8')));
    } catch {
      return this.index.deleteDiskFile(uri);
    }
  }

  private summarize(uri: string, text: string) {
    const file = parseManifest(text, { maxAnalysisSize: this.options.settings().maxFileSize });
    this.index.crds.remember(uri, file);
    return summarizeFile(uri, file);
  }

  /** podlab.exclude (any client can give it), with VS Code's files.exclude and search.exclude where the client has them. */
  private async readExcludes(): Promise<void> {
    const own = this.options.settings().exclude ?? [];
    this.isExcluded = excludeMatcher(own);
    if (!this.canPullConfiguration) return;
    try {
      const [files, search] = await this.connection.workspace.getConfiguration([{ section: 'files.exclude' }, { section: 'search.exclude' }]) as unknown[];
      this.isExcluded = excludeMatcher(own, files, search);
    } catch (error) {
      this.options.log(`Reading files.exclude failed; only podlab.exclude, node_modules and .git are skipped: ${String(error)}`);
    }
  }

  private async createProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.canReportProgress) return undefined;
    try {
      return await this.connection.window.createWorkDoneProgress();
    } catch {
      return undefined;
    }
  }
}
