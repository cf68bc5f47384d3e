/**
 * The re-parse property: after any chain of edits, parsing each version from the previous one's parse (as the store
 * does while the user types) gives what a fresh parse gives, down to every finding of the analysis.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/findings/finding';
import type { ManifestFile } from '../../../server/src/parse/model';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { documentSnapshot } from '../parse/documentSnapshot';

/** Replace `removed` characters at `at` (modulo the length) with `inserted`. */
export type Edit = [at: number, removed: number, inserted: string];

/** Pieces that open, close or split documents, quotes, flows and block scalars, besides ordinary typing. */
const PIECES = ['', '-', '---\n', '\n---\n', '---', '"', "'", '[', ']', '{', '|', '>-', ' ', '  ', '\n', '\r\n', 'x', ':', ': ', '# c', '...\n', '%', '&a ', '*a', 'apiVersion: v1\nkind: Pod\n'];

export function editChain(start: fc.Arbitrary<string>): fc.Arbitrary<[string, Edit[]]> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...PIECES));
  return fc.tuple(start, fc.array(edit, { minLength: 1, maxLength: 6 }));
}

export function checkReparse([start, edits]: [string, Edit[]]): void {
  let text = start;
  let previous = parseManifest(text);
  for (const [at, removed, inserted] of edits) {
    const offset = at % (text.length + 1);
    text = text.slice(0, offset) + inserted + text.slice(offset + removed);
    const reparsed = parseManifest(text, { previous });
    const fresh = parseManifest(text);
    assert.deepEqual(summaryOf(reparsed), summaryOf(fresh), 'the re-parse differs from a fresh parse');
    assert.deepEqual(findingsOf(reparsed), findingsOf(fresh), 'the findings on the re-parse differ from those on a fresh parse');
    previous = reparsed;
  }
}

function summaryOf(file: ManifestFile): unknown {
  return {
    documents: file.documents.map((document) => [document.span, document.tooDeep, documentSnapshot(document)]),
    resources: file.resources.map((resource) => [resource.index, resource.document.index, resource.apiVersion, resource.kind, resource.name, resource.namespace, resource.span, resource.object]),
    syntaxProblems: file.syntaxProblems,
    chunks: file.chunks?.map((chunk) => [chunk.start, chunk.end, chunk.documents.length]),
  };
}

function findingsOf(file: ManifestFile): unknown {
  const findings: Finding[] = analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: () => undefined });
  return findings.map((finding) => [finding.code, finding.severity, finding.message, finding.span]);
}
