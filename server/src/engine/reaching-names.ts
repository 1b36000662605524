import type ts from 'typescript';
import type { Span } from '../base/finding';
import { Marks, namesMentioned } from '../base/marks';
import { type CallableCode, callableCodeOf } from './callable-names';

/**
 * The names of the workspace's functions that may lead to a use of a tagged field: those whose code uses
 * one (the uses of each file, as `usesOf` finds them), then the functions whose code names one of those,
 * and so on (docs/rules/use-beyond-purpose.md, "Reached uses"). It is the cheap question asked before the
 * checker: a call in code with a context whose callee is named otherwise leads to no use, and is not
 * resolved. It is a superset — a word in a comment, another function of the same name, a function that
 * used a field before an edit — never a subset, so the answer of a query that looks through it depends
 * only on the code it then reaches. Contexts do not count here: a function with its own context is named
 * too, so that a search meets it and knows it as the boundary it is.
 *
 * Kept across edits, it only grows: an edit brings the seeds of the uses found again and the names in the
 * edited files' code, and follows the new names to the code that mentions them. Every name it holds was
 * followed when it came in, and every syntax tree was read against the names there were then.
 */
export class ReachingNames {
  private readonly names = new Set<string>();
  /** Syntax trees already read for the names their code mentions. */
  private readonly readTrees = new WeakSet<ts.SourceFile>();
  /** `usesOf` answers already read for the functions that hold a use. */
  private readonly readAnswers = new WeakSet<object>();

  /** Brings the names up to date with the trees as they are now, and their uses. */
  update(trees: readonly ts.SourceFile[], usesOf: (tree: ts.SourceFile) => readonly { span: Span }[]): ReadonlySet<string> {
    const added: string[] = [];
    const add = (code: CallableCode) => {
      if (this.names.has(code.name)) return;
      this.names.add(code.name);
      added.push(code.name);
    };
    for (const tree of trees) {
      const uses = usesOf(tree);
      if (this.readAnswers.has(uses)) continue;
      this.readAnswers.add(uses);
      if (uses.length === 0) continue;
      const used = new Marks(uses.map((use) => use.span.start).sort((a, b) => a - b));
      for (const code of callableCodeOf(tree)) if (used.anyIn(code.start, code.end)) add(code);
    }
    // A tree not read yet (a file edited, added, or the first run): its code against every name so far.
    const unread = trees.filter((tree) => !this.readTrees.has(tree));
    if (unread.length < trees.length) for (const tree of unread) this.mentionsIn(tree, this.names, add);
    let frontier = unread.length < trees.length ? added.splice(0) : [...this.names];
    for (const tree of unread) this.readTrees.add(tree);
    while (frontier.length > 0) {
      const wanted = new Set(frontier);
      for (const tree of trees) this.mentionsIn(tree, wanted, add);
      frontier = added.splice(0);
    }
    return this.names;
  }

  /** Adds the callable code of `tree` that mentions one of `words`. */
  private mentionsIn(tree: ts.SourceFile, words: ReadonlySet<string>, add: (code: CallableCode) => void): void {
    const mentioned = namesMentioned(tree, words);
    if (mentioned.length === 0) return;
    const marks = Marks.ofWords(tree.text, mentioned);
    for (const code of callableCodeOf(tree)) if (marks.anyIn(code.start, code.end)) add(code);
  }
}
