import { isScalar, type Pair, visit } from 'yaml';
import type { Span } from '../../base/finding';
import { type Sector, sectors } from '../../base/provisions';
import { type MyNumberAffair, myNumberAffairs, type Register } from '../../register/model';
import type { Completion } from './completions';

/**
 * The register's keys that take one word of a fixed list — `sector`, a purpose's `myNumberAffair` — in the
 * editor: the words completed after the key, and what the key and each word mean on hover.
 */
type WordKey = 'sector' | 'myNumberAffair';

const meanings: Readonly<Record<Sector | MyNumberAffair, string>> = {
  'administrative-organ':
    'an administrative organ: a national organ, a local government or an incorporated administrative agency (APPI Chapter V, Art. 60–). Findings cite its articles, with the article of Act No. 58 of 2003 each replaced; `special-care-consent` does not apply (Art. 20(2) binds businesses)',
  business: 'a business handling personal information (APPI Chapter IV, Art. 16–). Findings cite its articles',
  'social-security': 'social security: pensions, employment insurance, medical insurance, welfare (My Number Act Art. 9, Appended Table)',
  taxation: 'taxation: tax returns and withholding slips (My Number Act Art. 9, Appended Table)',
  'disaster-response': 'disaster response: relief and the register of those needing help in a disaster (My Number Act Art. 9)',
};

const keyMeanings: Readonly<Record<WordKey, string>> = {
  sector:
    '**`sector`** — whose code this is, which decides the articles findings cite: `administrative-organ` (APPI Chapter V) or `business` (Chapter IV). Without it, findings cite both.',
  myNumberAffair:
    '**`myNumberAffair`** — this purpose is one of the affairs the My Number Act allows Individual Numbers to be used for (Art. 9): `social-security`, `taxation` or `disaster-response`. A `@myNumber` field may be declared for, and used in, such purposes only; consent does not widen them.',
};

interface WordPlace {
  readonly key: WordKey;
  readonly keySpan: Span;
  /** The value written, or an empty span after the colon. */
  readonly valueSpan: Span;
  readonly value: string;
}

function wordPlaceAt(register: Register, offset: number): WordPlace | undefined {
  let found: WordPlace | undefined;
  visit(register.document, {
    Pair(_, pair: Pair) {
      if (!isScalar(pair.key) || (pair.key.value !== 'sector' && pair.key.value !== 'myNumberAffair') || !pair.key.range) return;
      const keySpan = { start: pair.key.range[0], end: pair.key.range[1] };
      const value = isScalar(pair.value) && pair.value.range ? pair.value : undefined;
      const written = value && value.value !== null ? String(value.value) : '';
      const valueSpan = value?.range && written !== '' ? { start: value.range[0], end: value.range[1] } : { start: offset, end: offset };
      const end = Math.max(valueSpan.end, keySpan.end + 1);
      if (offset >= keySpan.start && offset <= end) found = { key: pair.key.value, keySpan, valueSpan, value: written };
    },
  });
  return found;
}

/** The words of `sector` or `myNumberAffair` after its colon; undefined elsewhere. */
export function registerCompletionsAt(register: Register, offset: number): Completion[] | undefined {
  const place = wordPlaceAt(register, offset);
  if (!place || offset <= place.keySpan.end) return undefined;
  const words = place.key === 'sector' ? sectors : myNumberAffairs;
  return words.map((word) => ({ label: word, kind: 'word', detail: meanings[word], replace: place.valueSpan }));
}

/** What `sector` or `myNumberAffair`, or the word it holds, means. */
export function registerHoverAt(register: Register, offset: number): { span: Span; markdown: string } | undefined {
  const place = wordPlaceAt(register, offset);
  if (!place) return undefined;
  const onValue = place.value !== '' && offset >= place.valueSpan.start && offset <= place.valueSpan.end;
  const meaning = onValue ? meanings[place.value as Sector | MyNumberAffair] : undefined;
  if (onValue && meaning) return { span: place.valueSpan, markdown: `**\`${place.value}\`** — ${meaning}.` };
  return offset <= place.keySpan.end ? { span: place.keySpan, markdown: keyMeanings[place.key] } : undefined;
}
