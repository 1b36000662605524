import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { workspace } from '../support/cli';
import { installedExtension, repository } from './bundle';

const manifest = JSON.parse(fs.readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
  version: string;
  contributes: { commands: { command: string }[] };
};

/**
 * A use that the server finds only if the bundled TypeScript reads its standard library: `p` gets its type
 * from `Array.prototype.map` in `lib.es5.d.ts`, which the bundle reads from beside `dist/server.js`.
 */
const needsTheLibrary = {
  'model.ts': `
    /** @purpose treatment */
    export interface Patient {
      /** @personal name */ name: string;
    }

    /** @purpose marketing */
    export const names = (patients: Patient[]) => patients.map((p) => p.name);
  `,
};

describe('the bundled server (dist/server.js), as VS Code starts it', () => {
  let extension: Awaited<ReturnType<typeof installedExtension>>;
  before(async () => {
    extension = await installedExtension();
  });
  after(() => extension?.dispose());

  it('ships TypeScript’s standard library beside the server', () => {
    for (const file of ['server.js', 'extension.js', 'lib.d.ts', 'lib.es5.d.ts', 'lib.es2022.d.ts', 'lib.dom.d.ts'])
      assert.ok(extension.files.includes(file), file);
  });

  it('answers initialize over stdio, and analyses with the standard library', async () => {
    const root = workspace(needsTheLibrary);
    const child = spawn(process.execPath, [path.join(extension.folder, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map<string, PublishDiagnosticsParams['diagnostics']>();
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.set(params.uri, params.diagnostics);
    });
    const idle = new Promise<{ errors: number }>((resolve) => {
      connection.onNotification('appiGuard/status', (status: { state: string; errors: number }) => {
        if (status.state === 'idle') resolve(status);
      });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.onRequest(RegistrationRequest.type, () => {});
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
    connection.listen();
    try {
      const folder = { uri: URI.file(root).toString(), name: 'fixture' };
      const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder.uri,
        workspaceFolders: [folder],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      });
      // The version comes from the extension's package.json above dist/, as in an installed .vsix.
      assert.deepEqual(result.serverInfo, { name: 'appi-guard', version: manifest.version });
      const commands = result.capabilities.executeCommandProvider?.commands ?? [];
      for (const id of ['appiGuard.reanalyseWorkspace', 'appiGuard.createRegister']) assert.ok(commands.includes(id), id);

      await connection.sendNotification(InitializedNotification.type, {});
      const status = await withTimeout(idle, 60_000, () => `the bundled server never became idle; its stderr:\n${stderr}`);
      const diagnostics = published.get(URI.file(path.join(root, 'model.ts')).toString()) ?? [];
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.source, d.range.start.line]),
        [['use-beyond-purpose', 'appi-guard', 6]],
        'without lib.es5.d.ts, `p` has no type and the use is not found',
      );
      assert.equal(status.errors, 1);
    } finally {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    assert.equal(child.exitCode, 0, stderr);
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
