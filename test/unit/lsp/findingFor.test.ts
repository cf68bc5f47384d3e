import * as assert from 'node:assert/strict';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../../server/src/lsp/features/codeActions';
import { findingFor, findingId } from '../../../server/src/lsp/features/findingFor';
import { standaloneContext } from '../../../server/src/lsp/context';
import { analyzeText } from '../hostile/support';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - {name: web, image: "nginx:1.27", command: ["echo 🚀 été"], resources: {limits: {memory: 1gb}}}
`;
const LINE = 6;

/** The diagnostic as Neovim 0.7 sends it back: its columns counted in UTF-8 bytes, `data` kept or not. */
function asNeovimSendsIt(diagnostic: Diagnostic, text: string, keepData: boolean): Diagnostic {
  const line = text.split('\n')[diagnostic.range.start.line];
  const bytes = (character: number) => Buffer.byteLength(line.slice(0, character));
  const { data, ...rest } = diagnostic;
  return {
    ...rest,
    ...(keepData ? { data } : {}),
    range: { start: { line: diagnostic.range.start.line, character: bytes(diagnostic.range.start.character) }, end: { line: diagnostic.range.end.line, character: bytes(diagnostic.range.end.character) } },
  };
}

function quickFixTitles(analysed: ReturnType<typeof analyzeText>, diagnostic: Diagnostic, character: number): string[] {
  const params: CodeActionParams = {
    textDocument: { uri: analysed.document.uri },
    range: { start: { line: LINE, character }, end: { line: LINE, character } },
    context: { diagnostics: [diagnostic] },
  };
  const context = standaloneContext(analysed.document, analysed.file, { findings: () => analysed.findings });
  return codeActions(context, params).map((action) => action.title);
}

describe('lsp: the finding behind a diagnostic the client sends back', () => {
  const analysed = analyzeText(POD);
  const diagnostic = analysed.diagnostics.find((candidate) => candidate.code === 'invalid-quantity')!;
  const finding = analysed.findings.find((candidate) => candidate.code === 'invalid-quantity')!;

  it('gives each diagnostic a stable id in data, the same for the same finding', () => {
    assert.deepEqual(diagnostic.data, { id: findingId(finding) });
    assert.equal(findingId(analyzeText(POD).findings.find((candidate) => candidate.code === 'invalid-quantity')!), findingId(finding));
    const ids = analysed.findings.map(findingId);
    assert.equal(new Set(ids).size, ids.length, 'no two findings share an id');
  });

  it('finds it by data though the range is in bytes, and offers its fixes from the start of the line', () => {
    const sent = asNeovimSendsIt(diagnostic, POD, true);
    assert.notDeepEqual(sent.range, diagnostic.range, 'the emoji and é shift the byte columns, or this test proves nothing');
    assert.equal(findingFor(analysed.document, analysed.findings, sent), finding);
    assert.ok(quickFixTitles(analysed, sent, 0).some((title) => title.startsWith('Change to 1G')));
  });

  it('without data, finds it by code and overlapping range', () => {
    const sent = asNeovimSendsIt(diagnostic, POD, false);
    assert.equal(findingFor(analysed.document, analysed.findings, sent), finding);
    assert.ok(quickFixTitles(analysed, sent, 0).some((title) => title.startsWith('Change to 1G')));
  });

  it('finds nothing for a code with no finding there, or a range on another line', () => {
    const sent = asNeovimSendsIt(diagnostic, POD, false);
    assert.equal(findingFor(analysed.document, analysed.findings, { ...sent, code: 'image-tag' }), undefined);
    const elsewhere = { ...sent, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } };
    assert.equal(findingFor(analysed.document, analysed.findings, elsewhere), undefined);
    assert.deepEqual(quickFixTitles(analysed, { ...sent, data: { id: 'not-an-id' }, code: 'nothing-here' }, 0), []);
  });
});
