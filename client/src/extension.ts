import { type Status, statusNotification } from 'appi-guard-server/lsp/status';
import { commands, type ExtensionContext, type LogOutputChannel, window } from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { createClient, documentSelector } from './client';
import { restartCommand, showOutputCommand, showUncheckedCommand } from './commands';
import { StatusView } from './status';
import { TraceChannel } from './trace';
import { showUnchecked } from './unchecked';

/** Kept for `deactivate`, which VS Code awaits so the server can shut down cleanly. */
let client: LanguageClient | undefined;

/** @public VS Code calls it */
export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('APPI Guard', { log: true });
  const trace = new TraceChannel('APPI Guard Trace', 'appiGuard.trace.server');
  const status = new StatusView(documentSelector);
  context.subscriptions.push(output, trace, status);

  const current = createClient(context, { output, trace });
  client = current;
  current.onNotification(statusNotification, (params: Status) => status.show(params));
  context.subscriptions.push(
    current.onDidChangeState((event) => {
      if (event.newState === State.Starting) status.showClient('starting');
      else if (event.newState === State.Stopped) status.showClient('stopped');
      // Running: the server's own `appiGuard/status` notifications take over.
    }),
    commands.registerCommand(restartCommand, async () => {
      output.info('restarting the language server');
      await start(output, status, () => current.restart());
    }),
    commands.registerCommand(showOutputCommand, () => output.show(true)),
    commands.registerCommand(showUncheckedCommand, () => showUnchecked(current)),
  );

  // Awaited, so the server's commands (re-analyse, create register) exist once activation ends: invoking one
  // of them is itself an activation event, and VS Code runs it right after.
  await start(output, status, () => current.start());
}

/** @public VS Code calls it */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Starts (or restarts) the client; a failure is logged and shown on the status item, not thrown at VS Code. */
async function start(output: LogOutputChannel, status: StatusView, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    status.showClient('stopped');
  }
}
