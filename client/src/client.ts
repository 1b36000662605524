import * as path from 'node:path';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import {
  type DocumentFilter,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { configurationMiddleware, section } from './settings';

/**
 * The documents the server is told about: TypeScript and TSX files on disk, Prisma schemas, and YAML files,
 * among which the server picks the register of each folder (its path is a setting). Only `file` URIs: the server reads the
 * rest of the workspace from disk, so it cannot analyse virtual workspaces, and says so in package.json.
 */
export const documentSelector = [
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', pattern: '**/*.{yaml,yml}' },
  { scheme: 'file', pattern: '**/*.prisma' },
] satisfies DocumentFilter[];

export interface Channels {
  /** The server's log (`window/logMessage`) and the client's own messages. */
  readonly output: LogOutputChannel;
  /** The protocol trace, when `appiGuard.trace.server` asks for one. */
  readonly trace: LogOutputChannel;
}

/**
 * The language client for the bundled server `dist/server.js`, run by VS Code's own Node.js over IPC. The
 * server never runs workspace code and loads no TypeScript or plugins from the workspace (it uses the
 * TypeScript bundled into it), which is why it may run in untrusted workspaces.
 */
export function createClient(context: ExtensionContext, channels: Channels): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // `--nolazy` so breakpoints bind in code not yet run; attach a debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    diagnosticCollectionName: 'appi-guard',
    outputChannel: channels.output,
    traceOutputChannel: channels.trace,
    // Findings go to the Problems panel and the status item; the output opens only when asked for.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Hovers quote annotation text from the workspace: never run its command links or HTML.
    markdown: { isTrusted: false, supportHtml: false },
    middleware: { workspace: { configuration: configurationMiddleware } },
  };
  return new LanguageClient(section, 'APPI Guard', serverOptions, clientOptions);
}
