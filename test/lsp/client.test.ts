import * as assert from 'node:assert/strict';
import { LspClient } from './client';

/**
 * The handles that keep this process alive, by kind ("Timeout", "PipeWrap", "ProcessWrap", ...; requests in flight
 * such as "FSReqCallback" left out), once the handles closed before this call have finished closing (libuv closes
 * them in a later turn of the event loop).
 */
async function activeResources(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return process.getActiveResourcesInfo().filter((kind) => !kind.includes('Req')).sort();
}

// Answers `initialize`, then sends the header and the first bytes of a message and exits: a server that dies mid-message.
const DIES_MID_MESSAGE = `
let input = '';
process.stdin.on('data', (chunk) => {
  input += chunk;
  const match = /"id":(\\d+)/.exec(input);
  if (!match) return;
  const reply = JSON.stringify({ jsonrpc: '2.0', id: Number(match[1]), result: { capabilities: {} } });
  process.stdout.write('Content-Length: ' + Buffer.byteLength(reply) + '\\r\\n\\r\\n' + reply);
  process.stdout.write('Content-Length: 100\\r\\n\\r\\n{"jsonrpc":', () => process.exit(0));
});
`;

describe('LSP test client: stop() leaves nothing that keeps the test run alive', () => {
  it('after a real server shuts down and exits, the process holds the same resources as before it started', async () => {
    const before = await activeResources();
    const client = await LspClient.start();
    await client.open(client.uri('stop.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n');
    await client.waitForDiagnostics(client.uri('stop.yaml'));
    await client.stop();
    assert.equal(client.process.exitCode, 0, 'the server exits on its own after shutdown and exit');
    assert.deepEqual(await activeResources(), before);
  });

  it('after a server that died in the middle of a message, no timer is left behind', async () => {
    const before = await activeResources();
    const client = await LspClient.start({ command: [process.execPath, '-e', DIES_MID_MESSAGE] });
    await new Promise((resolve) => client.process.once('exit', resolve));
    await client.stop();
    assert.deepEqual(await activeResources(), before);
  });

  it('kills a server that does not exit when asked, and waits until it is gone', async () => {
    const before = await activeResources();
    const client = await LspClient.start({ command: [process.execPath, '-e', DIES_MID_MESSAGE.replace('process.exit(0)', '0')] });
    await client.stop(300);
    assert.equal(client.process.signalCode, 'SIGKILL');
    assert.deepEqual(await activeResources(), before);
  });
});
