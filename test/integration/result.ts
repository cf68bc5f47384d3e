/** What test/integration/index.ts writes to $PODLAB_TEST_RESULT_FILE for the launchers to read. */
export interface IntegrationTestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface IntegrationResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: IntegrationTestOutcome[];
}
