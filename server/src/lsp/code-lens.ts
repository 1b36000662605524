import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { listIds } from '../annotations/describe';
import { spanRange } from './convert';
import type { Session } from './session';
import { pathOf, uriOf } from './uris';

export const addToRegisterCommand = 'appiGuard.addToRegister';
export const openRegisterEntryCommand = 'appiGuard.openRegisterEntry';

/** Above each schema: its declared purposes, and its register status with a way to act on it. */
export function codeLenses(session: Session, params: CodeLensParams): CodeLens[] {
  const file = pathOf(params.textDocument.uri);
  const folder = file === undefined ? undefined : session.folders.of(file);
  const text = file === undefined ? undefined : folder?.workspace.text(file);
  if (!file || !folder?.settings.enable || text === undefined) return [];
  const lenses: CodeLens[] = [];
  for (const lens of folder.workspace.lenses(file)) {
    const range = spanRange(text, lens.span);
    const purposes = lens.purposes.length > 0 ? `Purposes: ${listIds(lens.purposes).replace(/`/g, '')}` : 'No purpose declared';
    lenses.push({ range, command: { title: purposes, command: '' } });
    if (!lens.file) continue;
    if (lens.file.status === 'registered' && lens.file.entry) {
      const entry = lens.file.entry;
      const registerText = folder.workspace.text(entry.file) ?? '';
      lenses.push({
        range,
        command: {
          title: `Registered as ${lens.file.name}`,
          command: openRegisterEntryCommand,
          arguments: [uriOf(entry.file), spanRange(registerText, entry.span)],
        },
      });
    } else if (lens.file.status === 'unregistered') {
      lenses.push({
        range,
        command: {
          title: `Not registered — add ${lens.file.name}`,
          command: addToRegisterCommand,
          arguments: [folder.uri, lens.schemaKey],
        },
      });
    } else {
      lenses.push({ range, command: { title: 'Register status unknown: the register cannot be read', command: '' } });
    }
  }
  return lenses;
}
