import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../base/finding';
import type { Sector } from '../base/provisions';

/**
 * The register (README, "The register") as read: plain values with the place of each, and the YAML nodes they came from,
 * so that edits can be computed against the source text without re-serialising anything.
 */

/** A value and where it is written: for a value reached through an alias, where the alias is. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** A list of words (`[treatment, billing]` or a block sequence), with its node for edits. */
export interface WordList {
  readonly items: readonly Located<string>[];
  readonly span: Span;
  readonly node: YAMLSeq;
  /** True when the list is written through an alias (`*common`): edits replace the alias, not its anchor. */
  readonly viaAlias: boolean;
}

/** One purpose of the catalogue (README, "The register": `purposes:`). */
export interface PurposeEntry {
  readonly id: string;
  readonly description?: string;
  /** Purposes the organisation holds reasonably related to this one (APPI Art. 17(2), 61(3)). */
  readonly related: readonly string[];
  /** The My Number affair this purpose is (My Number Act Art. 9), when it is one. */
  readonly myNumberAffair?: Located<MyNumberAffair>;
  /** The id's value in the YAML. */
  readonly span: Span;
}

/** One entry of `files:` (APPI Art. 74(1)). Items that are absent, or not of their type, are undefined. */
export interface FileEntry {
  readonly index: number;
  readonly node: YAMLMap;
  /** Where the entry's findings go: its `name`'s value, else the entry's first line. */
  readonly anchor: Span;
  readonly name?: Located<string>;
  readonly schema?: Located<string>;
  readonly purposes?: WordList;
  readonly recordedMatters?: WordList;
  readonly specialCare?: Located<boolean>;
  /** `none` when not written. */
  readonly exemption: string;
  /** An `exemption` that is not one of the Art. 74(2) ids. */
  readonly unknownExemption?: Located<string>;
  /** Required items that are absent, empty, or still a `TODO` placeholder, in the order of `requiredItems`. */
  readonly missing: readonly string[];
}

/** A key the register format does not know: allowed, and warned about (`register-unknown-key`). */
export interface UnknownKey {
  readonly key: string;
  readonly span: Span;
  /** The known key it is closest to, when it looks like a misspelling. */
  readonly suggestion?: string;
}

export interface RegisterProblem {
  readonly span: Span;
  readonly message: string;
}

/**
 * Reading never fails: broken YAML is data too. The YAML document is kept, so that edits can go back into
 * its text without losing comments, order or formatting.
 */
export interface Register {
  readonly document: Document.Parsed;
  readonly organization?: Located<string>;
  /** Chapter V or Chapter IV of APPI: which articles findings cite, and whether `special-care-consent` applies. */
  readonly sector?: Located<Sector>;
  /** Set when the register is a mapping without `organization` (or with an empty one): where to say so. */
  readonly organizationMissing?: Span;
  /** Undefined when the register has no `purposes:`, which leaves purpose ids unchecked. */
  readonly purposes?: readonly PurposeEntry[];
  /** Undefined when there is no `files:` list (or it is not a list). */
  readonly files?: readonly FileEntry[];
  /** The `files:` list itself, when it is one: where new entries go. */
  readonly filesNode?: YAMLSeq;
  /** Problems of YAML syntax and of shape: `register-invalid`. */
  readonly problems: readonly RegisterProblem[];
  readonly unknownKeys: readonly UnknownKey[];
  /** True when YAML errors make the content unreliable, so nothing is checked against it. */
  readonly broken: boolean;
  /**
   * True when the register's list of files can be trusted, so that a file of the code missing from it is
   * really missing: the register is a mapping whose `files` is a list, empty, or not there at all.
   */
  readonly entriesKnown: boolean;
}

/** The Art. 74(2) exemptions, by their ids in the register. */
export const exemptions = [
  'national-security',
  'criminal-investigation',
  'personnel',
  'experimental',
  'within-notified-file',
  'deleted-within-one-year',
  'mailing',
  'academic-research',
  'fewer-than-threshold',
] as const;

/** Every item of an entry, in the order the README's example lists (and the fixes write) them. */
export const entryKeys = [
  'name',
  'schema',
  'section',
  'purposes',
  'recordedMatters',
  'specialCare',
  'scope',
  'collectionMethod',
  'recipients',
  'requestOffice',
  'exemption',
] as const;

/** Required in an entry without exemption; an exempt entry needs only `name`, `purposes` and `exemption`. */
export const requiredItems = [
  'name',
  'section',
  'purposes',
  'recordedMatters',
  'scope',
  'collectionMethod',
  'specialCare',
  'recipients',
  'requestOffice',
] as const;
export const requiredWhenExempt = ['name', 'purposes'] as const;

export const topLevelKeys = ['organization', 'sector', 'purposes', 'files'] as const;
export const purposeKeys = ['id', 'description', 'related', 'myNumberAffair'] as const;

/** The affairs the My Number Act allows Individual Numbers to be used for (Art. 9). */
export const myNumberAffairs = ['social-security', 'taxation', 'disaster-response'] as const;
export type MyNumberAffair = (typeof myNumberAffairs)[number];

/** A value the fixes write for what the code cannot know; it counts as missing until it is replaced. */
const placeholderPrefix = 'TODO';

export function isPlaceholder(value: string): boolean {
  return value.trim().startsWith(placeholderPrefix);
}
