/**
 * A real JSON-RPC client for the language server: spawns `appi-guard lsp --stdio` (the built server, as
 * other editors start it) and speaks the protocol through `vscode-languageserver-protocol`, as an editor
 * would — answering configuration, registration, progress, apply-edit and show-document requests, and
 * keeping the diagnostics it is sent. Tests wait for states (a file's diagnostics, an idle status), never
 * for fixed times.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import type { Status } from 'appi-guard-server/lsp/status';
import {
  ApplyWorkspaceEditRequest,
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ShowDocumentParams,
  ShowDocumentRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { serverDirectory } from './cli';

const bin = path.join(serverDirectory, 'bin', 'appi-guard.js');

export type { Status };

export interface StartOptions {
  /** Workspace folders, absolute paths. */
  readonly folders: readonly string[];
  /** The `appiGuard` settings section answered for every scope. */
  readonly settings?: Record<string, unknown>;
  readonly env?: Readonly<Record<string, string>>;
  /** Leave out `codeAction.resolveSupport` to get edits at once. */
  readonly resolveSupport?: boolean;
  /**
   * A client that cannot be asked for its settings (`workspace/configuration`), as Neovim 0.7: it gives them
   * in `initializationOptions` and pushes changes with `workspace/didChangeConfiguration`.
   */
  readonly pushSettings?: boolean;
}

/** What VS Code says it can do, as far as this server asks. */
function capabilities(options: StartOptions): ClientCapabilities {
  return {
    workspace: {
      configuration: options.pushSettings !== true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        ...(options.resolveSupport !== false && { resolveSupport: { properties: ['edit'] } }),
      },
      hover: { contentFormat: ['markdown'] },
      completion: { completionItem: { snippetSupport: false } },
    },
    window: { workDoneProgress: true, showDocument: { support: true } },
  };
}

export class LspClient {
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  readonly statuses: Status[] = [];
  /** Diagnostics and statuses in the order they came: `publish <uri>`, `status <state>`. */
  readonly events: string[] = [];
  readonly logs: string[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly shown: ShowDocumentParams[] = [];
  readonly registrations: string[] = [];
  /** Edits the server asked the client to apply (`workspace/applyEdit`). */
  readonly applied: WorkspaceEdit[] = [];
  settings: Record<string, unknown>;
  private readonly waiters = new Set<() => void>();
  private stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child, options);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    client.listen();
    connection.listen();
    const folders = options.folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) }));
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: capabilities(options),
      ...(options.pushSettings && { initializationOptions: { appiGuard: options.settings ?? {} } }),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, {
        ...(params.version !== undefined && { version: params.version }),
        diagnostics: params.diagnostics,
      });
      this.events.push(`publish ${params.uri}`);
      this.wake();
    });
    c.onNotification('appiGuard/status', (status: Status) => {
      this.statuses.push(status);
      this.events.push(`status ${status.state}`);
      this.wake();
    });
    c.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.wake();
    });
    c.onNotification('$/progress', (params: LspClient['progress'][number]) => {
      this.progress.push(params);
      this.wake();
    });
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, () => {});
    c.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applied.push(params.edit);
      this.wake();
      return { applied: true };
    });
    c.onRequest(ShowDocumentRequest.type, (params) => {
      this.shown.push(params);
      this.wake();
      return { success: true };
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves when `condition` holds (checked now and on every message); rejects after `ms` saying what it waited for. */
  until<T>(what: string, condition: () => T | undefined | false, ms = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (value === undefined || value === false) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}\nserver log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, ms);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Waits for a status with one of `states` among those that arrive from index `since` on. */
  idle(since = 0, states: readonly string[] = ['idle']): Promise<Status> {
    return this.until(`an ${states.join('/')} status`, () => this.statuses.slice(since).find((status) => states.includes(status.state)));
  }

  diagnosticsOf(file: string): Diagnostic[] {
    return this.diagnostics.get(uriOf(file))?.diagnostics ?? [];
  }

  /** Waits until a file's published diagnostics satisfy `accept`. */
  diagnosticsWhere(file: string, what: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return this.until(`${path.basename(file)}: ${what}`, () => {
      const published = this.diagnostics.get(uriOf(file));
      return published && accept(published.diagnostics) ? published.diagnostics : undefined;
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may be gone already (a test that kills it); the process is ended below either way.
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  private readonly versions = new Map<string, number>();

  /** Opens a file with its text on disk (or `text`), as an editor tab. */
  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<void> {
    this.versions.set(file, 1);
    const languageId = file.endsWith('.yaml') ? 'yaml' : file.endsWith('.tsx') ? 'typescriptreact' : 'typescript';
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(file), languageId, version: 1, text },
    });
  }

  /** Replaces an open document's whole text (unsaved: the disk keeps the old one). Returns the new version. */
  async change(file: string, text: string): Promise<number> {
    const version = (this.versions.get(file) ?? 0) + 1;
    this.versions.set(file, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(file), version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async close(file: string): Promise<void> {
    this.versions.delete(file);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(file) } });
  }

  /** Tells the server what changed on disk, as the editor's file watcher does. */
  async watched(changes: readonly { file: string; type: 'created' | 'changed' | 'deleted' }[]): Promise<void> {
    const types: Record<string, FileChangeType> = {
      created: FileChangeType.Created,
      changed: FileChangeType.Changed,
      deleted: FileChangeType.Deleted,
    };
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map((change) => ({ uri: uriOf(change.file), type: types[change.type] })),
    });
  }

  /** Writes raw bytes to the server's input, bypassing the protocol library (for malformed messages). */
  writeRaw(bytes: string): void {
    this.child.stdin!.write(bytes);
  }

  /** The server's resident memory now, in MB (`ps`, so that it reads the same on Linux and macOS). */
  residentMb(): number {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(this.child.pid)], { encoding: 'utf8' }).trim()) / 1024;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }
}

/** As VS Code writes a file's URI. */
export function uriOf(file: string): string {
  return URI.file(file).toString();
}

/**
 * A server for the enclosing suite: started before its tests (its first workspace run awaited, unless
 * `settle` is false), handed to `use`, stopped after them.
 */
export function serverForSuite(
  options: StartOptions,
  use: (client: LspClient) => void,
  { settle = true }: { settle?: boolean } = {},
): void {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start(options);
    use(client);
    if (settle) await client.idle();
  });
  after(() => client?.stop());
}
