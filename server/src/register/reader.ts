import { type Document, isAlias, isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { closest } from '../base/spelling';
import type { Located, PurposeEntry, RegisterProblem, UnknownKey, WordList } from './model';
import { myNumberAffairs, purposeKeys } from './model';
import { type AliasMap, keyOf, pairOf, rangeOf } from './nodes';

/** The reading helpers of the register's shape, with a fixed depth: the top level's and the entries' readers share them. */
export class Reader {
  readonly unknownKeys: UnknownKey[] = [];

  constructor(
    readonly document: Document.Parsed,
    readonly text: string,
    private readonly aliases: AliasMap,
    readonly problems: RegisterProblem[],
  ) {}

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
    if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'bigint'))
      return { value: String(value.value), span };
    this.problems.push({ span, message });
    return undefined;
  }

  /** A word out of a fixed list (`sector`, `myNumberAffair`); any other value is a problem, with the closest word. */
  oneOf<T extends string>(pair: Pair | undefined, words: readonly T[], message: string): Located<T> | undefined {
    const text = this.text_(pair, message);
    if (!text) return undefined;
    if ((words as readonly string[]).includes(text.value)) return text as Located<T>;
    const near = closest(text.value, words);
    this.problems.push({ span: text.span, message: near ? `${message} Did you mean \`${near}\`?` : message });
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
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number'))
        items.push({ value: String(value.value), span: rangeOf(item, this.text) });
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

  readPurposes(pair: Pair): PurposeEntry[] | undefined {
    const list = this.resolve(pair.value);
    if (!isSeq(list)) {
      this.problems.push({
        span: rangeOf(pair.value ?? pair.key, this.text),
        message: '`purposes` must be a list of `{ id, description, related }` entries.',
      });
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
      const myNumberAffair = this.oneOf(
        pairOf(entry.items, 'myNumberAffair'),
        myNumberAffairs,
        '`myNumberAffair` must be one of the affairs the My Number Act lists: `social-security`, `taxation` or `disaster-response`.',
      );
      entries.push({
        id: id.value,
        span: rangeOf(id, this.text),
        related: related?.items.map((r) => r.value) ?? [],
        ...(myNumberAffair && { myNumberAffair }),
        ...(isScalar(description) && typeof description.value === 'string' && { description: description.value }),
      });
    }
    return entries;
  }
}
