/**
 * APPI Guard's language server over stdio, driven with the protocol's own client library: the initial
 * workspace run, then edits, each timed from `didChange` to the end of the run it causes (the server's
 * `appiGuard/status` going back to idle), by which time every diagnostic it changed has been published.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';
import { processMemory } from './processes.mjs';

const bin = fileURLToPath(new URL('../server/bin/appi-guard.js', import.meta.url));

export class LanguageServer {
  #child;
  #connection;
  #waiters = new Set();
  statuses = [];
  publishes = 0;
  #versions = new Map();

  /** `nodeArgs`: for Node itself, before the server's script (`--cpu-prof`, say). */
  static async start(root, { nodeArgs = [] } = {}) {
    const server = new LanguageServer(nodeArgs);
    await server.#initialize(root);
    return server;
  }

  constructor(nodeArgs) {
    this.#child = spawn(process.execPath, [...nodeArgs, bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.#connection = rpc.createProtocolConnection(
      new rpc.StreamMessageReader(this.#child.stdout),
      new rpc.StreamMessageWriter(this.#child.stdin),
    );
    this.#connection.onNotification('appiGuard/status', (status) => {
      this.statuses.push({ ...status, at: performance.now() });
      this.#wake();
    });
    this.#connection.onNotification('textDocument/publishDiagnostics', () => this.publishes++);
    this.#connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.#connection.onRequest('client/registerCapability', () => null);
    this.#connection.listen();
  }

  async #initialize(root) {
    const uri = pathToFileURL(root).href;
    await this.#connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'corpus' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await this.#connection.sendNotification('initialized', {});
  }

  /** Waits for the first idle status after index `since`; resolves with its time. */
  idle(since) {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.statuses.slice(since).find((status) => status.state === 'idle' || status.state === 'paused');
        if (!found) return;
        this.#waiters.delete(check);
        resolve(found);
      };
      this.#waiters.add(check);
      check();
    });
  }

  async open(file) {
    this.#versions.set(file, 1);
    await this.#connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: pathToFileURL(file).href,
        languageId: file.endsWith('.yaml') ? 'yaml' : 'typescript',
        version: 1,
        text: fs.readFileSync(file, 'utf8'),
      },
    });
  }

  /** One edit (0-based range, as the protocol counts) and the run it causes: milliseconds to idle. */
  async editAndSettle(file, range, text) {
    const since = this.statuses.length;
    const version = this.#versions.get(file) + 1;
    this.#versions.set(file, version);
    const started = performance.now();
    await this.#connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: pathToFileURL(file).href, version },
      contentChanges: [{ range, text }],
    });
    const done = await this.idle(since);
    return done.at - started;
  }

  /** The server's resident memory now and at its peak (Linux: /proc), in MB. */
  memory() {
    return processMemory(this.#child.pid);
  }

  async stop() {
    await this.#connection.sendRequest('shutdown');
    await this.#connection.sendNotification('exit');
    this.#connection.dispose();
  }

  #wake() {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
