import type { Collection } from './queries/collections';
import type { Imports } from './imports';
import type { Use } from './queries/uses';
import type { FileResult } from './workspace';

/** What a file's findings were computed against; a cached result is good while all of it is the same. */
export interface ResultKey {
  /** The file's own version. */
  readonly version: number;
  /** The workspace's annotations (a change to any schema, purpose or context anywhere). */
  readonly annotations: number;
  /** The register's version, for files whose findings read it (files with annotations, and the register); else -1. */
  readonly register: number;
}

/**
 * What a file's walks with the checker found (filled as the rules ask): kept with its result, and reused
 * when only the register changed, which the rules read but the walks do not.
 */
export interface Walks {
  uses?: readonly Use[];
  collections?: readonly Collection[];
}

/** What the cache notes of a file at a version, to tell after an edit what the edit can have changed. */
export interface FileNote {
  readonly imports: Imports;
  readonly text: string;
  /** What other files' walks read of its annotations (which fields are tagged and how, consent checks), as text to compare. */
  readonly walked: string;
}

/** The import graph and what else invalidation needs to know, answered from the current programs. */
export interface DependencyView {
  files(): Iterable<string>;
  version(file: string): number;
  note(file: string): FileNote;
  /** Whether the file's current text differs from `before` only inside one comment. */
  onlyCommentChanged(file: string, before: string): boolean;
  /** Whether the file may collect facial data: a caller elsewhere can guard it, so its callers' edits count. */
  collects(file: string): boolean;
}

/**
 * Findings per file, kept until something they depend on changes: the file itself, the annotations, the
 * register (by key), and — found at the next question after an edit — what the edit can have changed.
 * An edit inside one comment that leaves what other files' walks read of its annotations as it was (a
 * purpose added, say) changes the findings of the files whose uses or collections are of its fields, and
 * no others. Any other edit changes the files whose types it can change (those that import the edited
 * file, directly or not) and the files whose collections its calls can guard (those it imports that may
 * collect facial data). An edited file that is a script or declares globals can change any file: then
 * nothing is kept.
 */
export class ResultCache {
  private readonly results = new Map<string, { key: ResultKey; result: FileResult; walks: Walks }>();
  /** Each file's note and the import graph, both ways, kept up to date file by file (`note`, and at each `settle`). */
  private readonly notes = new Map<string, { version: number; note: FileNote }>();
  private readonly importers = new Map<string, Set<string>>();
  /** Files whose imports are `global`: they can reach anything. */
  private readonly globals = new Set<string>();
  private readonly edited = new Set<string>();

  get(file: string, key: ResultKey): FileResult | undefined {
    const entry = this.results.get(file);
    return entry && sameKey(entry.key, key) ? entry.result : undefined;
  }

  /** The walks of the file's last result, when nothing but the register changed since. */
  walks(file: string, key: ResultKey): Walks | undefined {
    const entry = this.results.get(file);
    return entry && entry.key.version === key.version && entry.key.annotations === key.annotations ? entry.walks : undefined;
  }

  set(file: string, key: ResultKey, result: FileResult, walks: Walks = {}): void {
    this.results.set(file, { key, result, walks });
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

  /** Everything goes, the import graph too: the files or the projects changed. */
  clear(): void {
    this.results.clear();
    this.notes.clear();
    this.importers.clear();
    this.globals.clear();
    this.edited.clear();
  }

  /** Drops the results that the edits since the last call may have changed. */
  settle(dependencies: () => DependencyView): void {
    if (this.edited.size === 0) return;
    const view = dependencies();
    const edited = [...this.edited];
    this.edited.clear();
    // What the edited files imported and said before the edit counts as much as what they do now; a file
    // analysed without its note taken (a one-off check edited after all) leaves that unknown.
    if (edited.some((file) => this.results.has(file) && !this.notes.has(file))) return this.clear();
    const before = new Map(edited.map((file) => [file, this.notes.get(file)?.note]));
    for (const file of view.files()) {
      const version = view.version(file);
      if (this.notes.get(file)?.version !== version) this.updateNote(file, version, view.note(file));
    }
    const now = (file: string) => this.notes.get(file)?.note;
    // A script's declarations are everyone's: an edit to one can change any file.
    if (edited.some((file) => before.get(file)?.imports.kind === 'global' || now(file)?.imports.kind === 'global')) return this.results.clear();
    const inComments = new Set(edited.filter((file) => {
      const [was, is] = [before.get(file), now(file)];
      return was !== undefined && is !== undefined && was.walked === is.walked && view.onlyCommentChanged(file, was.text);
    }));
    const drop = new Set<string>(edited);
    for (const [file, { walks }] of this.results) if (readsFieldsOf(walks, inComments)) drop.add(file);
    const changed = edited.filter((file) => !inComments.has(file));
    if (changed.length > 0) {
      // A file that can reach anything is never kept across an edit of code.
      for (const file of this.globals) drop.add(file);
      for (const file of closure(changed, (file) => this.importers.get(file) ?? [])) drop.add(file);
      const imported = closure(changed, (file) => [...(withFiles(now(file)?.imports) ?? []), ...(withFiles(before.get(file)?.imports) ?? [])]);
      for (const file of imported) if (view.collects(file)) drop.add(file);
    }
    for (const file of drop) this.results.delete(file);
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

/** Whether a file's walks found uses or collections of fields declared in any of `files`. */
function readsFieldsOf(walks: Walks, files: ReadonlySet<string>): boolean {
  if (files.size === 0) return false;
  const ofFiles = (item: { readonly fields: readonly { readonly file: string }[] }) => item.fields.some((field) => files.has(field.file));
  return (walks.uses ?? []).some(ofFiles) || (walks.collections ?? []).some(ofFiles);
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

function sameKey(a: ResultKey, b: ResultKey): boolean {
  return a.version === b.version && a.annotations === b.annotations && a.register === b.register;
}
