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
export const knownTags = [...fieldTags, 'parentalConsent', 'consent', 'purpose', 'piFile', 'minimumAge', 'basis'] as const;
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
};

/** Purpose ids: a letter, then letters, digits, `-`, `_` or `.`. */
export const purposeIdPattern = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** A cheap look at the raw text: a file without any of these has no annotation worth a syntax walk. */
export const annotationPrefilter =
  /@(?:personal|specialCare|facial|myNumber|birthDate|age|parentalConsent|consent|purpose|piFile|minimumAge|basis)\b/;
