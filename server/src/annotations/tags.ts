import ts from 'typescript';
import type { Arg, Tag } from './model';

/**
 * Reads one JSDoc tag with the offsets of its arguments. A tag's arguments are the words on its own line
 * after its name (a quoted word may hold spaces); TypeScript's parser has already found the tag, this only
 * splits its text, which it keeps as a plain string.
 */
export function readTag(tag: ts.JSDocTag, text: string, shift = 0): Tag {
  const at = tag.tagName.pos - 1;
  const nameEnd = tag.tagName.end;
  const lineEnd = text.indexOf('\n', nameEnd);
  let raw = text.slice(nameEnd, Math.min(tag.end, lineEnd === -1 ? text.length : lineEnd));
  const close = raw.indexOf('*/');
  if (close !== -1) raw = raw.slice(0, close);
  return {
    name: tag.tagName.text,
    span: { start: at + shift, end: nameEnd + shift },
    args: splitArgs(raw, nameEnd + shift),
    rest: raw.trim(),
  };
}

/** Words and quoted strings, each with its span; quotes are kept in `text` only when unterminated. */
export function splitArgs(raw: string, offset: number): Arg[] {
  const args: Arg[] = [];
  const word = /"([^"]*)"|(\S+)/g;
  for (let match = word.exec(raw); match; match = word.exec(raw)) {
    args.push({
      text: match[1] ?? match[2]!,
      span: { start: offset + match.index, end: offset + match.index + match[0].length },
    });
  }
  return args;
}

/** JSDoc blocks directly attached to a node (not those TypeScript borrows from a parent). */
export function docsOf(node: ts.Node): ts.JSDoc[] {
  return ts.getJSDocCommentsAndTags(node).filter((doc): doc is ts.JSDoc => ts.isJSDoc(doc) && doc.parent === node);
}

/**
 * A JSDoc block on the same line as the token before the declaration (`{ /** @personal *\/ name: string }`)
 * is, for TypeScript, a trailing comment of that token, and is not attached. Users still mean it for the
 * declaration, so it is parsed on its own, by TypeScript's JSDoc parser, and its offsets shifted back.
 */
export function sameLineDoc(node: ts.Node, text: string): { doc: ts.JSDoc; text: string; shift: number } | undefined {
  const ranges = ts.getTrailingCommentRanges(text, node.pos) ?? [];
  const last = ranges.filter((range) => text.startsWith('/**', range.pos)).pop();
  if (!last || text.slice(last.end, node.getStart()).trim() !== '') return undefined;
  const comment = text.slice(last.pos, last.end);
  const alone = ts.createSourceFile('doc.ts', `${comment}\nvar _;`, ts.ScriptTarget.Latest, true);
  const doc = docsOf(alone.statements[0]!)[0];
  return doc && { doc, text: alone.text, shift: last.pos };
}

export function isFileDoc(doc: ts.JSDoc): boolean {
  return (doc.tags ?? []).some((tag) => tag.tagName.text === 'packageDocumentation' || tag.tagName.text === 'file');
}
