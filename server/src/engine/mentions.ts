import type { Structure } from './structure';

/**
 * Which words the workspace's files mention, and in how many of them: the cheap question asked before the
 * language service's reference search (a function whose name no other file mentions is called from its own
 * file only). Kept across edits: `update` re-reads only the files whose text changed. A word in a comment
 * or a string counts, which only ever sends a search the longer way.
 */
export class Mentions {
  private readonly texts = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** Brings the index up to the current text of every file of the structure. */
  update(structure: Structure): void {
    for (const [file, project] of structure.owners) {
      const text = project.program().getSourceFile(file)?.text;
      const old = this.texts.get(file);
      if (text === old) continue;
      if (old !== undefined) for (const word of wordsOf(old)) this.count(word, -1);
      if (text === undefined) this.texts.delete(file);
      else {
        this.texts.set(file, text);
        for (const word of wordsOf(text)) this.count(word, 1);
      }
    }
  }

  /** Whether a file other than `file` mentions `word`. */
  elsewhere(word: string, file: string): boolean {
    const count = this.counts.get(word) ?? 0;
    if (count !== 1) return count > 1;
    const text = this.texts.get(file);
    return text === undefined || !new RegExp(`(?<![\\w$])${word.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  }

  private count(word: string, by: number): void {
    const count = (this.counts.get(word) ?? 0) + by;
    if (count > 0) this.counts.set(word, count);
    else this.counts.delete(word);
  }
}

function wordsOf(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_$][\w$]*/g));
}
