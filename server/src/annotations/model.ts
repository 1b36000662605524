import type { Span } from '../base/finding';

/**
 * The annotation catalogue as plain data: what each JSDoc tag says, with the offsets of what it says, so
 * rules can anchor findings and fixes can edit text without going back to a syntax tree.
 */

/** One argument of a tag, as written (quotes removed) and where. */
export interface Arg {
  readonly text: string;
  readonly span: Span;
}

/** A tag occurrence: `@name` and its arguments. */
export interface Tag {
  readonly name: string;
  /** `@name` itself. */
  readonly span: Span;
  readonly args: readonly Arg[];
  /** The tag's line after its name, trimmed: free text such as `@personal` kinds and `@basis` reasons. */
  readonly rest: string;
  /**
   * The words of the first line after the tag's, when the tag's own line holds nothing after its name and
   * the next line is still the tag's text: an argument written there, which is not read as one.
   */
  readonly nextLine?: readonly Arg[];
}

export type FieldKind =
  | { readonly tag: 'personal'; readonly detail?: string }
  | { readonly tag: 'specialCare'; readonly category: string }
  | { readonly tag: 'facial' | 'myNumber' | 'birthDate' | 'age' };

/** Where a declaration's JSDoc is, or where a new one would go. */
export interface DocAnchor {
  /** The declaration's JSDoc block, when it has one (the last one, which is the one TypeScript reads). */
  readonly block?: Span;
  /** Where a new block goes: the declaration's first token (modifiers and decorators included). */
  readonly insertAt: number;
  /** The declaration line's leading white space, for new lines. */
  readonly indent: string;
  /** `line`: `///` comments (a Prisma schema's), not a JSDoc block. */
  readonly style?: 'line';
}

export interface Field {
  /** `file#offset` of the field's name: the identity the checker's symbols are mapped back to. */
  readonly key: string;
  readonly schemaKey: string;
  readonly file: string;
  readonly name: string;
  /** Where a field nested in the schema's type literals is, from the schema: `person.display`. */
  readonly path?: string;
  readonly nameSpan: Span;
  readonly kinds: readonly FieldKind[];
  /** A field-level `@purpose`, which narrows the schema's. */
  readonly purposes?: Tag;
  readonly parentalConsent: boolean;
  /** `@consent`: it records the individual's own consent (to acquiring special care-required data). */
  readonly consent: boolean;
  readonly doc: DocAnchor;
}

/** What declares a schema: a type, a library's schema held in a variable (a Zod object schema, a Drizzle table), or a Prisma model. */
export type SchemaDeclaration = 'interface' | 'type' | 'class' | 'zod' | 'drizzle' | 'prisma';

export interface Decorator {
  readonly name: string;
  /** The module the decorator is imported from, when it is imported. */
  readonly module?: string;
}

export interface Schema {
  readonly key: string;
  readonly file: string;
  readonly name: string;
  readonly nameSpan: Span;
  readonly declaration: SchemaDeclaration;
  readonly purposes?: Tag;
  readonly piFile?: Arg;
  readonly minimumAge?: { readonly value: number; readonly span: Span };
  /** Tagged fields: personal, special care-required, facial, My Number, birth date, age. */
  readonly fields: readonly Field[];
  /** `@parentalConsent` fields that carry no other tag. */
  readonly consentFields: readonly Field[];
  readonly decorators: readonly Decorator[];
  /** A Drizzle table's name in SQL (`pgTable('patients', …)`), which its register entry is named by by default. */
  readonly tableName?: string;
  /** A Drizzle table's column keys, every one (tagged or not), sorted: what its rows' properties are. */
  readonly columns?: readonly string[];
  readonly doc: DocAnchor;
}

export type ContextKind = 'function' | 'method' | 'class' | 'file';

/** Code that carries `@purpose`, `@basis`, `@parentalConsent`, `@consent` or `@age`. */
export interface CodeContext {
  readonly file: string;
  readonly kind: ContextKind;
  readonly name: string;
  /** The declaration's extent: a use inside it is in this context unless a nearer one holds it. */
  readonly span: Span;
  readonly nameSpan: Span;
  readonly purposes?: Tag;
  readonly basis?: Tag;
  readonly parentalConsent: boolean;
  /** `@consent`: calling it checks (or asserts) the individual's own consent. */
  readonly consent: boolean;
  /** `@age`: it returns the individual's age in whole years. */
  readonly age: boolean;
  readonly doc: DocAnchor;
}

/** An edit that mends an annotation problem; `title` when "Replace with …" would not say what it does. */
export interface Suggestion {
  readonly span: Span;
  readonly text: string;
  readonly title?: string;
}

export interface AnnotationProblem {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
  /** A replacement for the bad argument, when one is close enough to be what was meant. */
  readonly suggestion?: Suggestion;
}

/** Every annotation of one file. Derived from the file's text alone, so it is cached per file version. */
export interface FileAnnotations {
  readonly file: string;
  readonly schemas: readonly Schema[];
  /** Innermost last is not guaranteed; `contextAt` picks the smallest enclosing span. */
  readonly contexts: readonly CodeContext[];
  readonly problems: readonly AnnotationProblem[];
  /**
   * `@parentalConsent` fields of types that are not schemas (no tagged field): a form's consent box still
   * records consent, so guards read it. Their `schemaKey` names a type the catalogue does not hold.
   */
  readonly consentFields: readonly Field[];
}

export const emptyAnnotations = (file: string): FileAnnotations => ({ file, schemas: [], contexts: [], problems: [], consentFields: [] });
