import type { ManifestFile } from '../parse/model';
import type { Finding } from './finding';

export const YAML_SYNTAX = 'yaml-syntax';

/** YAML errors and warnings from the parser, as findings with the `yaml-syntax` code. */
export function syntaxFindings(file: ManifestFile): Finding[] {
  return file.syntaxProblems.map((problem) => ({
    code: YAML_SYNTAX,
    severity: problem.severity,
    message: problem.message,
    span: problem.span[1] > problem.span[0] ? problem.span : widen(problem.span, file.text.length),
  }));
}

/** A zero-width problem gets one character, so the editor can draw it. */
function widen(span: readonly [number, number], length: number): [number, number] {
  return span[0] < length ? [span[0], span[0] + 1] : [Math.max(0, length - 1), length];
}
