// Entry point that VS Code's extension host calls (extensionTestsPath): runs every bundled
// *.test.js next to this file with mocha and writes the outcome to $PODLAB_TEST_RESULT_FILE.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { IntegrationResult, IntegrationTestOutcome } from './result';

export const RESULT_FILE_ENV = 'PODLAB_TEST_RESULT_FILE';

export function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.PODLAB_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }

  const tests: IntegrationTestOutcome[] = [];
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const result: IntegrationResult = {
          passes: tests.filter((t) => t.state === 'passed').length,
          failures,
          pending: tests.filter((t) => t.state === 'pending').length,
          durationMs: Date.now() - started,
          tests,
        };
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      // A suite that throws while loading never reaches the runner: report it as one failure.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      writeResult({ passes: 0, failures: 1, pending: 0, durationMs: Date.now() - started, tests: [{ title: 'loading the integration suites', state: 'failed', durationMs: 0, error: message }] });
      reject(error instanceof Error ? error : new Error(message));
      return;
    }
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on('fail', (test, error: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? error.message }),
    );
  });
}

function writeResult(result: IntegrationResult): void {
  const file = process.env[RESULT_FILE_ENV];
  if (file) writeFileSync(file, JSON.stringify(result, null, 2));
}
