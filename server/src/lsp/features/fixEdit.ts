import type { SnippetTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../findings/finding';
import { toRange } from './ranges';

/** `$`, `}` and `\` are snippet syntax: escaped, the text reads as itself. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

/**
 * The workspace edit of one fix. When the fix leaves a placeholder for the user and the client takes snippet edits,
 * the placeholder becomes a tab stop, so the editor selects it for typing; otherwise plain text edits.
 */
export function fixEdit(document: TextDocument, fix: Fix, snippetEdits: boolean): WorkspaceEdit {
  const placeholderAt = fix.placeholder ? fix.edits[0]?.newText.indexOf(fix.placeholder) ?? -1 : -1;
  if (!fix.placeholder || placeholderAt < 0 || !snippetEdits) {
    return { changes: { [document.uri]: fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })) } };
  }
  const [first, ...rest] = fix.edits;
  const before = first.newText.slice(0, placeholderAt);
  const after = first.newText.slice(placeholderAt + fix.placeholder.length);
  const snippet: SnippetTextEdit = {
    range: toRange(document, first.span),
    snippet: { kind: 'snippet', value: `${escapeSnippet(before)}\${1:${escapeSnippet(fix.placeholder)}}${escapeSnippet(after)}` },
  };
  const others: TextEdit[] = rest.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [snippet, ...others] }] };
}
