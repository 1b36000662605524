/**
 * The protocol layer under a client that breaks it: a header the server cannot read ends the server with a
 * reason (a client restarts a server that exits; it would wait for ever on one that went deaf), a second
 * `initialize` is refused, and a request before `initialize` gets −32002, never an empty answer.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { workspace } from '../support/cli';
import { uriOf } from '../support/lsp-client';
import { initialize, RawServer } from '../support/raw-server';
import { purposes } from './fixtures';

describe('the protocol layer', () => {
  const headers: [string, string][] = [
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{}'],
    [
      'a Content-Length too short, which leaves the rest of the body where a header should be',
      'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}Content-Length: 2\r\n\r\n{}',
    ],
  ];
  for (const [name, raw] of headers) {
    it(`exits 1 with a reason on ${name}`, async () => {
      const server = new RawServer();
      server.write(raw);
      assert.equal(await server.exit(), 1);
      assert.match(server.stderr, /^appi-guard lsp: cannot read the client's messages: .*Content-Length.*; exiting$/m);
    });
  }

  const stuck: [string, string][] = [
    ['headers whose lines end in a line feed alone', 'Content-Length: 2\n\n{}'],
    ['a Content-Length longer than its message', 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
  ];
  for (const [name, raw] of stuck) {
    it(`exits 1 with a reason on ${name}, once the input completes no message`, async () => {
      const server = new RawServer();
      server.write(raw);
      assert.equal(await server.exit(), 1);
      assert.match(
        server.stderr,
        /^appi-guard lsp: cannot read the client's messages: no complete message in 2000 ms of input: .*; exiting$/m,
      );
    });
  }

  it('goes on after a well-framed message that is not JSON, however long the client then waits', async () => {
    const root = workspace(purposes);
    const server = new RawServer();
    server.write('Content-Length: 12\r\n\r\n{"jsonrpc":2');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    server.send(initialize(1, root));
    assert.ok((await server.answer(1))?.result);
    server.send({ id: 2, method: 'shutdown' });
    await server.answer(2);
    server.send({ method: 'exit' });
    assert.equal(await server.exit(), 0);
  });

  it('answers a request before initialize with -32002, and refuses a second initialize', async () => {
    const root = workspace(purposes);
    const server = new RawServer();
    server.send({
      id: 1,
      method: 'textDocument/hover',
      params: { textDocument: { uri: uriOf(path.join(root, 'app/campaign.ts')) }, position: { line: 4, character: 11 } },
    });
    assert.equal((await server.answer(1))?.error?.code, -32002);
    server.send(initialize(2, root));
    assert.ok((await server.answer(2))?.result, 'the first initialize is answered');
    server.send(initialize(3, root));
    const second = await server.answer(3);
    assert.equal(second?.error?.code, -32600);
    assert.match(second!.error!.message, /already initialized/);
    server.send({ id: 4, method: 'shutdown' });
    await server.answer(4);
    server.send({ method: 'exit' });
    assert.equal(await server.exit(), 0);
  });
});
