/**
 * A seeded fuzz of what a client can send: thousands of well-framed messages of every shape (bodies that
 * are not JSON-RPC, unknown methods, edits with ranges anywhere, requests at any position), then streams
 * whose framing breaks. After each batch the server must answer a request, and a stream it cannot frame
 * must end it, with status 1, within its framing timeout: never a server that neither answers nor exits.
 * The same seed makes the same cases, so a failure can be replayed; about a minute in all.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { workspace } from '../support/cli';
import { uriOf } from '../support/lsp-client';
import { type Answer, initialize, RawServer } from '../support/raw-server';
import { purposes } from './fixtures';

/** The corpus generator's seeded source (bench/corpus/random.mjs): the same cases for the same seed. */
interface Seeded {
  next(): number;
  int(lo: number, hi: number): number;
}

async function random(seed: number) {
  const script = pathToFileURL(path.resolve(__dirname, '../../../bench/corpus/random.mjs')).href;
  const { createRandom } = (await import(script)) as { createRandom(seed: number): Seeded };
  const source = createRandom(seed);
  const int = (below: number) => source.int(0, below - 1);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next: () => source.next(), int, pick };
}

type Random = Awaited<ReturnType<typeof random>>;

const words = ['', 'p', 'name', 'Patient', '@purpose', '/**', '*/', '{', '}', '\n', '\u0000', '日本', '`${', '"', "'", ' '.repeat(40)];

function text(r: Random): string {
  return Array.from({ length: r.int(8) }, () => r.pick(words)).join('');
}

function value(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 4 : 7)) {
    case 0:
      return null;
    case 1:
      return r.int(1e6) - 5e5;
    case 2:
      return text(r);
    case 3:
      return r.next() < 0.5;
    case 4:
      return Array.from({ length: r.int(4) }, () => value(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [r.pick(['uri', 'textDocument', 'position', 'range', 'x', 'id']), value(r, depth + 1)]),
      );
  }
}

const position = (r: Random) => ({ line: r.int(12) - 1, character: r.int(60) - 2 });

/** One well-framed message: a notification or a request (odd ids are the fuzz's, even the probes'). */
function message(r: Random, uri: string, id: number, version: { next: number }): object | string {
  switch (r.int(8)) {
    case 0:
      return JSON.stringify(value(r));
    case 1:
      return { id, method: r.pick(['appiGuard/none', 'textDocument/unknown', '$/x']), params: value(r) };
    case 2:
      return {
        method: r.pick(['textDocument/didChange', 'textDocument/didOpen', 'textDocument/didClose', 'workspace/didChangeConfiguration']),
        params: value(r),
      };
    case 3:
    case 4: {
      const start = position(r);
      const range = { start, end: r.next() < 0.7 ? { line: start.line + r.int(3), character: r.int(40) } : position(r) };
      return {
        method: 'textDocument/didChange',
        params: {
          textDocument: { uri, version: version.next++ },
          contentChanges: [r.next() < 0.15 ? { text: text(r) } : { range, text: text(r) }],
        },
      };
    }
    default:
      return {
        id,
        method: r.pick(['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/codeLens']),
        params: { textDocument: { uri: r.next() < 0.9 ? uri : `file:///nowhere/${text(r)}` }, position: position(r) },
      };
  }
}

function frame(body: object | string): string {
  const text = typeof body === 'string' ? body : JSON.stringify({ jsonrpc: '2.0', ...body });
  return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

/** What breaks framing: bytes without a header, broken headers, a length that lies. */
function breakage(r: Random): string {
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'x' });
  switch (r.int(6)) {
    case 0:
      return text(r) + body;
    case 1:
      return `Content-Length: ${r.pick(['', 'x', '1e3', 'NaN', '-'])}\r\n\r\n${body}`;
    case 2:
      return `Content-Length: ${body.length}\n\n${body}`;
    case 3:
      return `Content-Length: ${body.length + 1 + r.int(100)}\r\n\r\n${body}`;
    case 4:
      return `X-Nothing: 1\r\n\r\n${body}`;
    default:
      return Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256))).toString('latin1');
  }
}

async function started(root: string): Promise<RawServer> {
  const server = new RawServer();
  server.send(initialize(0, root));
  assert.ok((await server.answer(0))?.result, `initialize answered\n${server.stderr}`);
  server.send({ method: 'initialized', params: {} });
  return server;
}

describe('fuzz: what a client sends', () => {
  const root = workspace(purposes);
  const campaign = path.join(root, 'app/campaign.ts');
  const uri = uriOf(campaign);
  const probe = { textDocument: { uri }, position: { line: 4, character: 11 } };

  it('answers after thousands of well-framed messages of every shape (seed 1414)', async () => {
    const r = await random(1414);
    const server = await started(root);
    server.send({
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(campaign, 'utf8') } },
    });
    const version = { next: 2 };
    for (let batch = 0; batch < 60; batch++) {
      let chunk = '';
      for (let i = 0; i < 50; i++) chunk += frame(message(r, uri, 2 * (batch * 50 + i) + 1, version));
      server.write(chunk);
      const id = 2 * batch + 1_000_000;
      server.send({ id, method: 'textDocument/hover', params: probe });
      const answer: Answer | undefined = await server.answer(id, 20_000);
      assert.ok(answer, `batch ${batch}: no answer to the probe (running: ${server.running})\n${server.stderr}`);
    }
    assert.ok(server.running, server.stderr);
    server.stop();
  });

  it('answers or exits with a reason, within its framing timeout, on a stream whose framing breaks (seed 1415)', async () => {
    const r = await random(1415);
    for (let round = 0; round < 24; round++) {
      const server = await started(root);
      server.write(breakage(r));
      server.send({ id: 7, method: 'textDocument/hover', params: probe });
      const answer = await server.answer(7, 5_000);
      if (answer === undefined) {
        const exit = await server.exit(5_000);
        assert.equal(exit, 1, `round ${round}: neither answered nor exited with 1 (${exit})\n${server.stderr}`);
        assert.match(server.stderr, /cannot read the client's messages/);
      }
      server.stop();
    }
  });
});
