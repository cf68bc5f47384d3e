import fc from 'fast-check';
import { corpusTexts, hostileText, mutatedCorpusManifest, randomManifest, tokenSoup } from './inputs';
import { checkEverything, loadSimulator, probe } from './properties';

/**
 * Property-based fuzzing of the whole server pipeline (parse, rules and schema, hover, quick fixes, simulator).
 * 10,500 cases per run with a fresh seed; a failure prints the seed and the shrunk input to replay it:
 * fc.assert(..., { seed, path }). scripts/fuzz-campaign runs the same properties for as long as asked.
 */
describe('fuzz: hostile text through the whole pipeline', function () {
  this.timeout(120_000);
  let stackTraceLimit: number;
  before(async () => {
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    await loadSimulator();
  });
  after(() => { Error.stackTraceLimit = stackTraceLimit; });

  it('every corpus manifest, unmutated', () => {
    for (const text of corpusTexts()) checkEverything(text, { hoverAt: [0.1, 0.3, 0.5, 0.7, 0.9], scenario: {} });
  });

  it('mutated corpus manifests (byte flips, line deletions and duplications, indentation, truncation, CRLF): 4,000 cases', () => {
    fc.assert(fc.property(mutatedCorpusManifest, probe, checkEverything), { numRuns: 4000 });
  });

  it('random manifests built from pod-spec words: 3,000 cases', () => {
    fc.assert(fc.property(randomManifest, probe, checkEverything), { numRuns: 3000 });
  });

  it('token soup of YAML punctuation, control characters and surrogates: 2,000 cases', () => {
    fc.assert(fc.property(tokenSoup, probe, checkEverything), { numRuns: 2000 });
  });

  it('a mix, including multi-document files: 1,500 cases', () => {
    fc.assert(fc.property(hostileText, probe, checkEverything), { numRuns: 1500 });
  });
});
