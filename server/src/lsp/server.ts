import {
  type CancellationToken,
  CodeActionKind,
  type Connection,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  type InitializeError,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../base/host';
import { basename } from '../base/paths';
import { toolVersion } from '../cli/version';
import { NodeHost } from '../host/node-host';
import type { AnalysisOptions } from './analysis';
import { codeActions, fixAllKind, resolveCodeAction } from './code-actions';
import { codeLenses } from './code-lens';
import { executeCommand, serverCommands } from './commands';
import { defaultCompaction, exposedGc } from './compaction';
import { completion, completionTriggers } from './completion';
import { definition } from './definition';
import { injectFaults } from './faults';
import { FramedReader } from './framing';
import { hover } from './hover';
import { type ClientAbilities, Session } from './session';
import { pathOf } from './uris';
import { registerWatchers, watchedFilesChanged } from './watched-files';

/** The server on the transport its command line names (`--stdio`, `--node-ipc`, `--socket=N`), as VS Code starts it. */
export function startServer(host: Host = new NodeHost()): void {
  serve(createConnection(ProposedFeatures.all), host);
}

/**
 * The server on standard input and output, whatever the command line says: `appi-guard lsp`. Input it
 * cannot frame (`FramedReader`) ends it with its reason on stderr and status 1, so that the client restarts
 * it. `APPI_GUARD_FRAME_TIMEOUT_MS` sets how long input may go without completing a message (10 s).
 */
export function startStdioServer(host: Host = new NodeHost()): void {
  const timeout = Number(process.env.APPI_GUARD_FRAME_TIMEOUT_MS);
  const reader = new FramedReader(
    process.stdin,
    (reason) => {
      process.stderr.write(`appi-guard lsp: cannot read the client's messages: ${reason}; exiting\n`);
      process.exit(1);
    },
    Number.isFinite(timeout) && timeout > 0 ? timeout : 10_000,
  );
  serve(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)), host);
}

/** Wires the protocol to the session. Nothing here decides anything; the feature modules do. */
function serve(connection: Connection, host: Host): void {
  const faults = injectFaults(process.env);
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let folders: { uri: string; name: string }[] = [];

  connection.onInitialize((params): InitializeResult | ResponseError<InitializeError> => {
    // A second `initialize` would build a second session over the first: it is the client's mistake, said.
    if (session) return new ResponseError(ErrorCodes.InvalidRequest, 'the server is already initialized', { retry: false });
    const abilities = abilitiesOf(params);
    session = new Session(connection, documents, abilities, host, memoryOf(process.env), params.initializationOptions);
    folders =
      params.workspaceFolders?.map(({ uri, name }) => ({ uri, name })) ??
      (params.rootUri ? [{ uri: params.rootUri, name: basename(pathOf(params.rootUri) ?? params.rootUri) }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: completionTriggers },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: serverCommands },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'appi-guard', version: toolVersion() },
    };
  });

  connection.onInitialized(async () => {
    const current = session!;
    if (current.abilities.configurationRegistration)
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'appiGuard' });
    if (current.abilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        const kept = current.currentFolders().filter((folder) => !removed.has(folder.uri));
        void current.configure([...kept, ...event.added.map(({ uri, name }) => ({ uri, name }))]);
      });
    }
    await registerWatchers(current);
    await current.configure(folders);
  });

  connection.onDidChangeConfiguration((params) => void session?.configure(session.currentFolders(), params.settings ?? null));
  connection.onDidChangeWatchedFiles((params) => session && watchedFilesChanged(session, params));
  documents.onDidChangeContent((event) => session?.documentChanged(event.document));
  documents.onDidClose((event) => session?.documentClosed(event.document));

  const guard =
    <P, R>(method: string, run: (session: Session, params: P) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (!session) return new ResponseError(ErrorCodes.ServerNotInitialized, `${method} before initialize`);
      try {
        if (faults.request === method) throw new Error(`${method} failed on purpose (APPI_GUARD_FAIL_REQUEST)`);
        const result = await run(session, params);
        return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : result;
      } catch (error) {
        // One failing request must not take the server down: it is logged with its method, and answered.
        connection.console.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  connection.onHover(guard('textDocument/hover', hover));
  connection.onCompletion(guard('textDocument/completion', completion));
  connection.onDefinition(guard('textDocument/definition', definition));
  connection.onCodeAction(guard('textDocument/codeAction', codeActions));
  connection.onCodeActionResolve(guard('codeAction/resolve', resolveCodeAction));
  connection.onCodeLens(guard('textDocument/codeLens', codeLenses));
  connection.onExecuteCommand(guard('workspace/executeCommand', executeCommand));
  connection.onShutdown(() => session?.analysis.dispose());

  documents.listen(connection);
  connection.listen();
}

/**
 * `APPI_GUARD_MAX_HEAP_MB`: where whole-workspace analysis stops, for machines that must keep the server
 * small. `APPI_GUARD_IDLE_COLLECT` (`<quiet ms>,<growth>`): when the garbage of edits is collected.
 */
function memoryOf(env: NodeJS.ProcessEnv): Pick<AnalysisOptions, 'heapLimit' | 'compaction'> {
  const megabytes = Number(env.APPI_GUARD_MAX_HEAP_MB);
  const [quiet, growth] = (env.APPI_GUARD_IDLE_COLLECT ?? '').split(',').map(Number);
  return {
    ...(Number.isFinite(megabytes) && megabytes > 0 && { heapLimit: megabytes * 1024 * 1024 }),
    compaction: {
      collect: exposedGc(),
      quietMilliseconds: Number.isFinite(quiet) && quiet! >= 0 ? quiet! : defaultCompaction.quietMilliseconds,
      growth: Number.isFinite(growth) && growth! >= 0 ? growth! : defaultCompaction.growth,
    },
  };
}

function abilitiesOf(params: InitializeParams): ClientAbilities {
  const capabilities = params.capabilities;
  return {
    configuration: capabilities.workspace?.configuration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    progress: capabilities.window?.workDoneProgress === true,
    documentChanges:
      capabilities.workspace?.workspaceEdit?.documentChanges === true &&
      (capabilities.workspace.workspaceEdit.resourceOperations ?? []).includes('create'),
    codeActionResolve: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    showDocument: capabilities.window?.showDocument?.support === true,
  };
}
