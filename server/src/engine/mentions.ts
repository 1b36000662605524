import { namesOf } from '../base/typescript-internals';
import type { Structure } from './structure';

/**
 * Whether other files of the workspace mention a word: the cheap question asked before the language
 * service's reference search (a function whose name no other file mentions is called from its own file
 * only). Answered from the table of names TypeScript's parser keeps for each file — identifiers, property
 * names, string element accesses, every way code can name a function — so nothing is indexed: a question
 * is one lookup per file. An instance serves one state of the workspace, as `CallSites` does.
 */
export class Mentions {
  private tables: { readonly file: string; readonly names: ReadonlyMap<string, string> }[] | undefined;

  constructor(private readonly structure: Structure) {}

  /** Whether a file other than `file` mentions `word`. */
  elsewhere(word: string, file: string): boolean {
    this.tables ??= this.collect();
    for (const table of this.tables) if (table.file !== file && table.names.has(word)) return true;
    return false;
  }

  /** The files other than `file` that mention `word`. */
  filesMentioning(word: string, file: string): string[] {
    this.tables ??= this.collect();
    return this.tables.filter((table) => table.file !== file && table.names.has(word)).map((table) => table.file);
  }

  /** Each file's table, from the program of the project that owns it (other programs may hold it too). */
  private collect(): { file: string; names: ReadonlyMap<string, string> }[] {
    const tables: { file: string; names: ReadonlyMap<string, string> }[] = [];
    for (const project of this.structure.projects) {
      for (const sourceFile of project.program().getSourceFiles()) {
        if (this.structure.owners.get(sourceFile.fileName) === project)
          tables.push({ file: sourceFile.fileName, names: namesOf(sourceFile) });
      }
    }
    return tables;
  }
}
