import { InsertTextFormat, MarkupKind, type CodeLens, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver';
import type { ClientSupport } from '../clientSupport';
import { markdownToPlainText } from './plainText';
import { snippetToPlainText } from './snippetText';

/**
 * Completion items as this client can take them. Without snippet support: each item inserts one plain line that
 * needs no editing (omni completion turns a line break into a NUL); documentation in the format the client reads.
 */
export function completionForClient(items: CompletionItem[], support: ClientSupport): CompletionItem[] {
  return items.map((item) => {
    const adapted: CompletionItem = { ...item };
    if (!support.snippets) {
      const snippet = item.insertTextFormat === InsertTextFormat.Snippet;
      const plain = (text: string) => firstLine(snippet ? snippetToPlainText(text) : text);
      if (adapted.textEdit) adapted.textEdit = { ...adapted.textEdit, newText: plain(adapted.textEdit.newText) };
      if (adapted.insertText !== undefined) adapted.insertText = plain(adapted.insertText);
      if (snippet) adapted.insertTextFormat = InsertTextFormat.PlainText;
      delete adapted.insertTextMode;
    }
    if (!support.completionMarkdown && isMarkdown(item.documentation)) adapted.documentation = markdownToPlainText(item.documentation.value);
    return adapted;
  });
}

/** A hover as this client can show it: markdown, or plain text. */
export function hoverForClient(hover: Hover | null, support: ClientSupport): Hover | null {
  if (!hover || support.hoverMarkdown || !isMarkdown(hover.contents)) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(hover.contents.value) } };
}

/** Only the lenses whose command the client runs (a lens is nothing but its command). */
export function lensesForClient(lenses: CodeLens[], support: ClientSupport): CodeLens[] {
  return lenses.filter((lens) => lens.command && support.commands.has(lens.command.command));
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end).trimEnd();
}

function isMarkdown(value: unknown): value is MarkupContent {
  return !!value && typeof value === 'object' && (value as MarkupContent).kind === MarkupKind.Markdown && typeof (value as MarkupContent).value === 'string';
}
