import type { Severity } from '../../findings/finding';
import type { Reporter } from './types';

const PLURAL: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
  hint: ['hint', 'hints'],
};

/** `path:line:col: severity rule-id message`, one line per finding, then one summary line. */
export const textReporter: Reporter = ({ files, quiet }) => {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      counts[finding.severity]++;
      lines.push(`${file.display}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} ${oneLine(finding.message)}`);
    }
  }
  if (!quiet) lines.push(summary(counts, files.length));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function summary(counts: Record<Severity, number>, fileCount: number): string {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
  if (total === 0) return `No problems found in ${files}.`;
  const parts = (Object.keys(counts) as Severity[]).filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${PLURAL[severity][counts[severity] === 1 ? 0 : 1]}`);
  return `${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${files}.`;
}

export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
