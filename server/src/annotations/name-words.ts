/**
 * Whether a field's name looks like personal information, and the tag it suggests: the matcher over the
 * dictionary in `personal-names.ts`. The aim is low noise: a name matches only when it most likely holds
 * information about an individual. docs/personal-names.md describes the rules below for users.
 */
import { aboutWords, headWords, type PersonalNameEntry, personalNames, personWords, thingWords } from './personal-names';

export interface PersonalNameMatch {
  readonly tag: 'personal' | 'birthDate' | 'age' | 'specialCare' | 'facial' | 'myNumber';
  /** `@personal`'s kind (name, address, contact, identifier) or `@specialCare`'s category. */
  readonly argument?: string;
  /** What matched, as the dictionary has it, for messages. */
  readonly word: string;
}

/** The dictionary word a field's name (or quoted property name) matches, the longest if several do. */
export function personalNameMatch(name: string): PersonalNameMatch | undefined {
  let best: Candidate | undefined;
  // The longest word is the most specific (`emailAddress` over `address`); of two as long, the later, since
  // the last word of an English compound is the one it is about (`guardianPhone` is a phone).
  for (const candidate of [...latinMatches(name), ...japaneseMatches(name)]) {
    if (!best || candidate.word.length >= best.word.length) best = candidate;
  }
  if (!best) return undefined;
  const { tag, argument } = best.entry;
  return argument === undefined ? { tag, word: best.word } : { tag, argument, word: best.word };
}

/**
 * A name's Latin words, in lower case: split at a change of case (`patientFullName`, and an acronym ends
 * before its last capital: `HTTPAddress` is http, address) and at anything not a Latin letter (`_`, `-`,
 * digits, Japanese).
 */
function latinWords(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []).map((word) => word.toLowerCase());
}

interface Candidate {
  readonly entry: PersonalNameEntry;
  readonly word: string;
}

const isJapanese = (entry: PersonalNameEntry) => entry.language === 'japanese';
const heads = new Set(headWords);
const japaneseNameWords = personalNames.filter((entry) => entry.kind === 'name' && isJapanese(entry)).flatMap((entry) => entry.words);

/** Latin words by their letters in lower case: a run of a name's words matches when its letters are the same. */
const latin = new Map(
  personalNames
    .filter((entry) => !isJapanese(entry))
    .flatMap((entry) => entry.words.map((word) => [word.toLowerCase(), { entry, word }] as const)),
);
/** Every Latin word of a name entry (`first`, `name`, `kana`…): the words a head word may follow. */
const latinNameWords = new Set(
  personalNames.filter((entry) => entry.kind === 'name' && !isJapanese(entry)).flatMap((entry) => entry.words.flatMap(latinWords)),
);
const latinPersons = new Set([...personWords.english, ...personWords.romanised]);
const latinThings = new Set([...thingWords.english, ...thingWords.romanised]);
const abouts = new Set(aboutWords);

/**
 * Every run of consecutive words whose letters spell a dictionary word, so `first_name`, `FIRST-NAME`
 * and `firstname` all match `firstName`; and, as fields holding lists are plural, `allergies`, `addresses`.
 */
function latinMatches(name: string): Candidate[] {
  const words = latinWords(name);
  const matches: Candidate[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const found = lookUp(words.slice(start, end).join(''));
      if (found && fits(words, start, end, found.word)) matches.push(found);
    }
  }
  return matches;
}

function lookUp(letters: string): Candidate | undefined {
  const singulars = [letters, letters.replace(/ies$/, 'y'), letters.replace(/es$/, ''), letters.replace(/s$/, '')];
  return singulars.map((singular) => latin.get(singular)).find((found) => found !== undefined);
}

/** Whether the words around a run leave it about an individual. */
function fits(words: readonly string[], start: number, end: number, word: string): boolean {
  if (heads.has(word)) return end === words.length && personLed(words, start);
  return !latinThings.has(words[start - 1] ?? '') && !words.slice(end).some((after) => abouts.has(after));
}

/** Nothing before `start` but a person word, after skipping other words of a name (`patientFirstNameKana`). */
function personLed(words: readonly string[], start: number): boolean {
  let before = start;
  while (before > 0 && latinNameWords.has(words[before - 1]!)) before--;
  return before === 0 || latinPersons.has(words[before - 1]!);
}

const japaneseEntries = personalNames.filter(isJapanese);
const japaneseRun = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu;
const katakana = /[\p{sc=Katakana}ー]/u;
const kanji = /\p{sc=Han}/u;

/**
 * Japanese has no spaces between words, so a Japanese word matches inside a run of Japanese text, with
 * three cares: a katakana word must not run on into more katakana (`カナダ` is not `カナ`, `メールテンプレート` is
 * not `メール`); a one-kanji word (`名`, `姓`) must start the run or follow a person word, and not run on into
 * another kanji (`病名`, `会社名` and `ファイル名` are not names, `名前` is its own word); and the other rules of
 * Latin words (head words, thing words) hold here too.
 */
function japaneseMatches(name: string): Candidate[] {
  const matches: (Candidate & { readonly at: number })[] = [];
  for (const { 0: run, index } of name.matchAll(japaneseRun)) {
    for (const entry of japaneseEntries) {
      for (const word of entry.words) {
        for (let at = run.indexOf(word); at !== -1; at = run.indexOf(word, at + 1)) {
          if (fitsInRun(run, at, word)) matches.push({ entry, word, at: index + at });
        }
      }
    }
  }
  // In the order they stand in the name, for the tie-break above (`携帯電話` is a 電話).
  return matches.sort((a, b) => a.at - b.at);
}

function fitsInRun(run: string, at: number, word: string): boolean {
  const [before, after] = [run.slice(0, at), run.slice(at + word.length)];
  const touches = (pattern: RegExp, char: string | undefined) => char !== undefined && pattern.test(char);
  if (katakana.test(word[0]!) && touches(katakana, before.at(-1))) return false;
  if (katakana.test(word.at(-1)!) && touches(katakana, after[0])) return false;
  if (word.length === 1) return personLedInRun(before) && !touches(kanji, after[0]);
  if (heads.has(word)) return after === '' && personLedInRun(before);
  return !thingWords.japanese.some((thing) => before.endsWith(thing));
}

function personLedInRun(before: string): boolean {
  let rest = before;
  for (let nameWord = endingName(rest); nameWord; nameWord = endingName(rest)) rest = rest.slice(0, -nameWord.length);
  return rest === '' || personWords.japanese.some((person) => rest.endsWith(person));
}

const endingName = (text: string) => japaneseNameWords.find((word) => text.endsWith(word));
