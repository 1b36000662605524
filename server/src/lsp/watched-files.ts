import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams, FileChangeType } from 'vscode-languageserver';
import type { Session } from './session';
import { pathOf } from './uris';

/** What the server watches on disk: sources, project files, Prisma schemas, and registers wherever the setting puts them. */
const watchedGlobs = [
  '**/*.{ts,tsx,mts,cts}',
  '**/{tsconfig,jsconfig}*.json',
  '**/package.json',
  '**/*.{yaml,yml}',
  '**/*.prisma',
  // Baselines (`appi-guard baseline`), by the default name and any name a team gives one.
  '**/*baseline*.json',
];

export async function registerWatchers(session: Session): Promise<void> {
  if (!session.abilities.watchedFilesRegistration) return;
  await session.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: watchedGlobs.map((globPattern) => ({ globPattern })),
  });
}

/**
 * Files created, changed or deleted on disk (a rename is a delete and a create; a deleted folder is one
 * event). The engine re-reads them; a new or removed `tsconfig.json` rebuilds the projects.
 */
export function watchedFilesChanged(session: Session, params: DidChangeWatchedFilesParams): void {
  let structural = false;
  for (const change of params.changes) {
    const file = pathOf(change.uri);
    const folder = file === undefined ? undefined : session.folders.of(file);
    if (file === undefined || !folder) continue;
    const kind = change.type === FileChangeType.Created ? 'create' : change.type === FileChangeType.Deleted ? 'delete' : 'change';
    folder.workspace.applyChange({ kind, file });
    if (kind === 'delete') session.analysis.forget(file);
    structural ||= kind !== 'change' || /(?:(?:ts|js)config[^/]*|\/package)\.json$/.test(file);
  }
  session.analysis.schedule({ progress: structural });
}
