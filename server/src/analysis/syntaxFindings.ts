import type { ManifestFile } from '../parse/model';
import type { Finding } from '../findings/finding';

export const YAML_SYNTAX = 'yaml-syntax';

/** YAML errors and warnings from the parser, as findings with the `yaml-syntax` code. */
export function syntaxFindings(file: ManifestFile): Finding[] {
  return file.syntaxProblems.map((problem) => ({
    code: YAML_SYNTAX,
    severity: problem.severity,
    message: problem.message,
    span: problem.span[1] > problem.span[0] ? problem.span : widen(problem.span, file.text),
  }));
}

/**
 * A zero-width problem gets one character, so the editor can draw it: the one at the offset, or the one before it
 * when the offset is at a line break or the end (never a line break itself, so LF and CRLF files get the same range).
 */
function widen(span: readonly [number, number], text: string): [number, number] {
  const at = span[0];
  if (at < text.length && !isLineBreak(text, at)) return [at, at + 1];
  if (at > 0 && !isLineBreak(text, at - 1)) return [at - 1, at];
  return [at, at];
}

function isLineBreak(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code === 10 || code === 13;
}
