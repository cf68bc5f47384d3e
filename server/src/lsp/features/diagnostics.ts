import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../../findings/finding';
import { ruleDocsUrl } from '../../findings/docsUrl';
import { findingId, type DiagnosticData } from './findingFor';
import { toRange } from './ranges';

export const SOURCE = 'podlab';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

/** `related`: the client takes relatedInformation (it declared publishDiagnostics.relatedInformation). */
export function toDiagnostic(document: TextDocument, finding: Finding, related = false): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.code,
    codeDescription: { href: ruleDocsUrl(finding.code) },
    message: finding.message,
    tags: finding.tags?.map((tag) => TAGS[tag]),
    data: { id: findingId(finding) } satisfies DiagnosticData,
  };
  if (related && finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(({ span, message }) => ({ location: { uri: document.uri, range: toRange(document, span) }, message }));
  }
  return diagnostic;
}
