import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { logEachFailureOnce } from '../analysis/failureLog';
import { ManifestStore } from '../analysis/store';
import { codeActions } from './features/codeActions';
import { FIX_ALL_KIND } from './features/fixAll';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { definition } from './features/definition';
import { references } from './features/references';
import { documentSymbols } from './features/symbols';
import { summarizeResources } from './features/resources';
import { checkInSlices } from '../parse/largeFileCheckInSlices';
import { simulateResource, type SimulateParams } from './features/simulate';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import { WorkspaceService } from '../analysis/workspaceService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

const logFailureOnce = logEachFailureOnce((message) => connection.console.error(message));

const store: ManifestStore = new ManifestStore((uri) => ({
  settings,
  onRuleFailure: (rule, error) => logFailureOnce(`Rule ${rule.meta.id}`, error),
  onCheckFailure: logFailureOnce,
  workspace: workspace.view(uri),
}));

/**
 * Another file changed in a way cross-resource results may see: analyse again the open documents whose results read
 * the workspace. The document that changed goes first; the others follow one per turn, so requests get through.
 */
function republishWorkspaceReaders(changed?: TextDocument): void {
  const stale = new Set(store.invalidateWorkspaceFindings());
  if (changed) publishDiagnostics(changed);
  const waiting = documents.all().filter((document) => document !== changed && stale.has(document.uri));
  const publishNext = (): void => {
    const document = waiting.shift();
    if (!document) return;
    if (documents.get(document.uri) === document) publishDiagnostics(document);
    setImmediate(publishNext);
  };
  setImmediate(publishNext);
}

const workspace: WorkspaceService = new WorkspaceService(connection, { store, settings: () => settings, onChange: republishWorkspaceReaders, log: (message) => connection.console.log(message) });

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  workspace.initialize(params);
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
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podlab' });
    void refreshSettings().then(() => workspace.start());
  } else {
    void workspace.start();
  }
});

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      settings = readSettings(await connection.workspace.getConfiguration('podlab'));
    } catch (error) {
      logFailureOnce('Reading the podlab settings', error);
    }
  }
  store.invalidateFindings();
  documents.all().forEach(publishDiagnostics);
}

connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration) settings = readSettings((change.settings as Record<string, unknown> | undefined)?.podlab);
  void refreshSettings();
});

function publishDiagnostics(document: TextDocument): void {
  // A file above podlab.maxFileSize: its diagnostics are published once its syntax check is done.
  const file = store.file(document);
  checkInSlices(file, () => documents.get(document.uri)?.version === document.version)
    ?.catch((error) => logFailureOnce('Syntax check of a large file', error))
    .finally(() => {
      store.invalidateFindingsOf(document.uri);
      if (documents.get(document.uri)?.version === document.version) publishDiagnostics(document);
    });
  if (file.syntaxCheckPending) return;
  let diagnostics: Diagnostic[];
  try {
    diagnostics = store.findings(document).map((finding) => toDiagnostic(document, finding));
  } catch (error) {
    logFailureOnce('Analysis', error);
    diagnostics = [];
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  void connection.sendNotification('podlab/manifestStatus', { uri: document.uri, isManifest: store.file(document).resources.length > 0 });
}

documents.onDidChangeContent((change) => {
  if (workspace.documentChanged(change.document)) republishWorkspaceReaders(change.document);
  else publishDiagnostics(change.document);
});
connection.onDidChangeWatchedFiles((params) => workspace.watchedFilesChanged(params.changes));
documents.onDidClose((event) => {
  store.forget(event.document.uri);
  void workspace.documentClosed(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return hover(document, store.file(document), params.position, (provider, error) => logFailureOnce(`Hover ${provider.id}`, error), undefined, workspace.view(document.uri));
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? completion(document, store.file(document), params.position, workspace.view(document.uri)) : [];
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? definition(document, store.file(document), params.position, workspace.view(document.uri)) : [];
});

connection.onReferences((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? references(document, store.file(document), params.position, params.context.includeDeclaration, workspace.view(document.uri)) : [];
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? documentSymbols(document, store.file(document)) : [];
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActions(document, store.findings(document), params) : [];
});

connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeLenses(document, store.file(document)) : [];
});

connection.onRequest('podlab/resources', (params: { uri: string }) => {
  const document = documents.get(params?.uri);
  return document ? summarizeResources(document, store.file(document)) : [];
});

connection.onRequest('podlab/simulate', (params: SimulateParams) => {
  const document = documents.get(params?.uri);
  if (!document) return null;
  return simulateResource(store.file(document), params, { workspace: workspace.view(document.uri), kubernetesVersion: settings.kubernetesVersion });
});

documents.listen(connection);
connection.listen();
