import { ruleDocsUrl } from '../../findings/docsUrl';
import type { Reporter } from './types';

/** One object per finding: file, 1-based positions (end exclusive), severity, rule, message, whether a fix exists. */
export const jsonReporter: Reporter = ({ files }) => {
  const findings = files.flatMap((file) => file.findings.map((finding) => ({
    file: file.display,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    fixAvailable: finding.fixAvailable,
    docsUrl: ruleDocsUrl(finding.rule),
  })));
  return `${JSON.stringify(findings, null, 2)}\n`;
};
