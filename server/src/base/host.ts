/**
 * The engine's only window on the world. Every byte of workspace input arrives through a Host, so the
 * engine runs the same on disk (the CLI, the language server) and on in-memory files (tests).
 * Paths are absolute with forward slashes. No method throws: a missing or unreadable entry is `undefined`.
 */
export interface Host {
  /** The file's bytes, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Uint8Array | string | undefined;
  /** Size in bytes, read before the file itself so that huge files are never loaded. */
  fileSize(path: string): number | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Names (not paths) of the files and folders directly inside `dir`; links are followed. */
  entries(dir: string): DirectoryEntries;
  /** The path with links resolved, used to walk each folder once even through link loops. */
  realpath(path: string): string;
}

export interface DirectoryEntries {
  readonly files: readonly string[];
  readonly directories: readonly string[];
}

export const noEntries: DirectoryEntries = { files: [], directories: [] };
