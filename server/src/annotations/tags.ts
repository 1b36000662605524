import ts from 'typescript';
import { parseJSDocComment } from '../base/typescript-internals';
import type { Arg, DocAnchor, Tag } from './model';

/**
 * Reads one JSDoc tag with the offsets of its arguments. A tag's arguments are the words on its own line
 * after its name (a quoted word may hold spaces); TypeScript's parser has already found the tag, this only
 * splits its text, which it keeps as a plain string.
 */
function readTag(tag: ts.JSDocTag, text: string, shift = 0): Tag {
  const at = tag.tagName.pos - 1;
  const nameEnd = tag.tagName.end;
  const lineEnd = text.indexOf('\n', nameEnd);
  let raw = text.slice(nameEnd, Math.min(tag.end, lineEnd === -1 ? text.length : lineEnd));
  const close = raw.indexOf('*/');
  if (close !== -1) raw = raw.slice(0, close);
  const nextLine = raw.trim() === '' && lineEnd !== -1 ? followingLine(text, lineEnd + 1, tag.end, shift) : undefined;
  return {
    name: tag.tagName.text,
    span: { start: at + shift, end: nameEnd + shift },
    args: splitArgs(raw, nameEnd + shift),
    rest: raw.trim(),
    ...(nextLine && { nextLine }),
  };
}

/** The words of the line at `start` inside the tag's text (up to `end`), after the block's leading `*`. */
function followingLine(text: string, start: number, end: number, shift: number): Arg[] | undefined {
  const lineEnd = text.indexOf('\n', start);
  let raw = text.slice(start, Math.min(end, lineEnd === -1 ? text.length : lineEnd));
  const close = raw.indexOf('*/');
  if (close !== -1) raw = raw.slice(0, close);
  const lead = /^\s*\*?/.exec(raw)![0].length;
  const args = splitArgs(raw.slice(lead), start + lead + shift);
  return args.length > 0 && !args[0]!.text.startsWith('@') ? args : undefined;
}

/** Words and quoted strings, each with its span; quotes are kept in `text` only when unterminated. */
function splitArgs(raw: string, offset: number): Arg[] {
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

/** A JSDoc block: its tags, with offsets in the file, and its place in the file. */
export interface DocBlock {
  readonly tags: readonly Tag[];
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * The JSDoc block TypeScript reads for a declaration: the last of the `/**` comments before it (TypeScript's
 * own rule). Programs parse JSDoc only where types need it, as `tsc` does, so the block is parsed here on
 * its own, not the whole file again.
 */
export function docOf(node: ts.Node, text: string): DocBlock | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const last = ranges.filter((range) => range.end <= node.end && isDocComment(text, range)).pop();
  return last && readBlock(text, last);
}

/**
 * A declaration's JSDoc as the annotation language reads it — its own block (not a file's leading one), else
 * one on the same line before it — with its tags unvalidated, and where a tag would be added.
 */
export function declarationDoc(node: ts.Node, sourceFile: ts.SourceFile): { block?: DocBlock; doc: DocAnchor } {
  const text = sourceFile.text;
  const insertAt = node.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', insertAt - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, insertAt))![0];
  const own = docOf(node, text);
  const block = own && !isFileDoc(own) ? own : sameLineDoc(node, text);
  return block ? { block, doc: { insertAt, indent, block: block.span } } : { doc: { insertAt, indent } };
}

/**
 * A JSDoc block on the same line as the token before the declaration (`{ /** @personal *\/ name: string }`)
 * is, for TypeScript, a trailing comment of that token, and is not attached. Users still mean it for the
 * declaration, so it is read as the declaration's.
 */
function sameLineDoc(node: ts.Node, text: string): DocBlock | undefined {
  const ranges = ts.getTrailingCommentRanges(text, node.pos) ?? [];
  const last = ranges.filter((range) => isDocComment(text, range)).pop();
  if (!last || text.slice(last.end, node.getStart()).trim() !== '') return undefined;
  return readBlock(text, last);
}

/** `/** … *\/`, not `/**\/`. */
function isDocComment(text: string, range: ts.CommentRange): boolean {
  return range.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith('/**', range.pos) && text.charCodeAt(range.pos + 3) !== 47;
}

/** TypeScript's JSDoc parser on one block, where it is in the file. */
function readBlock(text: string, range: ts.CommentRange): DocBlock | undefined {
  const span = { start: range.pos, end: range.end };
  // Most blocks are prose: one without an `@` has no tags, and a parse would only say so.
  if (!text.slice(range.pos, range.end).includes('@')) return { tags: [], span };
  const doc = parseJSDocComment(text, range.pos, range.end - range.pos)?.jsDoc;
  return doc && { tags: (doc.tags ?? []).map((tag) => readTag(tag, text)), span };
}

/**
 * The tags of a group of `///` comments (a Prisma schema's doc comments), read with TypeScript's JSDoc
 * parser: the group is seen as a JSDoc block of the same length (`///` becomes `/**`, then ` * `), so every
 * offset is the schema's own. `starts` are the offsets of each line's `///`, `end` the end of the last line.
 */
export function lineDocBlock(text: string, starts: readonly number[], end: number): DocBlock | undefined {
  const first = starts[0];
  if (first === undefined) return undefined;
  let block = `/**${text.slice(first + 3, end)}`;
  for (const start of starts.slice(1)) block = `${block.slice(0, start - first)} * ${block.slice(start - first + 3)}`;
  const asJsDoc = `${text.slice(0, first)}${block} */`;
  return readBlock(asJsDoc, { pos: first, end: asJsDoc.length, kind: ts.SyntaxKind.MultiLineCommentTrivia });
}

export function isFileDoc(block: DocBlock): boolean {
  return block.tags.some((tag) => tag.name === 'packageDocumentation' || tag.name === 'file');
}
