/**
 * A finding is plain data: everything a face (CLI, language server) needs to show it, and nothing that ties
 * it to a TypeScript program. Positions are computed once, here in the engine, so every face agrees.
 */

/** A stretch of a file's text: UTF-16 offsets, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** `hint`: a suggestion (the editor's dots); the CLI prints hints only with `--hints`. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  /** UTF-16 offset in the file's text. */
  readonly offset: number;
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Absolute path, forward slashes. */
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  /** The provisions the message cites, for reporters that show them apart. */
  readonly provision?: string;
  readonly related: readonly RelatedLocation[];
  /**
   * For a use reached through calls: the way from the call in the code with the context to the use, one
   * location a step (SARIF's code flow, the hover's path).
   */
  readonly path?: readonly RelatedLocation[];
  /** Whether `Workspace.fixes` has anything to offer; the edits themselves are computed on demand. */
  readonly fixable: boolean;
  /** Set when a suppression comment covers the finding: hidden by the faces, kept for `--format json`. */
  readonly suppressed?: { readonly reason: string };
  /** Rule-specific plain data the rule's fix function reads back. */
  readonly data?: unknown;
}

/** A replacement of `[start, end)` in `file`'s current text; a file that does not exist yet is created. */
export interface FileEdit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** One file's edits applied to its text, from the end, so that each edit's offsets stay valid. */
export function applyEdits(text: string, edits: readonly FileEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

export interface Fix {
  readonly title: string;
  readonly isPreferred?: boolean;
  /**
   * Safe to apply unasked (fix-all, fix on save): it restores what was evidently meant — a misspelt tag or
   * key, a dead suppression — and decides nothing the law leaves to people, unlike declaring a purpose.
   */
  readonly safe?: boolean;
  readonly edits: readonly FileEdit[];
}

/** Something the run could not analyse, said once so that users know what they are not told about. */
export interface Notice {
  readonly file: string;
  readonly message: string;
}
