import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { manifest, random } from '../../../bench/generatedManifests';
import { analyze, type AnalyzeOptions } from '../../../server/src/analysis/analyze';
import { ManifestStore, withoutBreakingFixes } from '../../../server/src/analysis/store';
import type { Finding } from '../../../server/src/findings/finding';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { summarizeFile } from '../../../server/src/workspace/summary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

const URI = 'file:///memo/app.yaml';
/** Each edit of the sequence: a name, and how it changes the text (given a random source). */
const EDITS: Array<[string, (text: string, next: () => number) => string]> = [
  ['a digit in the middle', (text, next) => replaceAt(text, Math.floor(next() * text.length), /\d/, '7')],
  ['a new line above everything', (text) => `# a comment\n${text}`],
  ['a line removed at the top', (text) => text.slice(text.indexOf('\n') + 1)],
  ['an image tag dropped', (text, next) => replaceAt(text, Math.floor(next() * text.length), /image: ([^\n:]+):[^\n]+/, 'image: $1')],
  ['a duplicate container name (its message names a line)', (text, next) => replaceAt(text, Math.floor(next() * text.length), /- name: log-shipper/, '- name: migrate')],
  ['a document broken, then the next edit goes on', (text, next) => replaceAt(text, Math.floor(next() * text.length), /replicas: /, 'replicas: [')],
  ['a Service renamed to the name of another (a duplicate identity, found across documents)', (text, next) => {
    const names = [...text.matchAll(/kind: Service\nmetadata:\n {2}name: (app-\d+)/g)];
    if (names.length < 2) return text;
    const [from, to] = [names[Math.floor(next() * names.length)], names[Math.floor(next() * names.length)]];
    return text.slice(0, from.index) + from[0].replace(from[1], to[1]) + text.slice(from.index + from[0].length);
  }],
  ['a blank line inserted mid-file', (text, next) => replaceAt(text, Math.floor(next() * text.length), /\n---\n/, '\n\n---\n')],
  ['a document deleted', (text, next) => {
    const at = text.indexOf('\n---\n', Math.floor(next() * text.length));
    const end = text.indexOf('\n---\n', at + 1);
    return at < 0 || end < 0 ? text : text.slice(0, at) + text.slice(end);
  }],
];

/** `text` with the first match of `pattern` at or after `from` (else before it) replaced. */
function replaceAt(text: string, from: number, pattern: RegExp, replacement: string): string {
  const after = text.slice(from).replace(pattern, replacement);
  return after !== text.slice(from) ? text.slice(0, from) + after : text.replace(pattern, replacement);
}

/** What a finding says, its fixes included (reading them builds them). */
const described = (findings: Finding[]) => findings.map((finding) => ({
  code: finding.code, severity: finding.severity, message: finding.message, span: finding.span, tags: finding.tags,
  fixes: finding.fixes?.map((fix) => ({ title: fix.title, edits: fix.edits, preferred: fix.preferred })),
}));

describe('analysis memoised per YAML document: the same findings as a whole analysis, fewer documents checked', function () {
  this.timeout(120_000);
  let index = new WorkspaceIndex();
  const options = (uri: string): AnalyzeOptions => ({ settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw error; }, workspace: { uri, index } });
  const alone = (): AnalyzeOptions => ({ settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw error; } });

  for (const [seed, withWorkspace] of [[1, true], [2, true], [3, false]] as const) {
    it(`gives, after each edit of a sequence, exactly the findings and fixes of a fresh analysis (seed ${seed}${withWorkspace ? ', in a workspace' : ', alone'})`, () => {
      const next = random(seed);
      index = new WorkspaceIndex();
      const store = new ManifestStore(withWorkspace ? options : alone);
      let text = manifest(1500);
      const document = TextDocument.create(URI, 'yaml', 1, text);
      if (withWorkspace) index.setOpenFile(URI, summarizeFile(URI, store.file(document)));
      store.findings(document);
      for (let step = 0; step < 24; step++) {
        const [name, edit] = EDITS[Math.floor(next() * EDITS.length)];
        text = edit(text, next);
        TextDocument.update(document, [{ text }], document.version + 1);
        // As the server does: the workspace index learns the new version before its analysis.
        if (withWorkspace) index.setOpenFile(URI, summarizeFile(URI, store.file(document)));
        const memoised = store.findings(document);
        const file = parseManifest(text);
        const whole = withoutBreakingFixes(file, analyze(file, withWorkspace ? options(URI) : alone()));
        assert.deepEqual(described(memoised), described(whole), `step ${step}: ${name}`);
        if (withWorkspace) assert.deepEqual(index.fileSummaries(URI), summarizeFile(URI, file), `step ${step}: ${name}: the workspace summaries`);
      }
    });
  }

  it('computes again a message that names a line when lines are added above its document', () => {
    const store = new ManifestStore(options);
    const text = manifest(300).replace('- name: log-shipper', '- name: migrate');
    const document = TextDocument.create(URI, 'yaml', 1, text);
    const message = (): string => store.findings(document).find((finding) => finding.code === 'duplicate-name')!.message;
    const line = text.slice(0, text.indexOf('- name: migrate')).split('\n').length;
    assert.match(message(), new RegExp(`\\(line ${line}\\)`));
    TextDocument.update(document, [{ text: `# one\n# two\n${text}` }], 2);
    assert.match(message(), new RegExp(`\\(line ${line + 2}\\)`));
  });

  it('checks again only the edited document when a character changes, and every document after settings change', () => {
    const store = new ManifestStore(options);
    const text = manifest(1500);
    const document = TextDocument.create(URI, 'yaml', 1, text);
    store.findings(document);
    const resources = store.file(document).resources.length;
    assert.equal(store.documentsCheckedLast(URI), resources);
    const at = text.indexOf('memory: ', Math.floor(text.length / 2)) + 'memory: '.length;
    TextDocument.update(document, [{ text: `${text.slice(0, at)}9${text.slice(at)}` }], 2);
    store.findings(document);
    assert.equal(store.documentsCheckedLast(URI), 1);
    store.invalidateFindings();
    store.findings(document);
    assert.equal(store.documentsCheckedLast(URI), resources);
  });
});
