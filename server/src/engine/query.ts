import type ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { Register } from '../register/model';
import type { PurposeCatalogue } from '../register/purposes';
import type { Guards } from './guards';
import type { AnalysisSettings } from './settings';

/**
 * A query is an analysis that several rules share, computed once per file (or once per workspace) and kept
 * by the engine until something it read changes. It says what it may read; the engine records what it did
 * read, and invalidation works from those records alone, so that adding a query or a rule never touches
 * the engine's caching.
 */
export interface FileQuery<T> {
  /** For timings and messages. */
  readonly name: string;
  /** What the answer may read besides the file's own text. Reading anything else through the input throws. */
  readonly reads: FileQueryReads;
  compute(input: QueryInput): T;
  /**
   * The files whose annotations the answer names (the declaring files of the fields it found). An edit
   * inside a comment of one of them that leaves what walks read of its annotations as it was (a purpose
   * added) still moves the offsets the answer holds, so the answer is computed again.
   */
  namedFiles?(answer: T): Iterable<string>;
}

export interface FileQueryReads {
  /**
   * The type checker: the answer can change with any file this one imports, directly or not, and with the
   * annotations of the fields it meets there.
   */
  readonly types?: boolean;
  /**
   * How this file's code is called elsewhere (`QueryInput.guards`): the answer can change with the files
   * that import this one. Recorded only when the query does ask, since most files have nothing to ask.
   */
  readonly callers?: boolean;
  /** The register (`QueryInput.register`). */
  readonly register?: boolean;
  /**
   * The names of every tagged field of the workspace (`QueryInput.fieldNames`), not only of the fields the
   * file's types lead to. The answer is taken to depend on the names the file mentions (its parser's table
   * of names): it is computed again when one of those becomes, or stops being, a tagged field's name.
   */
  readonly fieldNames?: boolean;
}

/** What a file query is computed from. Each accessor checks that the query declared it. */
export interface QueryInput {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  /** The annotations of the workspace, to map the checker's symbols back to tagged fields. */
  readonly catalogue: Catalogue;
  /** What the user set for analysis; a change to it drops every answer. */
  readonly settings: AnalysisSettings;
  /** Needs `reads.types`. */
  program(): ts.Program;
  /**
   * The names of the workspace's functions that may lead to a use (`reachingNames`): a call named otherwise
   * is not resolved. Needs `reads.types`: what a file's code calls is in the files it imports.
   */
  reachingNames(): ReadonlySet<string>;
  /**
   * Another file's answer to a query, for code this file's code reaches (so in the files it imports, which
   * `reads.types` already depends on). Needs `reads.types`; undefined for a file no project holds.
   */
  answerFor<U>(file: string, query: FileQuery<U>): U | undefined;
  /** Call sites and guard verdicts of the workspace; needs `reads.callers`. */
  guards(): Guards;
  /**
   * The other files of the workspace whose code mentions `word` (an identifier, a property name), each with
   * its syntax tree and the program that owns it: where this file's declarations may be used. Needs
   * `reads.callers`, whose files (those that import this one) are the only ones that can use them.
   */
  mentioning(word: string): readonly { readonly file: string; readonly sourceFile: ts.SourceFile; readonly program: ts.Program }[];
  /** Needs `reads.register`. */
  register(): Register | undefined;
  /** Names of the workspace's tagged fields (`Catalogue.taggedNames`); needs `reads.fieldNames`. */
  fieldNames(): ReadonlySet<string>;
  /** Another query's answer for the same file; its reads become this one's. */
  query<U>(query: FileQuery<U>): U;
}

/** An analysis of the whole workspace (not of one file), kept until the register or the annotations change. */
export interface WorkspaceQuery<T> {
  readonly name: string;
  readonly reads: WorkspaceQueryReads;
  compute(input: WorkspaceInput): T;
}

export interface WorkspaceQueryReads {
  readonly register?: boolean;
  /**
   * The annotations every file shares with the others (schemas, their fields and purposes, consent fields:
   * `sharedPart` in annotations/shape.ts), not where code contexts are.
   */
  readonly annotations?: boolean;
}

export interface WorkspaceInput {
  readonly root: string;
  readonly registerPath: string;
  /** Needs `reads.annotations`. */
  catalogue(): Catalogue;
  /** Needs `reads.register`. */
  register(): Register | undefined;
  /** Needs `reads.register`. */
  purposes(): PurposeCatalogue | undefined;
}
