import { DidChangeConfigurationNotification, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { logEachFailureOnce } from '../analysis/failureLog';
import { ManifestStore } from '../analysis/store';
import { chartValuesFor, readFromDisk } from '../analysis/chartValues';
import { WorkspaceService } from '../analysis/workspaceService';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import { serverCapabilities } from './capabilities';
import { clientSupportOf, MINIMAL_SUPPORT, type ClientSupport } from './clientSupport';
import type { FeatureContext } from './context';
import { registerFeatures } from './featureHandlers';
import { ProjectSettings } from './projectSettings';
import { createPublisher, type Publisher } from './publish';

export interface ServerOptions {
  /** The settings until the client sends its own (default: every setting's default). */
  settings?: Settings;
}

/** A running server's parts, for tests that look inside (how often it parsed, what it indexed). */
export interface PodlabServer {
  readonly documents: TextDocuments<TextDocument>;
  readonly store: ManifestStore;
  readonly workspace: WorkspaceService;
  settings(): Settings;
}

interface Parts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: ManifestStore;
  workspace: WorkspaceService;
  publisher: Publisher;
  project: ProjectSettings;
}

/** Edits, closes and file events: the store, the workspace index and the diagnostics follow them. */
function followDocuments({ connection, documents, store, workspace, publisher, project }: Parts): void {
  documents.onDidChangeContent((change) => {
    if (workspace.documentChanged(change.document)) publisher.republishWorkspaceReaders(change.document);
    else publisher.publish(change.document);
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (project.configChanged(params.changes)) {
      store.invalidateFindings();
      documents.all().forEach(publisher.publish);
    }
    return workspace.watchedFilesChanged(params.changes);
  });
  documents.onDidClose((event) => {
    store.forget(event.document.uri);
    void workspace.documentClosed(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
}

/** The Podlab language server on `connection`: registers every handler and starts listening. */
export function createServer(connection: Connection, options: ServerOptions = {}): PodlabServer {
  const documents = new TextDocuments(TextDocument);
  let settings = options.settings ?? DEFAULT_SETTINGS;
  /** The settings the client gave in initializationOptions: what stays when it answers null when asked. */
  let given = settings;
  let support: ClientSupport = MINIMAL_SUPPORT;
  const log = logEachFailureOnce((message) => connection.console.error(message));

  const project = new ProjectSettings({
    base: () => settings,
    folderOf: (file) => workspace.folderOf(file),
    warn: (message) => connection.console.warn(message),
  });
  const store: ManifestStore = new ManifestStore((uri) => ({
    settings: project.settingsFor(uri),
    onRuleFailure: (rule, error) => log(`Rule ${rule.meta.id}`, error),
    onCheckFailure: log,
    workspace: workspace.view(uri),
  }));
  const publisher = createPublisher(connection, documents, store, log, () => support.relatedInformation, (uri) => project.isIgnored(uri));
  const workspace: WorkspaceService = new WorkspaceService(connection, {
    store,
    settings: () => settings,
    onChange: () => publisher.republishWorkspaceReaders(),
    log: (message) => connection.console.log(message),
  });

  connection.onInitialize((params) => {
    support = clientSupportOf(params);
    // Settings given at start (Helix, Kate and others can), until the client sends or is asked for others.
    const initial: unknown = (params.initializationOptions as { podlab?: unknown } | null | undefined)?.podlab;
    if (initial && typeof initial === 'object') settings = given = readSettings(initial);
    workspace.initialize(params);
    return serverCapabilities(support);
  });

  connection.onInitialized(() => {
    if (support.registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podlab' });
    if (!support.pullConfiguration) return void workspace.start();
    void refreshSettings().then(() => workspace.start());
  });

  async function refreshSettings(): Promise<void> {
    if (support.pullConfiguration) {
      try {
        const pulled: unknown = await connection.workspace.getConfiguration('podlab');
        settings = pulled === null || pulled === undefined ? given : readSettings(pulled);
      } catch (error) {
        log('Reading the podlab settings', error);
      }
    }
    store.invalidateFindings();
    documents.all().forEach(publisher.publish);
    void workspace.settingsChanged();
  }

  connection.onDidChangeConfiguration((change) => {
    if (!support.pullConfiguration) settings = readSettings((change.settings as Record<string, unknown> | undefined)?.podlab);
    void refreshSettings();
  });

  followDocuments({ connection, documents, store, workspace, publisher, project });

  const contextOf = (uri: unknown): FeatureContext | undefined => {
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return undefined;
    const chartValues = () => chartValuesFor(document.uri, (uri) => documents.get(uri)?.getText() ?? readFromDisk(uri));
    return { document, file: store.file(document), findings: () => store.findings(document), workspace: workspace.view(document.uri), settings: project.settingsFor(document.uri), log, chartValues };
  };
  registerFeatures(connection, contextOf, () => support);

  documents.listen(connection);
  connection.listen();
  return { documents, store, workspace, settings: () => settings };
}
