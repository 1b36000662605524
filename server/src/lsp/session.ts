import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../base/host';
import { LineIndex } from '../base/lines';
import { Analysis, type AnalysisOptions } from './analysis';
import type { EditTarget } from './convert';
import { type Folder, Folders } from './folders';
import { SettingsStore } from './settings';
import { pathOf, uriOf } from './uris';

/** What the client said it can do, read once at `initialize`. */
export interface ClientAbilities {
  readonly configuration: boolean;
  readonly workspaceFolders: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly configurationRegistration: boolean;
  readonly relatedInformation: boolean;
  readonly progress: boolean;
  readonly documentChanges: boolean;
  readonly codeActionResolve: boolean;
  readonly showDocument: boolean;
}

/** A request's place in a file of a folder. */
export interface Located {
  readonly folder: Folder;
  readonly file: string;
  readonly offset: number;
}

/**
 * The server's state: folders with their engine workspaces and settings, the open documents, the analysis.
 * Features (hover, code actions, …) ask it where a URI and position are, and never keep state of their own.
 */
export class Session {
  readonly folders: Folders;
  readonly settings: SettingsStore;
  readonly analysis: Analysis;
  /** Open documents whose buffer the engine reads instead of the disk. */
  private readonly overlaid = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly abilities: ClientAbilities,
    host: Host,
    memory: Pick<AnalysisOptions, 'heapLimit' | 'compaction'> = {},
    initializationOptions?: unknown,
  ) {
    this.folders = new Folders(host);
    this.settings = new SettingsStore(connection, abilities.configuration, initializationOptions);
    this.analysis = new Analysis({
      connection,
      folders: this.folders,
      documents,
      relatedInformation: abilities.relatedInformation,
      progress: abilities.progress,
      ...memory,
    });
  }

  /** Re-reads the folders' settings and brings the engine workspaces in line; then re-analyses everything. */
  async configure(folders: readonly { uri: string; name: string }[], pushed?: unknown): Promise<void> {
    if (pushed === undefined) this.settings.clear();
    else this.settings.push(pushed);
    const wanted = await Promise.all(folders.map(async (folder) => ({ ...folder, settings: await this.settings.get(folder.uri) })));
    const { fresh, removed } = this.folders.update(wanted);
    for (const folder of removed) this.analysis.clearFolder(folder);
    for (const folder of this.folders.all()) if (!folder.settings.enable) this.analysis.clearFolder(folder);
    // Every buffer open in a new folder's engine, those opened before the folder was (an editor opens its
    // documents right after `initialized`, before the settings have come) as much as those overlaid before.
    for (const folder of fresh) {
      for (const document of this.documents.all()) {
        const file = pathOf(document.uri);
        if (file === undefined || this.folders.of(file) !== folder) continue;
        const text = document.getText();
        if (!this.overlaid.has(file) && folder.workspace.text(file) === text) continue;
        this.overlaid.add(file);
        folder.workspace.applyChange({ kind: 'open', file, text });
      }
    }
    this.analysis.schedule({ delay: 0, progress: true });
  }

  currentFolders(): { uri: string; name: string }[] {
    return this.folders.all().map(({ uri, name }) => ({ uri, name }));
  }

  /** An open document's new text: the engine reads it from now on; analysis follows after the debounce. */
  documentChanged(document: TextDocument): void {
    const file = pathOf(document.uri);
    const folder = file === undefined ? undefined : this.folders.of(file);
    if (!file || !folder) return;
    const text = document.getText();
    // Opening a file changes nothing while its buffer is what the disk holds: no re-analysis for that, only
    // its own findings when no run has got to it yet (analysis paused, or still on its way).
    if (!this.overlaid.has(file) && folder.workspace.text(file) === text && folder.workspace.holds(file)) {
      if (folder.settings.enable) this.analysis.findingsOf(folder, file);
      return;
    }
    this.overlaid.add(file);
    folder.workspace.applyChange({ kind: 'edit', file, text });
    this.analysis.schedule({ first: file });
  }

  documentClosed(document: TextDocument): void {
    const file = pathOf(document.uri);
    if (!file || !this.overlaid.delete(file)) return;
    const folder = this.folders.of(file);
    folder?.workspace.applyChange({ kind: 'close', file });
    this.analysis.schedule();
    // Closed without saving, the file is its disk text again; a paused analysis would not get to it.
    if (folder?.settings.enable) this.analysis.findingsOf(folder, file);
  }

  /** A URI and a position as a file of a folder and an offset in its current text. */
  locate(uri: string, position: { line: number; character: number }): Located | undefined {
    const file = pathOf(uri);
    const folder = file === undefined ? undefined : this.folders.of(file);
    if (!file || !folder?.settings.enable) return undefined;
    const open = this.documents.get(uri);
    if (open) return { folder, file, offset: open.offsetAt(position) };
    const text = folder.workspace.text(file);
    return text === undefined ? undefined : { folder, file, offset: new LineIndex(text).offsetAt(position.line, position.character) };
  }

  /** Where workspace edits go: current texts and the versions of open documents. */
  editTarget(folder: Folder): EditTarget {
    return {
      text: (file) => folder.workspace.text(file),
      version: (file) => this.documents.get(uriOf(file))?.version ?? null,
      documentChanges: this.abilities.documentChanges,
    };
  }
}
