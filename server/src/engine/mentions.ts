import type { Structure } from './structure';

/**
 * Which words the workspace's files mention, and in how many of them: the cheap question asked before the
 * language service's reference search (a function whose name no other file mentions is called from its own
 * file only). Kept across edits: `update` re-reads only the files whose text changed. A word in a comment
 * or a string counts, which only ever sends a search the longer way.
 */
export class Mentions {
  private readonly texts = new Map<string, string>();
  /** Per word: how many files mention it, and the last file counted (the only one, while nothing was taken away). */
  private readonly words = new Map<string, { files: number; last: string | undefined }>();

  /** Brings the index up to the current text of every file of the structure. */
  update(structure: Structure): void {
    for (const [file, project] of structure.owners) {
      const text = project.program().getSourceFile(file)?.text;
      const old = this.texts.get(file);
      if (text === old) continue;
      if (old !== undefined) this.forget(old);
      if (text === undefined) this.texts.delete(file);
      else {
        this.texts.set(file, text);
        this.count(file, text);
      }
    }
  }

  /** Whether a file other than `file` mentions `word`. */
  elsewhere(word: string, file: string): boolean {
    const entry = this.words.get(word);
    if (!entry || entry.files > 1) return entry !== undefined;
    if (entry.last !== undefined) return entry.last !== file;
    const text = this.texts.get(file);
    return text === undefined || !new RegExp(`(?<![\\w$])${word.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  }

  /** A file's words are read in one pass: repeats of a word in the file come before any other file's. */
  private count(file: string, text: string): void {
    for (const word of text.match(wordPattern) ?? []) {
      const entry = this.words.get(word);
      if (!entry) this.words.set(word, { files: 1, last: file });
      else if (entry.last !== file) {
        entry.files++;
        entry.last = file;
      }
    }
  }

  private forget(text: string): void {
    for (const word of new Set(text.match(wordPattern))) {
      const entry = this.words.get(word);
      if (!entry) continue;
      if (--entry.files === 0) this.words.delete(word);
      // Which file is left is not known without reading them all: `elsewhere` reads the asking file instead.
      else entry.last = undefined;
    }
  }
}

const wordPattern = /[A-Za-z_$][\w$]*/g;
