import { isMap, isScalar, isSeq, stringify, type YAMLSeq } from 'yaml';
import type { FileEdit } from '../base/finding';
import type { CodeFile, Difference } from './files';
import type { FileEntry, Register, WordList } from './model';
import { pairOf } from './nodes';

/**
 * Edits of the register as text edits against its current text, computed from the YAML nodes' ranges:
 * whatever an edit is not about stays byte for byte (comments, key order, anchors, blank lines, quoting,
 * the layout of other entries). Nothing here re-serialises the document.
 */

/** What the fixes write for the items the code cannot know; `register-incomplete` keeps asking for them. */
const placeholders = {
  organization: 'TODO: the administrative organ',
  section: 'TODO: section in charge',
  scope: 'TODO: scope of individuals recorded',
  collectionMethod: 'TODO: collection method',
  recipients: 'TODO: routine recipients outside the organ, or an empty list',
  requestOffice: 'TODO: office that accepts requests for disclosure, correction and suspension',
  description: 'TODO: what the purpose is, as published',
} as const;

/** A new register: the organisation to fill in, the code's purpose ids as the catalogue, an entry per file. */
export function createRegister(registerPath: string, files: readonly CodeFile[], purposeIds: Iterable<string>): FileEdit {
  const ids = [...purposeIds];
  const lines = [
    '# Personal Information File Register (APPI Art. 75; formerly Act No. 58 of 2003 Art. 11).',
    '# Written by appi-guard from the code: replace every TODO before the register is published.',
    `organization: ${scalarText(placeholders.organization)}`,
    ids.length === 0 ? 'purposes: []' : 'purposes:',
    ...ids.flatMap((id) => [`  - id: ${scalarText(id)}`, `    description: ${scalarText(placeholders.description)}`]),
    files.length === 0 ? 'files: []' : 'files:',
    ...files.flatMap((file) => entryLines(file, '  ', '    ')),
  ];
  return { file: registerPath, start: 0, end: 0, newText: `${lines.join('\n')}\n` };
}

/** Appends an entry for `file` to `files:`, in the layout of the entries already there. */
export function addEntry(registerPath: string, text: string, register: Register, file: CodeFile): FileEdit[] {
  const root = register.document.contents;
  if (register.broken || !isMap(root) || root.flow) return [];
  const filesPair = pairOf(root.items, 'files');
  const seq = register.filesNode;
  if (!filesPair) {
    const lines = ['files:', ...entryLines(file, '  ', '    ')].join('\n');
    const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return [{ file: registerPath, start: text.length, end: text.length, newText: `${separator}${lines}\n` }];
  }
  const keyIndent = indentOf(text, (filesPair.key as { range?: number[] }).range?.[0] ?? 0);
  if (seq && seq.items.length > 0)
    return seq.flow
      ? appendFlow(registerPath, seq, [flowPairs(entryLines(file, '', '', { flow: true }))])
      : appendBlock(registerPath, text, seq, (dashIndent, keyIndent) => entryLines(file, dashIndent, keyIndent));
  const value = filesPair.value as { range?: [number, number, number] } | null;
  const block = entryLines(file, `${keyIndent}  `, `${keyIndent}    `).join('\n');
  if (seq?.flow && value?.range) {
    // `files: []   # none yet`: the brackets go, the comment stays on the key's line, the entries go below.
    let from = value.range[0];
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    const at = lineEnd(text, value.range[1]);
    return [
      { file: registerPath, start: from, end: value.range[1], newText: '' },
      { file: registerPath, start: at, end: at, newText: `\n${block}` },
    ];
  }
  if (isScalar(value) && value.value === null && value.range) {
    // `files:` with nothing (or `~`) after it: the entries go below it, after any comment on its line.
    if (value.range[1] > value.range[0]) {
      let from = value.range[0];
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      return [{ file: registerPath, start: from, end: value.range[1], newText: `\n${block}` }];
    }
    const at = lineEnd(text, (filesPair.key as { range: number[] }).range[1]!);
    return [{ file: registerPath, start: at, end: at, newText: `\n${block}` }];
  }
  return [];
}

/** Brings an entry in line with the code: only the items that differ, and within a list only its words. */
export function alignEntry(
  registerPath: string,
  text: string,
  entry: FileEntry,
  file: CodeFile | undefined,
  found: readonly Difference[],
): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const difference of found) {
    switch (difference.item) {
      case 'purposes':
        if (entry.purposes) edits.push(...rewriteList(registerPath, text, entry.purposes, difference.code));
        break;
      case 'recordedMatters':
        if (entry.recordedMatters)
          edits.push(
            ...rewriteList(registerPath, text, entry.recordedMatters, [
              ...entry.recordedMatters.items.map((item) => item.value),
              ...difference.missing,
            ]),
          );
        break;
      case 'specialCare':
        if (entry.specialCare) edits.push({ file: registerPath, ...entry.specialCare.span, newText: String(difference.code) });
        break;
      case 'schema':
        if (file && entry.schema) edits.push({ file: registerPath, ...entry.schema.span, newText: scalarText(file.reference) });
        break;
    }
  }
  return edits;
}

/**
 * Adds purposes that the code declares and the catalogue lacks, each with a `TODO` description: a purpose
 * is published by a person, so nothing is made up, and `register-incomplete` asks until it is described.
 * Only to a catalogue there is: without `purposes:` ids are not checked, and none is started here.
 */
export function addPurposes(registerPath: string, text: string, register: Register, ids: readonly string[]): FileEdit[] {
  const root = register.document.contents;
  if (ids.length === 0 || register.broken || !register.purposes || !isMap(root)) return [];
  const seq = pairOf(root.items, 'purposes')?.value;
  if (!isSeq(seq)) return [];
  const linesOf = (id: string, dashIndent: string, keyIndent: string, options: { flow?: boolean } = {}) => [
    `${dashIndent}- id: ${scalarText(id, options)}`,
    `${keyIndent}description: ${scalarText(placeholders.description, options)}`,
  ];
  if (seq.items.length === 0) {
    // `purposes: []`: the brackets go (a comment after them stays on the key's line), the purposes go below.
    const key = pairOf(root.items, 'purposes')!.key as { range?: number[] };
    if (!seq.range || !key.range) return [];
    const keyIndent = indentOf(text, key.range[0]!);
    let from = seq.range[0];
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    const at = lineEnd(text, seq.range[1]);
    const lines = ids.flatMap((id) => linesOf(id, `${keyIndent}  `, `${keyIndent}    `));
    return [
      { file: registerPath, start: from, end: seq.range[1], newText: '' },
      { file: registerPath, start: at, end: at, newText: `\n${lines.join('\n')}` },
    ];
  }
  if (seq.flow)
    return appendFlow(
      registerPath,
      seq,
      ids.map((id) => flowPairs(linesOf(id, '', '', { flow: true }))),
    );
  return appendBlock(registerPath, text, seq, (dashIndent, keyIndent) => ids.flatMap((id) => linesOf(id, dashIndent, keyIndent)));
}

/** The purpose ids that `purposes` lists and the register's catalogue does not, in their order. */
export function purposesMissingFrom(register: Register, purposes: Iterable<string>): string[] {
  if (!register.purposes) return [];
  const known = new Set(register.purposes.map((entry) => entry.id));
  return [...new Set(purposes)].filter((id) => !known.has(id));
}

/** `- key: value` lines as the `key: value` pairs of a flow mapping. */
function flowPairs(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/^- /, ''));
}

/** The entry's lines: what the code knows, and marked placeholders for the rest. */
function entryLines(file: CodeFile, dashIndent: string, keyIndent: string, options: { flow?: boolean } = {}): string[] {
  const scalar = (value: string) => scalarText(value, options);
  const items: [string, string][] = [
    ['name', scalar(file.name)],
    ['schema', scalar(file.reference)],
    ['section', scalar(placeholders.section)],
    ['purposes', flowList(file.purposes)],
    ['recordedMatters', flowList(file.recordedMatters)],
    ['specialCare', String(file.specialCare)],
    ['scope', scalar(placeholders.scope)],
    ['collectionMethod', scalar(placeholders.collectionMethod)],
    ['recipients', flowList([placeholders.recipients])],
    ['requestOffice', scalar(placeholders.requestOffice)],
  ];
  return items.map(([key, value], index) => `${index === 0 ? `${dashIndent}- ` : keyIndent}${key}: ${value}`);
}

/** Appends an item to a block list, in the layout of the items already there (indents, blank lines between). */
function appendBlock(
  registerPath: string,
  text: string,
  seq: YAMLSeq,
  linesOf: (dashIndent: string, keyIndent: string) => string[],
): FileEdit[] {
  const items = seq.items as { range?: [number, number, number] }[];
  const first = items[0]!.range;
  const last = items[items.length - 1]!.range;
  if (!first || !last) return [];
  const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
  const prefix = text.slice(lineStart, first[0]);
  const layout = /^([ \t]*)-[ \t]+$/.exec(prefix);
  const dashIndent = layout ? layout[1]! : indentOf(text, first[0]);
  const keyIndent = layout ? ' '.repeat(prefix.length) : `${dashIndent}  `;
  const at = contentLineEnd(text, last[1]);
  // Items set apart by a blank line get a new one set apart too.
  const second = items[1]?.range;
  const spaced = second !== undefined && /\n[ \t]*\r?\n/.test(text.slice(contentLineEnd(text, first[1]), second[0]));
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = linesOf(dashIndent, keyIndent).join(newline);
  return [{ file: registerPath, start: at, end: at, newText: `${newline}${spaced ? newline : ''}${lines}` }];
}

/** Appends `{ key: value, … }` mappings (each given as its pairs) to a flow list with items. */
function appendFlow(registerPath: string, seq: YAMLSeq, mappings: readonly (readonly string[])[]): FileEdit[] {
  const last = (seq.items[seq.items.length - 1] as { range?: number[] }).range;
  if (!last) return [];
  const newText = mappings.map((pairs) => `, { ${pairs.join(', ')} }`).join('');
  return [{ file: registerPath, start: last[1]!, end: last[1]!, newText }];
}

/**
 * Makes a list say `words`: words it has and keeps stay as written, words to drop go with their line (block)
 * or their comma (flow), new words are appended in the list's style. A list written through an alias is
 * replaced at the alias, so that the anchor's other users keep what they say.
 */
function rewriteList(registerPath: string, text: string, list: WordList, words: readonly string[]): FileEdit[] {
  const wanted = new Set(words);
  const kept = list.items.filter((item) => wanted.has(item.value));
  const have = new Set(kept.map((item) => item.value));
  const added = words.filter((word, index) => !have.has(word) && words.indexOf(word) === index);
  if (list.viaAlias || list.node.flow || list.items.length === 0) {
    const inner = [
      ...kept.map((item) => text.slice(item.span.start, item.span.end)),
      ...added.map((word) => scalarText(word, { flow: true })),
    ];
    // The node's range starts after its anchor (`&common`), which stays.
    const span = list.viaAlias ? list.span : { start: list.node.range![0], end: list.node.range![1] };
    return [{ file: registerPath, ...span, newText: `[${inner.join(', ')}]` }];
  }
  // A block list: one word a line.
  const edits: FileEdit[] = [];
  for (const item of list.items) {
    if (have.has(item.value)) continue;
    const start = text.lastIndexOf('\n', item.span.start - 1);
    edits.push({ file: registerPath, start: start === -1 ? 0 : start, end: contentLineEnd(text, item.span.end), newText: '' });
  }
  if (added.length > 0) {
    const lastItem = list.items[list.items.length - 1]!;
    const lineStart = text.lastIndexOf('\n', lastItem.span.start - 1) + 1;
    const prefix = text.slice(lineStart, lastItem.span.start);
    const at = contentLineEnd(text, lastItem.span.end);
    const lines = added.map((word) => `\n${prefix}${scalarText(word)}`).join('');
    const removedLast = edits.some((edit) => edit.end === at);
    if (removedLast) edits[edits.length - 1] = { ...edits[edits.length - 1]!, newText: lines };
    else edits.push({ file: registerPath, start: at, end: at, newText: lines });
  }
  return edits;
}

/** A value as YAML writes it: plain when that reads back the same, quoted when not. */
function scalarText(value: string, options: { flow?: boolean } = {}): string {
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (plain.includes('\n') || (options.flow && /[,[\]{}]/.test(plain) && !/^["']/.test(plain))) return JSON.stringify(value);
  return plain;
}

function flowList(words: readonly string[]): string {
  return `[${words.map((word) => scalarText(word, { flow: true })).join(', ')}]`;
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The end of the line of the last non-blank character before `offset`: after a node and its comment. */
function contentLineEnd(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return lineEnd(text, at);
}
