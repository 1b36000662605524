import type ts from 'typescript';
import { namesOf } from './typescript-internals';

/**
 * Offsets in a file where a walk has something to look at (a tag's comment, a tagged field's name, a sink),
 * found in its text first: a subtree whose extent holds none of them is not walked. Most of a file is
 * code that mentions nothing tagged, and walking every node of it is most of a walk's cost.
 */
export class Marks {
  private readonly offsets: readonly number[];

  /** `offsets` in ascending order. */
  constructor(offsets: readonly number[]) {
    this.offsets = offsets;
  }

  /** Where each match of `pattern` (global) in `text` starts. */
  static of(text: string, pattern: RegExp): Marks {
    return new Marks(Array.from(text.matchAll(pattern), (match) => match.index));
  }

  /**
   * Where each of a few whole words starts in `text`, found with `indexOf` word by word: for the handful
   * of words a file's parser says it mentions (`namesMentioned`), faster than one pattern of them all.
   * With `spreads`, every `...` too.
   */
  static ofWords(text: string, words: Iterable<string>, options?: { readonly spreads: boolean }): Marks {
    const offsets: number[] = [];
    for (const word of words) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
        if (!isWordCharacter(text.charCodeAt(at - 1)) && !isWordCharacter(text.charCodeAt(at + word.length))) offsets.push(at);
      }
    }
    if (options?.spreads) for (let at = text.indexOf('...'); at !== -1; at = text.indexOf('...', at + 3)) offsets.push(at);
    return new Marks(offsets.sort((a, b) => a - b));
  }

  /** Whether a mark lies in the node's extent, leading trivia included. */
  within(node: ts.Node): boolean {
    return this.anyIn(node.pos, node.end);
  }

  /** Whether a mark lies in `[start, end)`. */
  anyIn(start: number, end: number): boolean {
    let [low, high] = [0, this.offsets.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.offsets[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < this.offsets.length && this.offsets[low]! < end;
  }
}

/** `[A-Za-z0-9_$]`, and any non-ASCII letter (identifiers may hold them); NaN (out of the text) is not. */
function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127
  );
}

/**
 * Which of `words` the file names: those among the names its parser kept (identifiers, property names,
 * string element accesses, `namesOf`), so a file that names none costs one lookup per word or per name,
 * whichever are fewer, and its text is not searched.
 */
export function namesMentioned(sourceFile: ts.SourceFile, words: ReadonlySet<string>): string[] {
  const names = namesOf(sourceFile);
  const mentioned: string[] = [];
  if (words.size < names.size) {
    for (const word of words) if (names.has(word)) mentioned.push(word);
  } else for (const name of names.keys()) if (words.has(name)) mentioned.push(name);
  return mentioned;
}
