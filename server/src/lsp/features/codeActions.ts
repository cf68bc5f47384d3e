import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../findings/finding';
import type { FeatureContext } from '../context';
import { SOURCE } from './diagnostics';
import { fixAllActions } from './fixAll';
import { fixEdit } from './fixEdit';
import { overlaps, sameRange, toRange } from './ranges';

/** Quick fixes for the podlab diagnostics in the requested range, taken from the cached findings of this version. */
export function codeActions(context: FeatureContext, params: CodeActionParams): CodeAction[] {
  const { document } = context;
  const findings = context.findings();
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !overlaps(diagnostic.range, params.range)) continue;
    const finding = findings.find((candidate) => matches(document, candidate, diagnostic));
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: fixEdit(context, fix),
      });
    }
  }
  actions.push(...fixAllActions(document, findings, params));
  return actions;
}

function matches(document: FeatureContext['document'], finding: Finding, diagnostic: Diagnostic): boolean {
  return finding.code === diagnostic.code && finding.message === diagnostic.message && sameRange(toRange(document, finding.span), diagnostic.range);
}
