/**
 * TypeScript's own server, driven through its protocol as an editor does: open a file, then after each edit
 * ask for the file's semantic diagnostics (`semanticDiagnosticsSync`) — the reference latency.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { processMemory } from './processes.mjs';

const require = createRequire(import.meta.url);
const tsserverPath = path.join(path.dirname(require.resolve('typescript')), 'tsserver.js');

export class TsServer {
  #child;
  #seq = 0;
  #pending = new Map();
  #buffer = '';

  constructor() {
    this.#child = spawn(process.execPath, [tsserverPath, '--disableAutomaticTypingAcquisition'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk) => this.#read(chunk));
  }

  request(command, args) {
    const seq = ++this.#seq;
    this.#child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return new Promise((resolve) => this.#pending.set(seq, resolve));
  }

  /** `open` answers nothing; a request after it does, once the open is processed. */
  async open(file, root) {
    this.#child.stdin.write(
      `${JSON.stringify({ seq: ++this.#seq, type: 'request', command: 'open', arguments: { file, projectRootPath: root } })}\n`,
    );
    return this.request('semanticDiagnosticsSync', { file });
  }

  /** One edit (1-based line and offset, as tsserver counts) and the file's diagnostics after it: milliseconds. */
  async editAndCheck(file, edit) {
    const started = performance.now();
    this.#child.stdin.write(`${JSON.stringify({ seq: ++this.#seq, type: 'request', command: 'change', arguments: { file, ...edit } })}\n`);
    await this.request('semanticDiagnosticsSync', { file });
    return performance.now() - started;
  }

  /** tsserver's resident memory now and at its peak (Linux: /proc), in MB. */
  memory() {
    return processMemory(this.#child.pid);
  }

  close() {
    this.#child.kill();
  }

  #read(chunk) {
    this.#buffer += chunk;
    for (;;) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(this.#buffer);
      if (!header) return;
      const start = header[0].length;
      // Content-Length counts bytes; the messages are ASCII-safe JSON here except for paths.
      const body = Buffer.from(this.#buffer.slice(start), 'utf8');
      const length = Number(header[1]);
      if (body.length < length) return;
      const message = JSON.parse(body.subarray(0, length).toString('utf8'));
      this.#buffer = body.subarray(length).toString('utf8');
      if (message.type === 'response') {
        this.#pending.get(message.request_seq)?.(message);
        this.#pending.delete(message.request_seq);
      }
    }
  }
}
