import type { ExecuteCommandParams, Range } from 'vscode-languageserver';
import type { Fix } from '../base/finding';
import { docsUrl } from '../engine/rule';
import { openRuleDocsCommand } from './code-actions';
import { addToRegisterCommand, openRegisterEntryCommand } from './code-lens';
import { toWorkspaceEdit } from './convert';
import type { Folder } from './folders';
import type { Session } from './session';
import { listUncheckedCommand } from './status';
import { uriOf } from './uris';

const reanalyseCommand = 'appiGuard.reanalyseWorkspace';
const createRegisterCommand = 'appiGuard.createRegister';

/** Commands the server carries out; the client library registers each of them as an editor command. */
export const serverCommands = [
  reanalyseCommand,
  createRegisterCommand,
  openRuleDocsCommand,
  addToRegisterCommand,
  openRegisterEntryCommand,
  listUncheckedCommand,
];

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  const args = params.arguments ?? [];
  switch (params.command) {
    case reanalyseCommand:
      session.analysis.reanalyseWorkspace();
      return null;
    case createRegisterCommand:
      return createRegister(session, folderArg(session, args[0]));
    case addToRegisterCommand: {
      const folder = folderArg(session, args[0]);
      return folder && typeof args[1] === 'string' ? applyFix(session, folder, folder.workspace.listingFixes(args[1])[0]) : false;
    }
    case openRuleDocsCommand:
      return typeof args[0] === 'string' ? show(session, docsUrl(args[0]), { external: true }) : false;
    case openRegisterEntryCommand:
      return typeof args[0] === 'string' ? show(session, args[0], { selection: args[1] as Range }) : false;
    case listUncheckedCommand:
      return session.analysis.uncheckedPlaces();
    default:
      session.connection.console.warn(`unknown command ${params.command}`);
      return null;
  }
}

/** Creates the register from the code, or opens it when it exists already. */
async function createRegister(session: Session, folder: Folder | undefined): Promise<boolean> {
  if (!folder) {
    session.connection.window.showWarningMessage('APPI Guard: open a folder first; the register belongs to a workspace folder.');
    return false;
  }
  const registerUri = uriOf(folder.workspace.registerPath);
  if (folder.workspace.text(folder.workspace.registerPath) !== undefined) return show(session, registerUri, {});
  const created = await applyFix(session, folder, folder.workspace.listingFixes()[0]);
  return created && show(session, registerUri, {});
}

async function applyFix(session: Session, folder: Folder, fix: Fix | undefined): Promise<boolean> {
  if (!fix) return false;
  const result = await session.connection.workspace.applyEdit({
    label: fix.title,
    edit: toWorkspaceEdit(fix.edits, session.editTarget(folder)),
  });
  if (!result.applied)
    session.connection.console.warn(`the editor did not apply "${fix.title}"${result.failureReason ? `: ${result.failureReason}` : ''}`);
  return result.applied;
}

async function show(session: Session, uri: string, options: { external?: boolean; selection?: Range }): Promise<boolean> {
  if (!session.abilities.showDocument) {
    session.connection.console.info(`open ${uri}`);
    return false;
  }
  const result = await session.connection.window.showDocument({ uri, ...options, ...(!options.external && { takeFocus: true }) });
  return result.success;
}

/** A folder URI given as argument, else the only (first) folder. */
function folderArg(session: Session, arg: unknown): Folder | undefined {
  return (typeof arg === 'string' ? session.folders.byUri(arg) : undefined) ?? session.folders.enabled()[0];
}
