import type { Connection } from 'vscode-languageserver';
import { RESOURCES_REQUEST, SIMULATE_REQUEST, type ParamsOf, type PodlabRequest, type ResultOf } from '../protocol';
import type { ClientSupport } from './clientSupport';
import type { FeatureContext } from './context';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { references } from './features/references';
import { summarizeResources } from './features/resources';
import { simulateResource } from './features/simulate';
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
const requestUri = (params: { uri?: unknown } | undefined): unknown => params?.uri;

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
  onPodlabRequest(connection, RESOURCES_REQUEST, onKnownDocument(contextOf, requestUri, [], (context) => summarizeResources(context)));
  onPodlabRequest(connection, SIMULATE_REQUEST, onKnownDocument<ParamsOf<typeof SIMULATE_REQUEST>, ResultOf<typeof SIMULATE_REQUEST>>(contextOf, requestUri, null, (context, params) =>
    simulateResource(context.file, params, { workspace: context.workspace, kubernetesVersion: context.settings.kubernetesVersion, chartValues: context.chartValues })));
}

/** A handler of one of Podlab's own requests, typed by the protocol module (what arrives is still checked: it crossed a process boundary). */
function onPodlabRequest<M extends PodlabRequest>(connection: Connection, method: M, handler: (params: ParamsOf<M>) => ResultOf<M>): void {
  connection.onRequest(method, (params: ParamsOf<M>): unknown => handler(params));
}
