/** The fuzz properties, each with the generator that feeds it and its number of cases per unit-test run. */
import fc from 'fast-check';
import { hostileText, mutatedCorpusManifest, randomManifest, tokenSoup } from './inputs';
import { checkEverything, probe } from './properties';
import { anchoredManifest, checkAnchored } from './anchored';
import { checkReparse, editChain } from './reparse';

export interface FuzzSuite {
  name: string;
  property: fc.IProperty<[string, unknown]>;
  /** Cases per run of the unit suite. */
  runs: number;
}

const everything = (input: fc.Arbitrary<string>) => fc.property(input, probe, (text, where) => checkEverything(text, where)) as fc.IProperty<[string, unknown]>;

export const FUZZ_SUITES: FuzzSuite[] = [
  { name: 'mutated corpus manifests (byte flips, line deletions and duplications, indentation, truncation, CRLF)', property: everything(mutatedCorpusManifest), runs: 4000 },
  { name: 'random manifests built from pod-spec words', property: everything(randomManifest), runs: 3000 },
  { name: 'token soup of YAML punctuation, control characters and surrogates', property: everything(tokenSoup), runs: 2000 },
  { name: 'a mix, including multi-document files', property: everything(hostileText), runs: 1500 },
  {
    name: 'random manifests with anchors, aliases and merge keys: checked as above, read as the decoder reads them, fixes keep every alias',
    property: fc.property(anchoredManifest, probe, (text, where) => checkAnchored(text, where)) as fc.IProperty<[string, unknown]>,
    runs: 400,
  },
  {
    name: 'chains of edits, each version parsed from the previous one\'s parse, against a fresh parse',
    property: fc.property(editChain(fc.oneof(mutatedCorpusManifest, hostileText)), checkReparse) as unknown as fc.IProperty<[string, unknown]>,
    runs: 500,
  },
];
