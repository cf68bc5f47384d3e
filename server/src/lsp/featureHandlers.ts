import type { Connection } from 'vscode-languageserver';
import type { ClientSupport } from './clientSupport';
import type { FeatureContext } from './context';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { references } from './features/references';
import { summarizeResources } from './features/resources';
import { simulateResource, type SimulateParams } from './features/simulate';
import { documentSymbols } from './features/symbols';
import { completionForClient, hoverForClient, lensesForClient } from './features/forClient';

/** The context of the open document `uri`, or undefined when the client never opened it (or closed it). */
export type ContextOf = (uri: unknown) => FeatureContext | undefined;

/** Runs `feature` on a document the server knows; for any other document the answer is `empty`. */
export function onKnownDocument<P, R>(contextOf: ContextOf, uriOf: (params: P) => unknown, empty: R, feature: (context: FeatureContext, params: P) => R): (params: P) => R {
  return (params) => {
    const context = contextOf(uriOf(params));
    return context ? feature(context, params) : empty;
  };
}

const textDocumentUri = (params: { textDocument?: { uri?: unknown } }): unknown => params?.textDocument?.uri;
const requestUri = (params: { uri?: unknown }): unknown => params?.uri;

/** Wires every document feature to its LSP request, each answer shaped for what the client declared. */
export function registerFeatures(connection: Connection, contextOf: ContextOf, support: () => ClientSupport): void {
  const on = <P extends { textDocument?: { uri?: unknown } }, R>(empty: R, feature: (context: FeatureContext, params: P) => R) =>
    onKnownDocument<P, R>(contextOf, textDocumentUri, empty, feature);
  connection.onHover(on(null, (context, params) => hoverForClient(hover(context, params.position), support())));
  connection.onCompletion(on([], (context, params) => completionForClient(completion(context, params.position), support())));
  connection.onDefinition(on([], (context, params) => definition(context, params.position)));
  connection.onReferences(on([], (context, params) => references(context, params.position, params.context.includeDeclaration)));
  connection.onDocumentSymbol(on([], (context) => documentSymbols(context)));
  connection.onCodeAction(on([], (context, params) => codeActions(context, params, support())));
  connection.onCodeLens(on([], (context) => lensesForClient(codeLenses(context), support())));
  connection.onRequest('podlab/resources', onKnownDocument(contextOf, requestUri, [], (context) => summarizeResources(context)));
  connection.onRequest('podlab/simulate', onKnownDocument(contextOf, requestUri, null, (context, params: SimulateParams) =>
    simulateResource(context.file, params, { workspace: context.workspace, kubernetesVersion: context.settings.kubernetesVersion, chartValues: context.chartValues })));
}
