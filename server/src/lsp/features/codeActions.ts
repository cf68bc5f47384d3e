import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { MINIMAL_SUPPORT, type ClientSupport } from '../clientSupport';
import type { FeatureContext } from '../context';
import { fixEdit } from './fixEdit';
import { SOURCE } from './diagnostics';
import { fixAllActions } from './fixAll';
import { findingFor, sharesLine } from './findingFor';

/** Quick fixes for the podlab diagnostics in the requested range, taken from the cached findings of this version. */
export function codeActions(context: FeatureContext, params: CodeActionParams, support: Pick<ClientSupport, 'snippetEdits'> = MINIMAL_SUPPORT): CodeAction[] {
  const { document } = context;
  const findings = context.findings();
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !sharesLine(diagnostic.range, params.range)) continue;
    const finding = findingFor(document, findings, diagnostic);
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: fixEdit(document, fix, support.snippetEdits),
      });
    }
  }
  actions.push(...fixAllActions(document, findings, params));
  return actions;
}
