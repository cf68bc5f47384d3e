export type FailureLogger = (what: string, error: unknown) => void;

/**
 * Logs the first failure of each part (a rule, a hover provider, the analysis) and stays quiet about its later ones:
 * a rule that throws on every keystroke must not flood the output channel.
 */
export function logEachFailureOnce(write: (message: string) => void): FailureLogger {
  const logged = new Set<string>();
  return (what, error) => {
    if (logged.has(what)) return;
    logged.add(what);
    write(`${what} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  };
}
