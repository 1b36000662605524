/** The annotation language's words (docs/annotations.md, "Tags"), in one place for the parser, completion and docs. */

const fieldTags = ['personal', 'specialCare', 'facial', 'myNumber', 'birthDate', 'age'] as const;

export const specialCareCategories = [
  'race',
  'creed',
  'social-status',
  'medical-history',
  'criminal-record',
  'crime-victim',
  'disability',
  'checkup-result',
  'treatment',
  'criminal-procedure',
  'juvenile-procedure',
] as const;

export const basisIds = ['consent', 'law', 'vital-interest', 'public-health', 'statistics', 'academic-research', 'public-agency'] as const;

/** Every tag the engine reads; any other tag is left alone. */
export const knownTags = [...fieldTags, 'parentalConsent', 'consent', 'purpose', 'piFile', 'minimumAge', 'basis', 'notPersonal'] as const;
export type KnownTag = (typeof knownTags)[number];

export function isKnownTag(name: string): name is KnownTag {
  return (knownTags as readonly string[]).includes(name);
}

/** Where each tag may stand. `@purpose` and `@parentalConsent` mean something everywhere. */
export const tagPlaces: Record<KnownTag, readonly ('field' | 'schema' | 'code')[]> = {
  personal: ['field'],
  specialCare: ['field'],
  facial: ['field'],
  myNumber: ['field'],
  birthDate: ['field'],
  // On a function: it returns the individual's age, so comparing its result with 16 is an age check.
  age: ['field', 'code'],
  parentalConsent: ['field', 'code'],
  consent: ['field', 'code'],
  purpose: ['field', 'schema', 'code'],
  piFile: ['schema'],
  minimumAge: ['schema'],
  basis: ['code'],
  // Says a field whose name looks personal is not (`possibly-personal`); its reason is free text.
  notPersonal: ['field'],
};

/** Purpose ids: a letter, then letters, digits, `-`, `_` or `.`. */
export const purposeIdPattern = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * A cheap look at the raw text: a file without any of these has no annotation worth a syntax walk. In any
 * case, so that a misspelt tag (`@specialcare`, `@Personal`) is read, and reported.
 */
export const annotationPrefilter =
  /@(?:personal|specialCare|facial|myNumber|birthDate|age|parentalConsent|consent|purpose|piFile|minimumAge|basis|notPersonal)/i;

/**
 * The standard JSDoc and TSDoc tags: never taken for a misspelling of one of ours (`@see` is two edits from
 * `@age`, `@param` from `@piFile`…).
 */
const documentationTags = new Set(
  (
    'param returns return see type typedef template example deprecated throws exception since author version link linkcode ' +
    'linkplain private public protected readonly override internal remarks defaultValue default packageDocumentation file ' +
    'fileoverview overview module namespace property prop arg argument callback enum async yields yield todo beta alpha ' +
    'experimental privateRemarks inheritDoc inheritdoc label virtual sealed category ignore hidden this class constructor ' +
    'augments extends implements member memberof name kind summary borrows event fires emits listens mixes mixin global ' +
    'inner instance static lends license copyright external host function func method requires variation abstract access ' +
    'constant const description desc exports interface generator tutorial hideconstructor satisfies overload jsx ' +
    'jsxImportSource jsxFrag jsxRuntime typeParam decorator eventProperty preapproved'
  ).split(' '),
);

/**
 * The known tag a tag name misspells: the same in another case (`@specialcare`, `@Personal`), or, for names
 * of six letters or more that are not documentation tags, within two edits (`@purposes`, `@birthdat`).
 */
export function misspeltTag(name: string): KnownTag | undefined {
  if (isKnownTag(name) || documentationTags.has(name)) return undefined;
  const lower = name.toLowerCase();
  const sameCase = knownTags.find((tag) => tag.toLowerCase() === lower);
  if (sameCase) return sameCase;
  if (name.length < 6) return undefined;
  return knownTags.find((tag) => tag.length >= 6 && withinTwoEdits(lower, tag.toLowerCase()));
}

function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]! <= 2;
}
