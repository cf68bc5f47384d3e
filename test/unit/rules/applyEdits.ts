import type { TextEdit } from '../../../server/src/yaml/span';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // As LSP applies them: insertions at one offset keep their order in the array.
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.span[0] - a.edit.span[0] || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) result = result.slice(0, edit.span[0]) + edit.newText + result.slice(edit.span[1]);
  return result;
}
