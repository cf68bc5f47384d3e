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
import { ManifestStore } from './analysis/store';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { summarizeResources } from './features/resources';
import { simulateResource, type SimulateParams } from './features/simulate';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

const loggedFailures = new Set<string>();
function logFailureOnce(what: string, error: unknown): void {
  if (loggedFailures.has(what)) return;
  loggedFailures.add(what);
  connection.console.error(`${what} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

const store = new ManifestStore(() => ({
  settings,
  onRuleFailure: (rule, error) => logFailureOnce(`Rule ${rule.meta.id}`, error),
}));

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'podlab', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podlab' });
    void refreshSettings();
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

documents.onDidChangeContent((change) => publishDiagnostics(change.document));
documents.onDidClose((event) => {
  store.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return hover(document, store.file(document), params.position, (provider, error) => logFailureOnce(`Hover ${provider.id}`, error));
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
  return simulateResource(store.file(document), params);
});

documents.listen(connection);
connection.listen();
