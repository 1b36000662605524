import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { after } from 'node:test';
import { serverDirectory } from './cli';
import { uriOf } from './lsp-client';

const bin = path.join(serverDirectory, 'bin', 'appi-guard.js');

/** Every server started, stopped when the suite ends: one that went deaf must not keep the run waiting. */
const started: ChildProcess[] = [];
after(() => {
  for (const child of started) if (child.exitCode === null) child.kill();
});

export interface Answer {
  readonly id?: number | string;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

/**
 * `appi-guard lsp --stdio` driven with raw bytes, for what a real client library would refuse to send: the
 * answers it writes, framed and parsed as they come, and how it ended. Input that completes no message for
 * 2 s counts as lost framing (`APPI_GUARD_FRAME_TIMEOUT_MS`; 10 s unless told).
 */
export class RawServer {
  readonly child: ChildProcess;
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly answers = new Map<number | string, Answer>();
  private pending = Buffer.alloc(0);

  constructor() {
    this.child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, APPI_GUARD_FRAME_TIMEOUT_MS: '2000' },
    });
    started.push(this.child);
    this.child.stdout!.on('data', (chunk: Buffer) => this.take(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // A server that exited takes no more input: writing to it is not the test's failure.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  write(raw: string | Buffer): void {
    if (this.running) this.child.stdin!.write(raw);
  }

  /** The answer to request `id`, waited for up to `ms`; undefined when none came (or the server ended). */
  async answer(id: number | string, ms = 10_000): Promise<Answer | undefined> {
    for (let waited = 0; waited < ms; waited += 10) {
      const answer = this.answers.get(id);
      if (answer) return answer;
      if (!this.running) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return undefined;
  }

  /** How it ended, within `ms`; undefined when it is still running. */
  async exit(ms = 10_000): Promise<number | null | undefined> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());
    return Promise.race([this.exited, timeout]);
  }

  stop(): void {
    if (this.running) this.child.kill();
  }

  private take(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.pending.subarray(0, end).toString())?.[1]);
      if (this.pending.length < end + 4 + length) return;
      const message = JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString()) as Answer & { method?: string };
      this.pending = this.pending.subarray(end + 4 + length);
      if (message.id !== undefined && message.method === undefined) this.answers.set(message.id, message);
    }
  }
}

export const initialize = (id: number, root: string) => ({
  id,
  method: 'initialize',
  params: { processId: null, rootUri: uriOf(root), capabilities: {}, workspaceFolders: [{ uri: uriOf(root), name: 'w' }] },
});
