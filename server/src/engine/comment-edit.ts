import ts from 'typescript';

/**
 * Whether a file's text changed only in its trivia: inside one comment, or white space added or taken away
 * between tokens (a space at the end of a line, a line break, indentation). Either way no token changed,
 * so no import, type or use did; only the places after the change moved, which matter to the file's own
 * findings and to those of the files that name it (`Reads.named`).
 */
export function onlyTriviaChanged(before: string, now: ts.SourceFile): boolean {
  return onlyCommentChanged(before, now) || onlyWhiteSpaceChanged(before, now);
}

/**
 * White space changed between tokens: what was taken away and what was put in are white space alone, not
 * inside a token now (a string, a template, JSX text), and with white space beside them before and after,
 * so that no token was split (`ab` → `a b`) or joined. Conservative: `a+b` → `a + b` counts as a change.
 */
function onlyWhiteSpaceChanged(before: string, now: ts.SourceFile): boolean {
  const after = now.text;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const [removedEnd, insertedEnd] = [before.length - tail, after.length - tail];
  if (!isWhiteSpace(before.slice(start, removedEnd)) || !isWhiteSpace(after.slice(start, insertedEnd))) return false;
  const spaceBeside = (text: string, from: number, to: number) =>
    from === 0 || to >= text.length || isWhiteSpace(text[from - 1]!) || isWhiteSpace(text[to]!);
  return spaceBeside(before, start, removedEnd) && spaceBeside(after, start, insertedEnd) && !insideToken(now, start, insertedEnd);
}

function isWhiteSpace(text: string): boolean {
  return /^\s*$/.test(text);
}

/**
 * Whether `from`..`to` lies inside a token of the file — a literal, a template's text, JSX text, an
 * identifier: the deepest node around it has no children, and its text starts before `from`.
 */
function insideToken(sourceFile: ts.SourceFile, from: number, to: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const inner: ts.Node | undefined = ts.forEachChild(node, (child) => (child.pos <= from && to <= child.end ? child : undefined));
    if (!inner) break;
    node = inner;
  }
  if (node === sourceFile || ts.forEachChild(node, () => true)) return false;
  return node.getStart(sourceFile) < from && from < node.end;
}

/**
 * Whether a file's text changed only inside one comment, as its parse now and the text before the change
 * tell: then no import, type or use changed, only what the comment says (a JSDoc tag, most often), and the
 * files that import it keep their findings unless they read what the comment annotates.
 */
export function onlyCommentChanged(before: string, now: ts.SourceFile): boolean {
  const after = now.text;
  if (before === after) return true;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const comment = commentAround(now, start, after.length - tail);
  if (!comment) return false;
  // The text up to the comment is the same, so it opened there before too; it must also have closed where
  // its close is now, shifted by the change, and nowhere earlier.
  const end = comment.end - (after.length - before.length);
  return comment.kind === ts.SyntaxKind.SingleLineCommentTrivia
    ? !/[\n\r\u2028\u2029]/.test(before.slice(comment.pos, end))
    : before.indexOf('*/', comment.pos + 2) === end - 2;
}

/** The comment whose inside (between its delimiters) holds the whole of `from`..`to`, as the parser saw it. */
function commentAround(sourceFile: ts.SourceFile, from: number, to: number): ts.CommentRange | undefined {
  // The deepest node whose full extent (leading trivia included) holds `from`, and the last place before
  // it where a token ends: the trivia that runs from there is where a comment holding `from` must be.
  let boundary = 0;
  let node: ts.Node = sourceFile;
  for (;;) {
    let inner: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= from && from < child.end) inner = child;
      else if (child.end <= from) boundary = Math.max(boundary, child.end);
      return inner;
    });
    if (!inner) break;
    node = inner;
    boundary = Math.max(boundary, node.pos);
  }
  // Comments on the line of the token before are its trailing ones; those on the lines after, leading.
  const ranges = [
    ...(ts.getTrailingCommentRanges(sourceFile.text, boundary) ?? []),
    ...(ts.getLeadingCommentRanges(sourceFile.text, boundary) ?? []),
  ];
  return ranges.find((range) => {
    const close = range.kind === ts.SyntaxKind.MultiLineCommentTrivia ? 2 : 0;
    return from >= range.pos + 2 && to <= range.end - close;
  });
}
