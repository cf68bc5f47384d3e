import type { Severity } from '../../findings/finding';
import type { Reporter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: each finding becomes an annotation on its file and lines. */
export const githubReporter: Reporter = ({ files }) => {
  const lines = files.flatMap((file) => file.findings.map((finding) => {
    const properties = [
      `file=${escapeProperty(file.display)}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(`podlab(${finding.rule})`)}`,
    ];
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
  }));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

/** The escaping the Actions runner undoes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** ... and in a property value, where `:` and `,` separate things. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
