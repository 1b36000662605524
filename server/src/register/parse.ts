import { isMap, isScalar, isSeq, isAlias, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { closest } from '../engine/spelling';
import { readEntries } from './entries';
import type { FileEntry, Located, PurposeEntry, Register, RegisterProblem, UnknownKey, WordList } from './model';
import { isPlaceholder, purposeKeys, topLevelKeys } from './model';
import { firstLineOf, keyOf, mapAliases, pairOf, rangeOf, spanAt, type AliasMap } from './nodes';

export type { FileEntry, PurposeEntry, Register, RegisterProblem } from './model';
export { pairOf, rangeOf } from './nodes';

/** Reads the register: never throws, whatever the text; every problem is reported with its place. */
export function parseRegister(text: string): Register {
  let document: Document.Parsed;
  try {
    // Aliases are never expanded here: each node is visited once, and an alias is followed one step.
    document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    // The parser recurses on nesting; a hostile depth ends here rather than in the caller.
    const message = error instanceof RangeError ? 'it is nested too deeply to be read' : `it could not be read (${String(error)})`;
    return { document: parseDocument(''), problems: [{ span: { start: 0, end: 0 }, message: `The register is not valid YAML: ${message}.` }], unknownKeys: [], broken: true, entriesKnown: false };
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
  return new Reader(document, text, aliases, problems).read();
}

/** Walks the register's shape with a fixed depth; the reading helpers the entry reader shares. */
export class Reader {
  readonly unknownKeys: UnknownKey[] = [];

  constructor(
    readonly document: Document.Parsed,
    readonly text: string,
    private readonly aliases: AliasMap,
    readonly problems: RegisterProblem[],
  ) {}

  read(): Register {
    const { document, problems, unknownKeys, text } = this;
    const root = this.resolve(document.contents);
    if (!isMap(root)) {
      const span = document.contents ? rangeOf(document.contents, text) : { start: 0, end: 0 };
      problems.push({ span, message: 'The register must be a mapping with `organization`, `purposes` and `files`.' });
      return { document, problems, unknownKeys, broken: false, entriesKnown: false };
    }
    this.warnUnknownKeys(root, topLevelKeys);
    const organizationPair = pairOf(root.items, 'organization');
    const organization = this.text_(organizationPair, '`organization` must be the name of the administrative organ (APPI Art. 74(1)(ii)).');
    const organizationMissing = this.isEmpty(organizationPair) || (organization !== undefined && isPlaceholder(organization.value));
    const purposesPair = pairOf(root.items, 'purposes');
    const purposes = purposesPair ? this.readPurposes(purposesPair) : undefined;
    const filesPair = pairOf(root.items, 'files');
    const filesNode = filesPair && this.resolve(filesPair.value);
    let files: FileEntry[] | undefined;
    let entriesKnown = true;
    if (filesPair && !this.isEmpty(filesPair)) {
      if (isSeq(filesNode)) files = readEntries(this, filesNode.items);
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
      ...(organizationMissing && { organizationMissing: firstLineOf(rangeOf(organizationPair?.key ?? root.items[0]?.key ?? root, text), text) }),
      ...(purposes && { purposes }),
      ...(files && { files }),
      ...(isSeq(filesNode) && { filesNode }),
    };
  }

  /** An alias stands for its anchor's node: followed one step, never expanded. */
  resolve(node: unknown): unknown {
    return isAlias(node) ? this.aliases.targets.get(node) : node;
  }

  isEmpty(pair: Pair | undefined): boolean {
    const value = this.resolve(pair?.value);
    return value === undefined || value === null || (isScalar(value) && (value.value === null || value.value === ''));
  }

  /** A text item; undefined (and a problem) when it is not text, undefined (silently) when it is absent or empty. */
  text_(pair: Pair | undefined, message: string): Located<string> | undefined {
    if (!pair || this.isEmpty(pair)) return undefined;
    const value = this.resolve(pair.value);
    const span = rangeOf(pair.value, this.text);
    if (isScalar(value) && typeof value.value === 'string') return { value: value.value, span };
    if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'bigint')) return { value: String(value.value), span };
    this.problems.push({ span, message });
    return undefined;
  }

  boolean(pair: Pair | undefined, message: string): Located<boolean> | undefined {
    if (!pair || this.isEmpty(pair)) return undefined;
    const value = this.resolve(pair.value);
    const span = rangeOf(pair.value, this.text);
    if (isScalar(value) && typeof value.value === 'boolean') return { value: value.value, span };
    this.problems.push({ span, message });
    return undefined;
  }

  /** A list of words; a single word where a list belongs is a problem, as is an item that is not a word. */
  words(pair: Pair | undefined, message: string): WordList | undefined {
    if (!pair || this.isEmpty(pair)) return undefined;
    const node = this.resolve(pair.value);
    const span = rangeOf(pair.value, this.text);
    if (!isSeq(node)) {
      this.problems.push({ span, message });
      return undefined;
    }
    const items: Located<string>[] = [];
    for (const item of node.items) {
      const value = this.resolve(item);
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) items.push({ value: String(value.value), span: rangeOf(item, this.text) });
      else this.problems.push({ span: rangeOf(item, this.text), message });
    }
    return { items, span, node, viaAlias: isAlias(pair.value) };
  }

  warnUnknownKeys(map: YAMLMap, known: readonly string[]): void {
    for (const pair of map.items) {
      const key = keyOf(pair);
      if (key === undefined) {
        this.problems.push({ span: rangeOf(pair.key, this.text), message: 'Keys of the register are words, such as `name`.' });
        continue;
      }
      if (known.includes(key)) continue;
      const suggestion = key.length <= 64 ? closest(key, known) : undefined;
      this.unknownKeys.push({ key, span: rangeOf(pair.key, this.text), ...(suggestion && { suggestion }) });
    }
  }

  private readPurposes(pair: Pair): PurposeEntry[] | undefined {
    const list = this.resolve(pair.value);
    if (!isSeq(list)) {
      this.problems.push({ span: rangeOf(pair.value ?? pair.key, this.text), message: '`purposes` must be a list of `{ id, description, related }` entries.' });
      return undefined;
    }
    const entries: PurposeEntry[] = [];
    for (const item of list.items) {
      const entry = this.resolve(item);
      const id = isMap(entry) ? this.resolve(pairOf(entry.items, 'id')?.value) : undefined;
      if (!isMap(entry) || !isScalar(id) || typeof id.value !== 'string' || id.value === '') {
        this.problems.push({ span: rangeOf(item, this.text), message: 'Each purpose needs an `id` (a word such as `treatment`).' });
        continue;
      }
      if (!isAlias(item)) this.warnUnknownKeys(entry, purposeKeys);
      const description = this.resolve(pairOf(entry.items, 'description')?.value);
      const related = this.words(pairOf(entry.items, 'related'), '`related` must be a list of purpose ids, such as `[treatment]`.');
      entries.push({
        id: id.value,
        span: rangeOf(id, this.text),
        related: related?.items.map((r) => r.value) ?? [],
        ...(isScalar(description) && typeof description.value === 'string' && { description: description.value }),
      });
    }
    return entries;
  }
}

/** YAML errors point at a character; underline the word there, so the squiggle can be seen. */
function wordAt(text: string, start: number, end: number): { start: number; end: number } {
  const span = spanAt(text, start, end);
  const word = /^[^\s:,\[\]{}]+/.exec(text.slice(span.start));
  return word && word[0].length > span.end - span.start ? { start: span.start, end: span.start + word[0].length } : span;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
