import type ts from 'typescript';
import { basisIds, type KnownTag, knownTags, specialCareCategories } from '../../annotations/vocabulary';
import type { Span } from '../../base/finding';
import { commentAt } from './node-at';

export type CompletionKind = 'tag' | 'purpose' | 'category' | 'basis' | 'file' | 'word';

/** One word to offer: plain data, turned into the face's completion items. */
export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** What the completion replaces: the partial word under the cursor. */
  readonly replace: Span;
}

/** The workspace's words a JSDoc tag can take. */
export interface Vocabulary {
  /** The register's purpose catalogue, else every purpose id the code uses. */
  readonly purposes: readonly { readonly id: string; readonly description?: string }[];
  /** Names of the register's Personal Information Files. */
  readonly files: readonly string[];
}

/** What each tag means, for the completion list (docs/annotations.md, "Tags"). */
const tagDetails: Record<KnownTag, string> = {
  personal: 'field: personal information (APPI Art. 2(1)); optionally what kind, e.g. `@personal name`',
  specialCare: 'field: special care-required personal information (APPI Art. 2(3)) of a category',
  facial: 'field: facial feature data (APPI Art. 2(2))',
  myNumber: 'field: an Individual Number (My Number Act)',
  birthDate: 'field: a birth date, which tells whether someone may be under 16',
  age: 'field: an age; function: returns one (comparing it with 16 is an age check)',
  parentalConsent: 'field or function: records or checks the consent of a parent or legal representative',
  consent: "field or function: records or checks the individual's own consent (to acquiring special care-required data, APPI Art. 20(2))",
  purpose: 'schema, field or code: the purposes of use declared, or served',
  piFile: 'schema: the Personal Information File its records are kept in',
  minimumAge: 'schema: every individual described is at least this old',
  basis: 'code: the legal ground for using data beyond its declared purpose',
  notPersonal: 'field: not personal information, whatever its name suggests; optionally why',
};

/**
 * Completions inside a JSDoc block: tag names after `@`, and the words a tag takes after it — purpose ids,
 * special-care categories, legal bases, file names. Undefined outside JSDoc, so other providers answer.
 */
export function completionsAt(sourceFile: ts.SourceFile, offset: number, vocabulary: Vocabulary): Completion[] | undefined {
  const comment = commentAt(sourceFile, offset);
  const text = sourceFile.text;
  if (!comment || !text.startsWith('/**', comment.pos)) return undefined;
  const lineStart = Math.max(comment.pos + 3, text.lastIndexOf('\n', offset - 1) + 1);
  return completionsAfter(text, lineStart, offset, vocabulary);
}

/** The same in a Prisma schema's `///` doc comments; undefined on any other line. */
export function completionsInPrismaSchema(text: string, offset: number, vocabulary: Vocabulary): Completion[] | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const doc = /^[ \t]*\/\/\//.exec(text.slice(lineStart, offset));
  return doc ? completionsAfter(text, lineStart + doc[0].length, offset, vocabulary) : undefined;
}

/** What to offer at `offset`, from what the comment's line holds between `lineStart` and it. */
function completionsAfter(text: string, lineStart: number, offset: number, vocabulary: Vocabulary): Completion[] {
  const before = text.slice(lineStart, offset);
  const wordEnd = offset + /^[\w.-]*/.exec(text.slice(offset))![0].length;
  const tagName = /@(\w*)$/.exec(before);
  if (tagName) {
    const replace = { start: offset - tagName[1]!.length, end: wordEnd };
    return knownTags.map((tag) => ({ label: tag, kind: 'tag', detail: tagDetails[tag], replace }));
  }
  const argument = /@(\w+)((?:[ \t]+[^\s@]+)*)[ \t]+([\w.-]*)$/.exec(before);
  if (!argument) return [];
  const [, tag, written, partial] = argument as unknown as [string, string, string, string];
  const earlier = written.trim().split(/\s+/).filter(Boolean);
  const replace = { start: offset - partial.length, end: wordEnd };
  const words = (kind: CompletionKind, list: readonly { id: string; description?: string }[]): Completion[] =>
    list
      .filter((word) => !earlier.includes(word.id))
      .map((word) => ({ label: word.id, kind, ...(word.description && { detail: word.description }), replace }));
  switch (tag) {
    case 'purpose':
      return words('purpose', vocabulary.purposes);
    case 'specialCare':
      return earlier.length === 0
        ? words(
            'category',
            specialCareCategories.map((id) => ({ id })),
          )
        : [];
    case 'basis':
      return earlier.length === 0
        ? words(
            'basis',
            basisIds.map((id) => ({ id })),
          )
        : [];
    case 'piFile':
      return earlier.length === 0
        ? vocabulary.files.map((name) => ({ label: /\s/.test(name) ? `"${name}"` : name, kind: 'file', replace }))
        : [];
    default:
      return [];
  }
}
