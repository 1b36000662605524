import type { FileResult } from '../base/result';
import type { Imports } from './imports';
import type { FileQuery } from './query';
import { type Current, isCurrent, type Reads } from './reads';

/** What the cache notes of a file at a version, to tell after an edit what the edit can have changed. */
export interface FileNote {
  readonly imports: Imports;
  readonly text: string;
  /** What other files' walks read of its annotations (`walkedPart`), as text to compare. */
  readonly walked: string;
}

/** The import graph and what else invalidation needs to know, answered from the current programs. */
export interface DependencyView {
  version(file: string): number;
  note(file: string): FileNote;
  /** Whether the file's current text differs from `before` only in trivia: inside one comment, or white space between tokens. */
  onlyTriviaChanged(file: string, before: string): boolean;
}

interface Kept<T> {
  readonly value: T;
  readonly reads: Reads;
}

interface FileEntry {
  readonly answers: Map<FileQuery<unknown>, Kept<unknown>>;
  result?: Kept<FileResult>;
}

/**
 * Each file's findings and query answers, kept with what they read (`Reads`) until something in it changes:
 * the file itself, the register or the workspace's annotations (compared at each question), or — found at
 * the next question after an edit — another file that the record says it depends on. An edit inside one
 * comment that leaves what walks read of the file's annotations as it was (a purpose added, say) changes
 * the records that name the file's fields, and no others. Any other edit changes the records that read
 * types of the files that import the edited file (directly or not), and the records that read how their
 * code is called of the files it imports. An edited file that is a script or declares globals can change
 * any file: then nothing is kept.
 */
export class Results {
  private readonly files = new Map<string, FileEntry>();
  /** Each file's note and the import graph, both ways, kept up to date file by file (`note`, and at each `settle`). */
  private readonly notes = new Map<string, { version: number; note: FileNote }>();
  private readonly importers = new Map<string, Set<string>>();
  /** Files whose imports are `global`: they can reach anything. */
  private readonly globals = new Set<string>();
  private readonly edited = new Set<string>();

  result(file: string, now: Current): FileResult | undefined {
    const kept = this.files.get(file)?.result;
    return kept && isCurrent(file, kept.reads, now) ? kept.value : undefined;
  }

  setResult(file: string, value: FileResult, reads: Reads): void {
    this.entry(file).result = { value, reads };
  }

  answer<T>(file: string, query: FileQuery<T>, now: Current): Kept<T> | undefined {
    const kept = this.files.get(file)?.answers.get(query) as Kept<T> | undefined;
    return kept && isCurrent(file, kept.reads, now) ? kept : undefined;
  }

  setAnswer<T>(file: string, query: FileQuery<T>, value: T, reads: Reads): void {
    this.entry(file).answers.set(query, { value, reads });
  }

  /**
   * A file's note at a version, taken while it is analysed: an edit then knows what the file imported and
   * said before it (a removed import can un-guard a collection), and the first edit does not walk every file.
   */
  note(file: string, version: number, note: () => FileNote): void {
    if (this.notes.get(file)?.version !== version) this.updateNote(file, version, note());
  }

  /** A source file's text changed (an edit, or on disk): its dependents are dropped at the next `settle`. */
  changed(file: string): void {
    this.edited.add(file);
  }

  /** Everything goes, the import graph too: the files, the projects or the rules changed. */
  clear(): void {
    this.files.clear();
    this.notes.clear();
    this.importers.clear();
    this.globals.clear();
    this.edited.clear();
  }

  /** Drops the records that the edits since the last call may have changed. */
  settle(dependencies: () => DependencyView): void {
    if (this.edited.size === 0) return;
    const view = dependencies();
    const edited = [...this.edited];
    this.edited.clear();
    // What the edited files imported and said before the edit counts as much as what they do now; a file
    // analysed without its note taken (a one-off check edited after all) leaves that unknown.
    if (edited.some((file) => this.files.has(file) && !this.notes.has(file))) {
      this.clear();
      return;
    }
    const before = new Map(edited.map((file) => [file, this.notes.get(file)?.note]));
    // Only edited files change version; every other file's note was taken when it was analysed (one not
    // analysed yet has no result to drop, and its note is taken when it is).
    for (const file of edited) {
      const version = view.version(file);
      if (this.notes.get(file)?.version !== version) this.updateNote(file, version, view.note(file));
    }
    const now = (file: string) => this.notes.get(file)?.note;
    // A script's declarations are everyone's: an edit to one can change any file.
    if (edited.some((file) => before.get(file)?.imports.kind === 'global' || now(file)?.imports.kind === 'global')) {
      this.files.clear();
      return;
    }
    const inTrivia = new Set(
      edited.filter((file) => {
        const [was, is] = [before.get(file), now(file)];
        return was !== undefined && is !== undefined && was.walked === is.walked && view.onlyTriviaChanged(file, was.text);
      }),
    );
    const changed = edited.filter((file) => !inTrivia.has(file));
    const importing = closure(changed, (file) => this.importers.get(file) ?? []);
    const imported = closure(changed, (file) => [
      ...(withFiles(now(file)?.imports) ?? []),
      ...(withFiles(before.get(file)?.imports) ?? []),
    ]);
    const namesEdited = (reads: Reads) => {
      for (const file of inTrivia) if (reads.named.has(file)) return true;
      return false;
    };
    const stale = (file: string, reads: Reads) =>
      namesEdited(reads) ||
      (reads.imports && changed.length > 0 && (importing.has(file) || this.globals.has(file))) ||
      (reads.callers && imported.has(file));
    for (const file of edited) this.files.delete(file);
    // A record goes stale through a file it imports or that imports it, or a global script; or, after an
    // edit in trivia, through a file it names, which only a look at every record can tell.
    const candidates = inTrivia.size > 0 ? [...this.files.keys()] : [...new Set([...importing, ...imported, ...this.globals])];
    for (const file of candidates) {
      const entry = this.files.get(file);
      if (!entry) continue;
      if (entry.result && stale(file, entry.result.reads)) delete entry.result;
      for (const [query, kept] of entry.answers) if (stale(file, kept.reads)) entry.answers.delete(query);
    }
  }

  private entry(file: string): FileEntry {
    let entry = this.files.get(file);
    if (!entry) {
      entry = { answers: new Map() };
      this.files.set(file, entry);
    }
    return entry;
  }

  private updateNote(file: string, version: number, note: FileNote): void {
    const old = this.notes.get(file)?.note;
    for (const target of withFiles(old?.imports) ?? []) this.importers.get(target)?.delete(file);
    this.notes.set(file, { version, note });
    if (note.imports.kind === 'global') this.globals.add(file);
    else {
      this.globals.delete(file);
      for (const target of note.imports.files) {
        const importers = this.importers.get(target);
        if (importers) importers.add(file);
        else this.importers.set(target, new Set([file]));
      }
    }
  }
}

function withFiles(imports: Imports | undefined): readonly string[] | undefined {
  return imports?.kind === 'files' ? imports.files : undefined;
}

/** Every file reachable from `start` (itself excluded unless reached again). */
function closure(start: readonly string[], next: (file: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    for (const following of next(queue.pop()!)) {
      if (seen.has(following)) continue;
      seen.add(following);
      queue.push(following);
    }
  }
  return seen;
}
