import { strict as assert } from 'node:assert';
import { parseWebviewMessage, readPanelState } from '../../../client/src/preview/webviewMessages';

describe('preview host: messages from the webview', () => {
  it('accepts the known messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'selectResource', index: 2 }), { type: 'selectResource', index: 2 });
    assert.deepEqual(parseWebviewMessage({ type: 'scenario', scenario: { deleteAt: 5, junk: 1 } }), { type: 'scenario', scenario: { deleteAt: 5 } });
    const range = { start: { line: 12, character: 6 }, end: { line: 12, character: 14 } };
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', range: { ...range, extra: 'x' } }), { type: 'reveal', range });
  });

  it('rejects everything else', () => {
    const bad = [
      null,
      'ready',
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'selectResource', index: -1 },
      { type: 'selectResource', index: 1.5 },
      { type: 'selectResource', index: '1' },
      { type: 'selectResource', index: 1e9 },
      { type: 'scenario' },
      { type: 'scenario', scenario: 'deleteAt=5' },
      { type: 'scenario', scenario: [1] },
      { type: 'reveal' },
      { type: 'reveal', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
      { type: 'reveal', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } },
      { type: 'reveal', range: { start: { line: '1', character: 0 }, end: { line: 2, character: 0 } } },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('reads a saved panel state and checks it', () => {
    assert.deepEqual(readPanelState({ panel: { uri: 'file:///w/a.yaml', resourceIndex: 1, scenario: { deleteAt: 3, bad: true } }, view: { time: 4 } }), {
      uri: 'file:///w/a.yaml',
      resourceIndex: 1,
      scenario: { deleteAt: 3 },
    });
    assert.deepEqual(readPanelState({ panel: { uri: 'untitled:Untitled-1', resourceIndex: -3 } }), { uri: 'untitled:Untitled-1', scenario: {} });
    for (const saved of [undefined, null, {}, { panel: {} }, { panel: { uri: '' } }, { panel: { uri: 7 } }, { panel: { uri: 'x'.repeat(10_000) } }]) {
      assert.equal(readPanelState(saved), undefined, JSON.stringify(saved)?.slice(0, 80));
    }
  });
});
