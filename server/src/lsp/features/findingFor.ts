import type { Diagnostic, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../findings/finding';
import { overlaps, sameRange, toRange } from './ranges';

/** What a Podlab diagnostic carries in `data`, so that a client sending it back names its finding exactly. */
export interface DiagnosticData {
  id: string;
}

/** The same for the same finding in the same text: rule, place (in UTF-16 offsets) and a hash of the message. */
export function findingId(finding: Finding): string {
  return `${finding.code}:${finding.span[0]}-${finding.span[1]}:${hash(finding.message)}`;
}

/**
 * The finding a diagnostic sent back by the client stands for: by its `data` id; else the one with the same code,
 * message and range; else one with the same code whose range overlaps, the same message first; else the same code
 * and message on the same line (a client may send its own columns back: Neovim 0.7 sends bytes).
 */
export function findingFor(document: TextDocument, findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  const id = (diagnostic.data as Partial<DiagnosticData> | undefined)?.id;
  if (typeof id === 'string') {
    const found = findings.find((finding) => findingId(finding) === id);
    if (found) return found;
  }
  const sameCode = findings.filter((finding) => finding.code === diagnostic.code);
  const range = (finding: Finding) => toRange(document, finding.span);
  return sameCode.find((finding) => finding.message === diagnostic.message && sameRange(range(finding), diagnostic.range))
    ?? sameCode.find((finding) => finding.message === diagnostic.message && overlaps(range(finding), diagnostic.range))
    ?? sameCode.find((finding) => overlaps(range(finding), diagnostic.range))
    ?? sameCode.find((finding) => finding.message === diagnostic.message && sharesLine(range(finding), diagnostic.range));
}

/** Whether two ranges share a line: a test that does not depend on how the client counts columns. */
export function sharesLine(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

/** FNV-1a, 32 bits, in base 36: short, and enough to tell messages apart at one place. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}
