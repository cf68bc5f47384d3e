import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FailureLogger } from '../analysis/failureLog';
import type { ManifestStore } from '../analysis/store';
import { checkInSlices } from '../parse/largeFileCheckInSlices';
import { MANIFEST_STATUS_NOTIFICATION, type ManifestStatusParams } from '../protocol';
import { toDiagnostic } from './features/diagnostics';

export interface Publisher {
  /** Sends the diagnostics of this version (once a large file's syntax check is done). */
  publish(document: TextDocument): void;
  /**
   * Another file changed in a way cross-resource results may see: analyse again the open documents whose results
   * read the workspace. The document that changed goes first; the others follow one per turn, so requests get through.
   */
  republishWorkspaceReaders(changed?: TextDocument): void;
}

/** `isIgnored`: a document its .podlab.yaml leaves out gets no diagnostics. */
export function createPublisher(
  connection: Connection, documents: TextDocuments<TextDocument>, store: ManifestStore, log: FailureLogger,
  takesRelated: () => boolean = () => false, isIgnored: (uri: string) => boolean = () => false,
): Publisher {
  const isCurrent = (document: TextDocument): boolean => documents.get(document.uri)?.version === document.version;

  function publish(document: TextDocument): void {
    if (isIgnored(document.uri)) {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    // A file above podlab.maxFileSize: its diagnostics are published once its syntax check is done.
    const file = store.file(document);
    checkInSlices(file, () => isCurrent(document))
      ?.catch((error) => log('Syntax check of a large file', error))
      .finally(() => {
        store.invalidateFindingsOf(document.uri);
        if (isCurrent(document)) publish(document);
      });
    if (file.syntaxCheckPending) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = store.findings(document).map((finding) => toDiagnostic(document, finding, takesRelated()));
    } catch (error) {
      log('Analysis', error);
      diagnostics = [];
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    const status: ManifestStatusParams = { uri: document.uri, isManifest: store.file(document).resources.length > 0 };
    void connection.sendNotification(MANIFEST_STATUS_NOTIFICATION, status);
  }

  function republishWorkspaceReaders(changed?: TextDocument): void {
    const stale = new Set(store.invalidateWorkspaceFindings());
    if (changed) publish(changed);
    const waiting = documents.all().filter((document) => document !== changed && stale.has(document.uri));
    const publishNext = (): void => {
      const document = waiting.shift();
      if (!document) return;
      if (documents.get(document.uri) === document) publish(document);
      setImmediate(publishNext);
    };
    setImmediate(publishNext);
  }

  return { publish, republishWorkspaceReaders };
}
