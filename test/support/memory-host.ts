import * as fs from 'node:fs';
import type { DirectoryEntries, Host, Unreadable } from 'appi-guard-server/base/host';
import * as ts from 'typescript';

const libDirectory = ts
  .getDefaultLibFilePath({})
  .replace(/\\/g, '/')
  .replace(/\/[^/]*$/, '');

/**
 * Files in memory, for engine tests: the workspace is exactly the fixture. TypeScript's own lib files are
 * read from the installed package, as they are part of the tool rather than of the workspace.
 */
export class MemoryHost implements Host {
  private readonly files = new Map<string, Uint8Array | string>();
  /** Folder links: path -> target, to make loops. */
  private readonly links = new Map<string, string>();
  /** Folders read from the disk: workspace path -> real folder (installed packages). */
  private readonly mounts = new Map<string, string>();

  constructor(files: Record<string, Uint8Array | string> = {}) {
    for (const [path, content] of Object.entries(files)) this.files.set(path, content);
  }

  write(path: string, content: Uint8Array | string): void {
    this.files.set(path, content);
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  link(path: string, target: string): void {
    this.links.set(path, target);
  }

  /** Shows the real folder `directory` at `path`, read-only: a package installed from the npm registry. */
  mount(path: string, directory: string): void {
    this.mounts.set(path, directory);
  }

  /** Where on the disk a path under a mount is. */
  private onDisk(path: string): string | undefined {
    for (const [at, directory] of this.mounts) {
      if (path === at || path.startsWith(`${at}/`)) return directory + path.slice(at.length);
    }
    if (path.startsWith(libDirectory)) return path;
    return undefined;
  }

  readFile(path: string, limit: number): Uint8Array | string | Unreadable | undefined {
    const disk = this.onDisk(path);
    const content =
      this.files.get(this.resolve(path)) ??
      (disk && fs.statSync(disk, { throwIfNoEntry: false })?.isFile() ? fs.readFileSync(disk, 'utf8') : undefined);
    const size = content === undefined ? 0 : typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    return size > limit ? { unreadable: 'too-large', size } : content;
  }

  fileExists(path: string): boolean {
    const disk = this.onDisk(path);
    return this.files.has(this.resolve(path)) || (!!disk && !!fs.statSync(disk, { throwIfNoEntry: false })?.isFile());
  }

  directoryExists(path: string): boolean {
    const dir = `${this.resolve(path)}/`;
    const disk = this.onDisk(path);
    return (
      [...this.files.keys()].some((file) => file.startsWith(dir)) ||
      [...this.mounts.keys()].some((at) => at.startsWith(dir)) ||
      (!!disk && !!fs.statSync(disk, { throwIfNoEntry: false })?.isDirectory())
    );
  }

  entries(path: string): DirectoryEntries {
    const dir = `${this.resolve(path)}/`;
    const files = new Set<string>();
    const directories = new Set<string>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(dir)) continue;
      const rest = file.slice(dir.length);
      const slash = rest.indexOf('/');
      if (slash === -1) files.add(rest);
      else directories.add(rest.slice(0, slash));
    }
    for (const link of this.links.keys()) {
      if (link.startsWith(dir) && !link.slice(dir.length).includes('/')) directories.add(link.slice(dir.length));
    }
    for (const at of this.mounts.keys()) {
      if (at.startsWith(dir)) directories.add(at.slice(dir.length).split('/')[0]!);
    }
    const disk = this.onDisk(path);
    if (disk && !path.startsWith(libDirectory) && fs.statSync(disk, { throwIfNoEntry: false })?.isDirectory()) {
      for (const entry of fs.readdirSync(disk, { withFileTypes: true })) (entry.isDirectory() ? directories : files).add(entry.name);
    }
    return { files: [...files].sort(), directories: [...directories].sort() };
  }

  realpath(path: string): string {
    return this.resolve(path);
  }

  /** Follows folder links along the path, as the disk would. */
  private resolve(path: string): string {
    for (let i = 0; i < 40; i++) {
      const link = [...this.links.keys()].find((l) => path === l || path.startsWith(`${l}/`));
      if (!link) return path;
      path = this.links.get(link)! + path.slice(link.length);
    }
    return path;
  }
}
