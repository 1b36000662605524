import type { FileEdit } from '../base/finding';
import type { DocAnchor, Tag } from './model';

/**
 * Text edits on JSDoc that keep the user's layout: a one-line block stays one line, a multi-line block gets
 * a new ` * @tag` line in its own indentation, and a declaration without JSDoc gets a one-line block (in a
 * Prisma schema, a `///` line).
 */
export function addTag(file: string, text: string, doc: DocAnchor, tagText: string): FileEdit {
  const block = doc.block;
  // A Prisma schema's `///` comments: a line after the last, or a first line above the declaration.
  if (doc.style === 'line')
    return block ? insert(file, block.end, `\n${doc.indent}/// ${tagText}`) : insert(file, doc.insertAt, `/// ${tagText}\n${doc.indent}`);
  if (!block) {
    // A declaration after other code on its line (`{ name: string; email: string }`) gets its block there too.
    const lineStart = text.lastIndexOf('\n', doc.insertAt - 1) + 1;
    const inline = text.slice(lineStart, doc.insertAt).trim() !== '';
    return insert(file, doc.insertAt, inline ? `/** ${tagText} */ ` : `/** ${tagText} */\n${doc.indent}`);
  }
  const close = block.end - 2;
  const blockText = text.slice(block.start, block.end);
  if (!blockText.includes('\n')) return insert(file, close, `${text[close - 1] === ' ' ? '' : ' '}${tagText} `);
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const beforeClose = text.slice(lineStart, close);
  if (/^[ \t]*$/.test(beforeClose)) return insert(file, lineStart, `${beforeClose}* ${tagText}\n`);
  return insert(file, close, `\n${doc.indent} * ${tagText}\n${doc.indent} `);
}

/** Appends ids to an existing tag, after its last argument. */
export function appendArgs(file: string, tag: Tag, words: readonly string[]): FileEdit {
  const end = tag.args[tag.args.length - 1]?.span.end ?? tag.span.end;
  return insert(file, end, words.map((word) => ` ${word}`).join(''));
}

export function insert(file: string, at: number, newText: string): FileEdit {
  return { file, start: at, end: at, newText };
}

export function replace(file: string, span: { start: number; end: number }, newText: string): FileEdit {
  return { file, start: span.start, end: span.end, newText };
}
