import * as assert from 'node:assert/strict';
import { EDITOR_CAPABILITIES, InProcessClient } from '../../support/inProcessServer';
import { ANCHOR_CASES } from './cases';

const TEXT = ANCHOR_CASES.find((testCase) => testCase.rule === 'invalid-quantity')!.text;

function rangeOf(needle: string) {
  const at = TEXT.indexOf(needle);
  const position = (offset: number) => ({ line: TEXT.slice(0, offset).split('\n').length - 1, character: offset - (TEXT.lastIndexOf('\n', offset - 1) + 1) });
  return { start: position(at), end: position(at + needle.length) };
}

describe('anchors over the language server protocol', function () {
  this.timeout(20_000);
  let client: InProcessClient | undefined;
  afterEach(async () => { await client?.stop(); client = undefined; });

  it('a diagnostic at an alias carries the anchor as relatedInformation to a client that takes it', async () => {
    client = await InProcessClient.start({ capabilities: EDITOR_CAPABILITIES });
    const { uri, diagnostics } = await client.open('anchors.yaml', TEXT);
    const atAlias = diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-quantity' && diagnostic.relatedInformation);
    assert.equal(atAlias.length, 1);
    assert.deepEqual(atAlias[0].range, rangeOf('*r'));
    assert.deepEqual(atAlias[0].relatedInformation, [{
      location: { uri, range: rangeOf('{limits: {cpu: lots}}') },
      message: 'The anchor &r that this alias stands for',
    }]);
  });

  it('and none to a client that did not declare it', async () => {
    client = await InProcessClient.start({ capabilities: { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, publishDiagnostics: {} } } });
    const { diagnostics } = await client.open('anchors.yaml', TEXT);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-quantity').length, 2);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.relatedInformation === undefined));
  });
});
