import fc from 'fast-check';
import { corpusTexts } from './inputs';
import { checkEverything } from './properties';
import { FUZZ_SUITES } from './suites';

/**
 * Property-based fuzzing of the whole server pipeline (parse, rules and schema, hover, completion, code actions,
 * simulator). 10,900 cases per run with a fresh seed; a failure prints the seed and the shrunk input, to replay with
 * fc.assert(..., { seed, path }) and to keep as a case in regressions.test.ts. bench/fuzz-campaign.ts runs the same
 * properties for as long as asked.
 */
describe('fuzz: hostile text through the whole pipeline', function () {
  this.timeout(120_000);
  // The server runs with Node's default stack trace limit; mocha lifts it, and the parser's recovery from deep
  // input then spends its time building traces.
  let stackTraceLimit: number;
  before(() => { stackTraceLimit = Error.stackTraceLimit; Error.stackTraceLimit = 10; });
  after(() => { Error.stackTraceLimit = stackTraceLimit; });

  it('every corpus manifest, unmutated', () => {
    for (const text of corpusTexts()) checkEverything(text, { at: [0.1, 0.3, 0.5, 0.7, 0.9], scenario: {} });
  });

  for (const suite of FUZZ_SUITES) {
    it(`${suite.name}: ${suite.runs.toLocaleString('en-US')} cases`, () => {
      fc.assert(suite.property, { numRuns: suite.runs });
    });
  }
});
