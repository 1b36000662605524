import { type Document, isMap, isSeq, parseDocument } from 'yaml';
import { sectors } from '../base/provisions';
import { readEntries } from './entries';
import type { FileEntry, Register, RegisterProblem } from './model';
import { isPlaceholder, topLevelKeys } from './model';
import { firstLineOf, mapAliases, pairOf, rangeOf, spanAt } from './nodes';
import { Reader } from './reader';

export type { Register } from './model';

/** Reads the register: never throws, whatever the text; every problem is reported with its place. */
export function parseRegister(text: string): Register {
  let document: Document.Parsed;
  try {
    // Aliases are never expanded here: each node is visited once, and an alias is followed one step.
    document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    // The parser recurses on nesting; a hostile depth ends here rather than in the caller.
    const message = error instanceof RangeError ? 'it is nested too deeply to be read' : `it could not be read (${String(error)})`;
    return {
      document: parseDocument(''),
      problems: [{ span: { start: 0, end: 0 }, message: `The register is not valid YAML: ${message}.` }],
      unknownKeys: [],
      broken: true,
      entriesKnown: false,
    };
  }
  const problems: RegisterProblem[] = document.errors.map((error) => ({
    span: wordAt(text, error.pos[0], error.pos[1]),
    message: `The register is not valid YAML: ${firstLine(error.message)}`,
  }));
  if (problems.length > 0) return { document, problems, unknownKeys: [], broken: true, entriesKnown: false };
  const aliases = mapAliases(document);
  if (aliases.bomb) {
    problems.push({
      span: rangeOf(aliases.bomb.alias, text),
      message: `The register is not read: the alias \`*${aliases.bomb.alias.source}\` expands to more than ${aliases.bomb.size > 1e9 ? 'a billion' : aliases.bomb.size.toLocaleString('en')} nodes, which is an attack on YAML readers rather than a register.`,
    });
    return { document, problems, unknownKeys: [], broken: true, entriesKnown: false };
  }
  return readRegister(new Reader(document, text, aliases, problems));
}

/** The top level of the register: its organisation, purpose catalogue and entries. */
function readRegister(reader: Reader): Register {
  const { document, problems, unknownKeys, text } = reader;
  const root = reader.resolve(document.contents);
  if (!isMap(root)) {
    const span = document.contents ? rangeOf(document.contents, text) : { start: 0, end: 0 };
    problems.push({ span, message: 'The register must be a mapping with `organization`, `purposes` and `files`.' });
    return { document, problems, unknownKeys, broken: false, entriesKnown: false };
  }
  reader.warnUnknownKeys(root, topLevelKeys);
  const organizationPair = pairOf(root.items, 'organization');
  const organization = reader.text_(organizationPair, '`organization` must be the name of the administrative organ (APPI Art. 74(1)(ii)).');
  const organizationMissing = reader.isEmpty(organizationPair) || (organization !== undefined && isPlaceholder(organization.value));
  const sector = reader.oneOf(
    pairOf(root.items, 'sector'),
    sectors,
    '`sector` must be `administrative-organ` (APPI Chapter V) or `business` (Chapter IV).',
  );
  const purposesPair = pairOf(root.items, 'purposes');
  const purposes = purposesPair ? reader.readPurposes(purposesPair) : undefined;
  const filesPair = pairOf(root.items, 'files');
  const filesNode = filesPair && reader.resolve(filesPair.value);
  let files: FileEntry[] | undefined;
  let entriesKnown = true;
  if (filesPair && !reader.isEmpty(filesPair)) {
    if (isSeq(filesNode)) files = readEntries(reader, filesNode.items);
    else {
      entriesKnown = false;
      problems.push({ span: rangeOf(filesPair.value, text), message: '`files` must be a list of Personal Information File entries.' });
    }
  }
  return {
    document,
    problems,
    unknownKeys,
    broken: false,
    entriesKnown,
    ...(organization && { organization }),
    ...(sector && { sector }),
    ...(organizationMissing && {
      organizationMissing: firstLineOf(rangeOf(organizationPair?.key ?? root.items[0]?.key ?? root, text), text),
    }),
    ...(purposes && { purposes }),
    ...(files && { files }),
    ...(isSeq(filesNode) && { filesNode }),
  };
}

/** YAML errors point at a character; underline the word there, so the squiggle can be seen. */
function wordAt(text: string, start: number, end: number): { start: number; end: number } {
  const span = spanAt(text, start, end);
  const word = /^[^\s:,[\]{}]+/.exec(text.slice(span.start));
  return word && word[0].length > span.end - span.start ? { start: span.start, end: span.start + word[0].length } : span;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
