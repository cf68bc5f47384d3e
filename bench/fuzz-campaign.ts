/**
 * A long fuzz campaign over the properties of test/unit/fuzz (parse, the whole analysis, hover, completion, code
 * actions, the simulator), with fresh seeds, for as long as asked:
 *
 *   npm run fuzz:campaign -- --seconds 600 [--batch 200] [--out campaign.json]
 *
 * Prints cases run, cases per second and every distinct failure with its seed, path and shrunk counterexample
 * (replay: fc.assert(property, { seed, path })). Exits 1 when something failed.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { coverage } from '../test/unit/fuzz/properties';
import { FUZZ_SUITES } from '../test/unit/fuzz/suites';

interface Failure {
  suite: string;
  seed: number;
  path: string;
  error: string;
  counterexample: string;
  /** How many runs hit a failure with the same first error line. */
  hits: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

function stringOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].slice(0, 300);
}

function main(): void {
  const seconds = option('seconds', 60);
  const batch = option('batch', 200);
  const out = stringOption('out');
  // As in the unit suite: the server runs with Node's default stack trace limit.
  Error.stackTraceLimit = 10;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const failures = new Map<string, Failure>();
  const casesPerSuite = new Map<string, number>(FUZZ_SUITES.map((suite) => [suite.name, 0]));
  let cases = 0;
  let lastReport = started;
  const elapsed = () => (Date.now() - started) / 1000;
  const report = () => console.log(`${elapsed().toFixed(0)} s: ${cases.toLocaleString('en-US')} cases, ${(cases / elapsed()).toFixed(1)} cases/s, ${failures.size} distinct failure(s)`);

  console.log(`Fuzz campaign: ${FUZZ_SUITES.length} properties, ${seconds} s, batches of ${batch} cases with fresh seeds.`);
  for (let round = 0; Date.now() < deadline; round++) {
    const suite = FUZZ_SUITES[round % FUZZ_SUITES.length];
    const seed = (Math.random() * 0x7fffffff) | 0;
    const details = fc.check(suite.property, { numRuns: batch, seed, interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()) });
    cases += details.numRuns;
    casesPerSuite.set(suite.name, (casesPerSuite.get(suite.name) ?? 0) + details.numRuns);
    if (details.failed) {
      const error = firstLine(details.errorInstance);
      const known = failures.get(error);
      if (known) known.hits++;
      else {
        const failure: Failure = { suite: suite.name, seed: details.seed, path: details.counterexamplePath ?? '', error, counterexample: fc.stringify(details.counterexample), hits: 1 };
        failures.set(error, failure);
        console.log(`\nFAILURE in "${suite.name}"\n  seed ${failure.seed}, path "${failure.path}"\n  ${error}\n  counterexample: ${failure.counterexample}\n`);
      }
    }
    if (Date.now() - lastReport >= 30_000) {
      report();
      lastReport = Date.now();
    }
  }

  const total = elapsed();
  console.log('\nCampaign finished.');
  console.log(`  time:            ${total.toFixed(1)} s`);
  console.log(`  cases run:       ${cases.toLocaleString('en-US')}`);
  console.log(`  cases/s:         ${(cases / total).toFixed(1)}`);
  for (const [name, count] of casesPerSuite) console.log(`    ${count.toLocaleString('en-US').padStart(9)}  ${name}`);
  console.log(`  exercised:       ${coverage.hovers.toLocaleString('en-US')} hovers, ${coverage.completions.toLocaleString('en-US')} completions, ${coverage.quickFixesApplied.toLocaleString('en-US')} quick fixes applied, ${coverage.simulations.toLocaleString('en-US')} simulations`);
  console.log(`  failures found:  ${failures.size} distinct (${[...failures.values()].reduce((sum, failure) => sum + failure.hits, 0)} failing batches)`);
  for (const failure of failures.values()) {
    console.log(`    - [${failure.suite}] ${failure.error}\n      seed ${failure.seed}, path "${failure.path}", ${failure.hits} hit(s)\n      ${failure.counterexample}`);
  }
  if (out) writeFileSync(out, JSON.stringify({ seconds: total, cases, casesPerSecond: cases / total, coverage, failures: [...failures.values()] }, null, 2));
  process.exitCode = failures.size > 0 ? 1 : 0;
}

main();
