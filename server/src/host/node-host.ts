import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DirectoryEntries, Host, Unreadable } from '../base/host';
import { noEntries } from '../base/host';

/** The engine's host on the real disk: the only place the analysis touches the file system. */
export class NodeHost implements Host {
  /**
   * Opens without waiting (a FIFO with no writer would block an ordinary open for ever), then asks the
   * open file, not the path, what it is: a link swapped between a look and a read changes nothing.
   */
  readFile(file: string, limit: number): Uint8Array | Unreadable | undefined {
    let descriptor: number;
    try {
      descriptor = fs.openSync(toNative(file), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch {
      return undefined;
    }
    try {
      const stat = fs.fstatSync(descriptor);
      if (!stat.isFile()) return { unreadable: 'not-regular', what: kindOf(stat) };
      if (stat.size > limit) return { unreadable: 'too-large', size: stat.size };
      // Read what is there, and never more than the limit, even if the file grows meanwhile.
      const bytes = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
      let length = 0;
      for (let read = 1; read > 0 && length < bytes.length; length += read) {
        read = fs.readSync(descriptor, bytes, length, bytes.length - length, null);
        if (read === 0) break;
      }
      if (length > limit) return { unreadable: 'too-large', size: length };
      return bytes.subarray(0, length);
    } catch {
      return undefined;
    } finally {
      fs.closeSync(descriptor);
    }
  }

  fileExists(file: string): boolean {
    const stat = this.stat(file);
    return stat !== undefined && !stat.isDirectory();
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
    const links: string[] = [];
    for (const entry of dirents) {
      // A link is what it points to; a dangling link or a link loop is neither.
      const kind = entry.isSymbolicLink() ? this.stat(`${dir}/${entry.name}`) : entry;
      // A FIFO, socket or device is listed with the files: reading it is what refuses it, with a notice.
      if (kind?.isDirectory()) directories.push(entry.name);
      else if (kind) files.push(entry.name);
      if (kind && !kind.isDirectory() && entry.isSymbolicLink()) links.push(entry.name);
    }
    return { files: files.sort(), directories: directories.sort(), links };
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

/** What a file that is not a regular one is, for messages. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return stat.isDirectory() ? 'a folder' : 'not a file';
}

/** The engine's path form: absolute, forward slashes. */
export function toPortable(file: string): string {
  return path.resolve(file).replace(/\\/g, '/');
}

/** A portable path as the operating system writes it. */
export function toNative(file: string): string {
  return path.sep === '/' ? file : file.replace(/\//g, path.sep);
}
