import { Scalar } from 'yaml';
import type { TextEdit } from './finding';
import { spanOf } from '../parse/yamlNodes';

/** Replaces a scalar's text with `value`, keeping the quoting style the user chose. */
export function replaceScalar(node: Scalar, value: string): TextEdit | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  return { span, newText: quoteLike(node, value) };
}

export function quoteLike(node: Scalar, value: string): string {
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** The indentation (spaces) of the line holding `offset`. */
export function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ ]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

/** The line ending the document already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
