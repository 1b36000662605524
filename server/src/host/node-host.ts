import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DirectoryEntries, Host } from '../base/host';
import { noEntries } from '../base/host';

/** The engine's host on the real disk: the only place the analysis touches the file system. */
export class NodeHost implements Host {
  readFile(file: string): Uint8Array | undefined {
    try {
      return fs.readFileSync(toNative(file));
    } catch {
      return undefined;
    }
  }

  fileSize(file: string): number | undefined {
    return this.stat(file)?.size;
  }

  fileExists(file: string): boolean {
    return this.stat(file)?.isFile() ?? false;
  }

  directoryExists(dir: string): boolean {
    return this.stat(dir)?.isDirectory() ?? false;
  }

  entries(dir: string): DirectoryEntries {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(toNative(dir), { withFileTypes: true });
    } catch {
      return noEntries;
    }
    const files: string[] = [];
    const directories: string[] = [];
    for (const entry of dirents) {
      // A link is what it points to; a dangling link or a link loop is neither.
      const kind = entry.isSymbolicLink() ? this.stat(`${dir}/${entry.name}`) : entry;
      if (kind?.isFile()) files.push(entry.name);
      else if (kind?.isDirectory()) directories.push(entry.name);
    }
    return { files: files.sort(), directories: directories.sort() };
  }

  realpath(file: string): string {
    try {
      return toPortable(fs.realpathSync.native(toNative(file)));
    } catch {
      return file;
    }
  }

  private stat(file: string): fs.Stats | undefined {
    try {
      // Missing files are most of what module resolution asks about: no exception for them.
      return fs.statSync(toNative(file), { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  }
}

/** The engine's path form: absolute, forward slashes. */
export function toPortable(file: string): string {
  return path.resolve(file).replace(/\\/g, '/');
}

function toNative(file: string): string {
  return path.sep === '/' ? file : file.replace(/\//g, path.sep);
}
