/**
 * The engine's only window on the world. Every byte of workspace input arrives through a Host, so the
 * engine runs the same on disk (the CLI, the language server) and on in-memory files (tests).
 * Paths are absolute with forward slashes. No method throws: a missing or unreadable entry is `undefined`.
 */
export interface Host {
  /**
   * The file's bytes; undefined when it does not exist. A file that is not a regular file (a FIFO, a
   * device, a socket, or a link to one) is never read, and one larger than `limit` bytes is not loaded:
   * both are `Unreadable`, saying why. Never waits on what it opens.
   */
  readFile(path: string, limit: number): Uint8Array | string | Unreadable | undefined;
  /** Whether something other than a folder is there: a regular file, or one `readFile` will refuse. */
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Names (not paths) of the files and folders directly inside `dir`; links are followed. */
  entries(dir: string): DirectoryEntries;
  /** The path with links resolved, used to walk each folder once even through link loops. */
  realpath(path: string): string;
}

/** Why a file was not read: it is not a regular file (`what` it is, `a FIFO`), or it is larger than the limit. */
export type Unreadable =
  | { readonly unreadable: 'not-regular'; readonly what: string }
  | { readonly unreadable: 'too-large'; readonly size: number };

export function isUnreadable(read: Uint8Array | string | Unreadable | undefined): read is Unreadable {
  return typeof read === 'object' && read !== null && 'unreadable' in read;
}

export interface DirectoryEntries {
  readonly files: readonly string[];
  readonly directories: readonly string[];
  /** Those of `files` that are links. */
  readonly links?: readonly string[];
}

export const noEntries: DirectoryEntries = { files: [], directories: [] };
