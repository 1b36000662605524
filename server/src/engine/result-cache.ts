import type { Collection } from './collections';
import type { Imports } from './imports';
import type { Use } from './uses';
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

/** The import graph and what else invalidation needs to know, answered from the current programs. */
export interface DependencyView {
  files(): Iterable<string>;
  version(file: string): number;
  importsOf(file: string): Imports;
  /** Whether the file may collect facial data: a caller elsewhere can guard it, so its callers' edits count. */
  collects(file: string): boolean;
}

/**
 * Findings per file, kept until something they depend on changes: the file itself, the annotations, the
 * register (by key), and — found at the next question after an edit — the files whose types the edited
 * file can change (those that import it, directly or not) and the files whose collections its calls can
 * guard (those it imports that may collect facial data). An edited file that is a script or declares
 * globals can change any file: then nothing is kept.
 */
export class ResultCache {
  private readonly results = new Map<string, { key: ResultKey; result: FileResult; walks: Walks }>();
  /** The import graph, both ways, kept up to date file by file (`noteImports`, and at each `settle`). */
  private readonly imports = new Map<string, { version: number; imports: Imports }>();
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
   * What a file imports at a version, told while it is analysed: an edit then knows what the file imported
   * before it (a removed import can un-guard a collection), and the first edit does not walk every file.
   */
  noteImports(file: string, version: number, imports: () => Imports): void {
    if (this.imports.get(file)?.version !== version) this.updateImports(file, version, imports());
  }

  /** A source file's text changed (an edit, or on disk): its dependents are dropped at the next `settle`. */
  changed(file: string): void {
    this.edited.add(file);
  }

  /** Everything goes, the import graph too: the files or the projects changed. */
  clear(): void {
    this.results.clear();
    this.imports.clear();
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
    // What the edited files imported before the edit counts as much as what they import now; a file
    // analysed without its imports noted (a one-off check edited after all) leaves that unknown.
    if (edited.some((file) => this.results.has(file) && !this.imports.has(file))) return this.clear();
    const before = new Map(edited.map((file) => [file, this.imports.get(file)?.imports]));
    for (const file of view.files()) {
      const version = view.version(file);
      if (this.imports.get(file)?.version !== version) this.updateImports(file, version, view.importsOf(file));
    }
    // A script's declarations are everyone's: an edit to one can change any file.
    if (edited.some((file) => before.get(file)?.kind === 'global' || this.imports.get(file)?.imports.kind === 'global')) return this.results.clear();
    // A file that can reach anything is never kept across an edit.
    const drop = new Set<string>([...edited, ...this.globals]);
    for (const file of closure(edited, (file) => this.importers.get(file) ?? [])) drop.add(file);
    const imported = closure(edited, (file) => [...(withFiles(this.imports.get(file)?.imports) ?? []), ...(withFiles(before.get(file)) ?? [])]);
    for (const file of imported) if (view.collects(file)) drop.add(file);
    for (const file of drop) this.results.delete(file);
  }

  private updateImports(file: string, version: number, imports: Imports): void {
    const old = this.imports.get(file);
    for (const target of withFiles(old?.imports) ?? []) this.importers.get(target)?.delete(file);
    this.imports.set(file, { version, imports });
    if (imports.kind === 'global') this.globals.add(file);
    else {
      this.globals.delete(file);
      for (const target of imports.files) {
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

function sameKey(a: ResultKey, b: ResultKey): boolean {
  return a.version === b.version && a.annotations === b.annotations && a.register === b.register;
}
