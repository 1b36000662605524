import ts from 'typescript';
import { type Host, isUnreadable } from '../base/host';
import { decodeSource, maxSourceBytes, type SourceText, tooLarge } from './source-text';

/** What a face tells the engine about a file. Open buffers shadow the disk until they are closed. */
export type FileChange =
  | { readonly kind: 'open' | 'edit'; readonly file: string; readonly text: string }
  | { readonly kind: 'close' | 'create' | 'change' | 'delete'; readonly file: string };

/**
 * The versioned text of every file the engine has looked at, as tsserver keeps its script infos: an
 * in-memory overlay (open editor buffers) over the host's disk, each file with a version that moves on
 * every change, so TypeScript reuses whatever did not change.
 */
export class Documents {
  private readonly overlay = new Map<string, string>();
  private readonly disk = new Map<string, SourceText>();
  private readonly versions = new Map<string, number>();
  private readonly snapshots = new Map<string, { version: number; snapshot: ts.IScriptSnapshot }>();
  /** Files the workspace may not have read from the disk, with why (links out of an untrusted workspace). */
  private readonly refused = new Map<string, string>();
  /** Moves on every change to any file: TypeScript's cue to look for changed files at all. */
  generation = 0;

  constructor(private readonly host: Host) {}

  apply(change: FileChange): void {
    switch (change.kind) {
      case 'open':
      case 'edit':
        this.overlay.set(change.file, change.text);
        break;
      case 'close':
        this.overlay.delete(change.file);
        this.disk.delete(change.file);
        break;
      case 'create':
      case 'change':
      case 'delete':
        this.disk.delete(change.file);
        break;
    }
    this.versions.set(change.file, this.version(change.file) + 1);
    this.generation++;
  }

  version(file: string): number {
    return this.versions.get(file) ?? 0;
  }

  isOpen(file: string): boolean {
    return this.overlay.has(file);
  }

  /** From now on, `files` are not read from the disk (an editor's buffer of one still is), for `reason`. */
  refuse(files: Iterable<string>, reason: string): void {
    this.refused.clear();
    for (const file of files) this.refused.set(file, reason);
  }

  read(file: string): SourceText {
    const open = this.overlay.get(file);
    if (open !== undefined) return { kind: 'text', text: open };
    const refused = this.refused.get(file);
    if (refused !== undefined) return { kind: 'skipped', reason: refused };
    let source = this.disk.get(file);
    if (source === undefined) {
      source = this.readDisk(file);
      this.disk.set(file, source);
    }
    return source;
  }

  /** The text, or undefined when the file is missing or was skipped. */
  text(file: string): string | undefined {
    const source = this.read(file);
    return source.kind === 'text' ? source.text : undefined;
  }

  exists(file: string): boolean {
    return this.overlay.has(file) || this.host.fileExists(file);
  }

  snapshot(file: string): ts.IScriptSnapshot | undefined {
    const version = this.version(file);
    const cached = this.snapshots.get(file);
    if (cached && cached.version === version) return cached.snapshot;
    const text = this.text(file);
    if (text === undefined) return undefined;
    const snapshot = ts.ScriptSnapshot.fromString(text);
    this.snapshots.set(file, { version, snapshot });
    return snapshot;
  }

  private readDisk(file: string): SourceText {
    const content = this.host.readFile(file, maxSourceBytes);
    if (!isUnreadable(content)) return decodeSource(content);
    return content.unreadable === 'too-large'
      ? tooLarge(content.size)
      : { kind: 'skipped', reason: `not a regular file (${content.what})` };
  }
}
