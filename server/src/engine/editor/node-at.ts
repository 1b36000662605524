import ts from 'typescript';

/**
 * The innermost node whose text (trivia excluded) holds `offset`, end included so that a cursor just after
 * a name still finds it, as editors expect for hovers and completions.
 */
export function nodeAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) <= offset && offset <= node.end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** The comment that holds `offset` (its delimiters included), found in the trivia before the next token. */
export function commentAt(sourceFile: ts.SourceFile, offset: number): ts.CommentRange | undefined {
  const text = sourceFile.text;
  let holder: ts.Node = sourceFile;
  for (;;) {
    const child = holder.getChildren(sourceFile).find((c) => c.pos <= offset && offset < c.end);
    if (!child) break;
    if (offset >= child.getStart(sourceFile)) {
      holder = child;
      continue;
    }
    return rangesAt(text, child.pos).find((range) => covers(range, offset, text));
  }
  // Past the last token: the end-of-file token's trivia.
  return rangesAt(text, sourceFile.endOfFileToken.pos).find((range) => covers(range, offset, text));
}

function rangesAt(text: string, pos: number): ts.CommentRange[] {
  return ts.getLeadingCommentRanges(text, pos) ?? [];
}

/** Inside the comment; its end counts for a comment not closed yet (the user is still typing it). */
function covers(range: ts.CommentRange, offset: number, text: string): boolean {
  const closed =
    range.kind === ts.SyntaxKind.MultiLineCommentTrivia ? text.startsWith('*/', range.end - 2) && range.end - range.pos >= 4 : true;
  return range.pos < offset && (offset < range.end || (!closed && offset === range.end));
}
