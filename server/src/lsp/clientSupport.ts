import type { InitializeParams, MarkupKind } from 'vscode-languageserver';

/** What the client said it can do, in `initialize`; every feature answers within it. */
export interface ClientSupport {
  /** Completion items may be snippets (`${1|a,b|}`, `$0`, several lines). */
  snippets: boolean;
  /** Hover contents may be markdown (else plain text). */
  hoverMarkdown: boolean;
  /** Completion documentation may be markdown (else plain text). */
  completionMarkdown: boolean;
  /** Commands the client runs itself, named in initializationOptions.commands (the VS Code client names its own). */
  commands: ReadonlySet<string>;
  /** The client answers workspace/configuration. */
  pullConfiguration: boolean;
  /** The client takes a dynamic registration of workspace/didChangeConfiguration. */
  registerConfiguration: boolean;
  /** Diagnostics may carry relatedInformation (e.g. the anchor an alias stands for). */
  relatedInformation: boolean;
  /** Workspace edits may carry snippet edits (LSP 3.18 snippetEditSupport): a fix's placeholder is selected for typing. */
  snippetEdits: boolean;
}

/** A client that declares nothing: plain text, no snippets, no commands, settings only pushed. */
export const MINIMAL_SUPPORT: ClientSupport = {
  snippets: false,
  hoverMarkdown: false,
  completionMarkdown: false,
  commands: new Set(),
  pullConfiguration: false,
  registerConfiguration: false,
  relatedInformation: false,
  snippetEdits: false,
};

export function clientSupportOf(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientSupport {
  const { textDocument, workspace } = params.capabilities ?? {};
  const options: unknown = params.initializationOptions;
  const named = options && typeof options === 'object' ? (options as { commands?: unknown }).commands : undefined;
  return {
    snippets: textDocument?.completion?.completionItem?.snippetSupport === true,
    hoverMarkdown: takesMarkdown(textDocument?.hover?.contentFormat),
    completionMarkdown: takesMarkdown(textDocument?.completion?.completionItem?.documentationFormat),
    commands: new Set(Array.isArray(named) ? named.filter((command): command is string => typeof command === 'string') : []),
    pullConfiguration: workspace?.configuration === true,
    registerConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true,
    snippetEdits: workspace?.workspaceEdit?.snippetEditSupport === true,
  };
}

/** Markdown when the client lists it before plain text (the list is in the client's order of preference). */
function takesMarkdown(formats: readonly MarkupKind[] | undefined): boolean {
  if (!Array.isArray(formats)) return false;
  const markdown = formats.indexOf('markdown');
  const plain = formats.indexOf('plaintext');
  return markdown >= 0 && (plain < 0 || markdown < plain);
}
