/**
 * What an answer or a result was computed from, recorded while it was computed. Invalidation decides from
 * these records alone whether to keep it, so it needs to know nothing of the rule or query that made it.
 */
export class Reads {
  /** The type checker: an edit to a file this one imports, directly or not, can change it. */
  imports = false;
  /** How the file's code is called: an edit to a file that imports this one, directly or not, can change it. */
  callers = false;
  /** The register's version, when it was read. */
  register: number | undefined;
  /**
   * The register's `sector` ('' for none), when only that was read: a message's citations depend on it,
   * and a register edit that leaves it keeps the result.
   */
  sector: string | undefined;
  /** The stamp of the annotations that files share (`sharedPart`), when the whole workspace's were read. */
  sharedAnnotations: number | undefined;
  /** The stamp of every annotation, when read (the register's findings). */
  allAnnotations: number | undefined;
  /** Files whose annotations it names: an edit inside one of their comments moves what it holds. */
  readonly named = new Set<string>();
  /** Which of the file's words were names of tagged fields, when it asked (`FileQueryReads.fieldNames`). */
  names: NamesRead | undefined;

  /** `version`: the file's own version when it was computed. */
  constructor(readonly version: number) {}

  /** What another answer read, this one read too. */
  add(other: Reads): void {
    this.imports ||= other.imports;
    this.callers ||= other.callers;
    this.register ??= other.register;
    this.sector ??= other.sector;
    this.sharedAnnotations ??= other.sharedAnnotations;
    this.allAnnotations ??= other.allAnnotations;
    for (const file of other.named) this.named.add(file);
    this.names ??= other.names;
  }
}

/**
 * The names of tagged fields that a file mentions (its parser's table of names, `words`), as they were: an
 * answer that read them stays current while a field is tagged, untagged or renamed elsewhere under a name
 * the file does not use. Shared by the records that read it, so that one comparison serves them all.
 */
export interface NamesRead {
  /** The stamp of the workspace's tagged names it was last found current at. */
  stamp: number;
  readonly words: ReadonlyMap<string, string>;
  /** The tagged names among `words`, as `Current.namesAmong` gives them. */
  readonly seen: string;
}

/** The versions and stamps now, to compare a record with. */
export interface Current {
  version(file: string): number;
  readonly register: number;
  /** The register's `sector` now ('' for none). */
  readonly sector: string;
  readonly sharedAnnotations: number;
  readonly allAnnotations: number;
  /** Moves when the set of the workspace's tagged field names changes. */
  readonly names: number;
  /** The tagged field names among a file's words, in one string to compare. */
  namesAmong(words: ReadonlyMap<string, string>): string;
}

/** Whether what a record read is as it was. Edits to other files are `Results.settle`'s to weigh. */
export function isCurrent(file: string, reads: Reads, now: Current): boolean {
  return (
    reads.version === now.version(file) &&
    (reads.register === undefined || reads.register === now.register) &&
    (reads.sector === undefined || reads.sector === now.sector) &&
    (reads.sharedAnnotations === undefined || reads.sharedAnnotations === now.sharedAnnotations) &&
    (reads.allAnnotations === undefined || reads.allAnnotations === now.allAnnotations) &&
    (reads.names === undefined || namesCurrent(reads.names, now))
  );
}

function namesCurrent(read: NamesRead, now: Current): boolean {
  if (read.stamp === now.names) return true;
  if (now.namesAmong(read.words) !== read.seen) return false;
  read.stamp = now.names;
  return true;
}
