import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/findings/finding';

/** Diagnostic messages are plain text in every client: markdown code spans (backticks) would show as backticks. */
export function assertPlainMessages(findings: readonly Finding[]): readonly Finding[] {
  for (const finding of findings) assert.ok(!finding.message.includes('`'), `${finding.code}: a backtick in the message "${finding.message}"`);
  return findings;
}
