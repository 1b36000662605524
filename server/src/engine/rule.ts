import type ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { FileAnnotations } from '../annotations/model';
import type { Finding, Fix, Severity, Span } from '../base/finding';
import type { Sector } from '../base/provisions';
import type { Register } from '../register/model';
import type { PurposeCatalogue } from '../register/purposes';
import type { FileQuery, WorkspaceQuery } from './query';
import type { AppliedSuppression } from './suppressions';

/**
 * The contract between the engine and its rules. A rule is data plus functions: `meta`, the `check*`
 * functions that report, and `fixes`, which turns a finding back into edits on demand. What several rules
 * need is a query (`query.ts`), asked through the context; the engine runs, caches and invalidates it.
 */
export interface Rule {
  readonly meta: RuleMeta;
  /**
   * Reads a file's annotations only (no code): runs for TypeScript files, and for Prisma schemas, whose
   * models are annotated in `///` comments.
   */
  checkAnnotations?(context: AnnotationContext): void;
  /** Reads a TypeScript file's code too, through queries. */
  checkSource?(context: SourceContext): void;
  checkRegister?(context: RegisterContext): void;
  /** The register exists but cannot be read (not a regular file, too large). */
  checkUnreadableRegister?(context: UnreadableRegisterContext): void;
  /** After the file's other rules, with the suppression comments and what each of them suppressed. */
  checkSuppressions?(context: SuppressionContext): void;
  fixes?(finding: Finding, context: FixContext): Fix[];
}

/** What a rule is, as data: the registry, the docs, the reporters' rule tables and the meta-test read it. */
export interface RuleMeta {
  readonly id: string;
  /** One sentence, for rule tables and SARIF. */
  readonly description: string;
  /** `off`: the rule runs only when a setting turns it on. */
  readonly defaultSeverity: Severity | 'off';
  /** The provisions the rule's findings cite. */
  readonly provision?: string;
  readonly fixable: boolean;
}

export interface RelatedSpan {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
  /** The way a use was reached, from the call in the context to the use: one location a step. */
  readonly path?: readonly RelatedSpan[];
  /** Plain data the rule's `fixes` reads back; present when the finding has fixes. */
  readonly data?: unknown;
}

/** Where the workspace is, and where its register is (or would be). */
export interface WorkspacePlaces {
  /** The workspace folder: what `schema: path#Type` in the register is relative to. */
  readonly root: string;
  readonly registerPath: string;
}

interface ReportContext extends WorkspacePlaces {
  readonly file: string;
  report(report: Report): void;
}

/**
 * A source file's rules read its own annotations, the answers of queries, and the catalogue for what those
 * name (a field's schema and purposes). Reading the register, or what the whole workspace declares, goes
 * through `register`, `purposes` and `workspaceQuery`, which the engine records: a file whose rules never
 * read the register keeps its findings across register edits.
 */
export interface AnnotationContext extends ReportContext {
  readonly text: string;
  /** The register's `sector`, which decides the articles a message cites (reading it reads the register). */
  readonly sector: Sector | undefined;
  readonly annotations: FileAnnotations;
  readonly catalogue: Catalogue;
  /** The register as read; undefined when there is none. */
  readonly register: Register | undefined;
  readonly purposes: PurposeCatalogue | undefined;
  workspaceQuery<T>(query: WorkspaceQuery<T>): T;
}

/** A TypeScript file's context: its annotations, and queries about its code. */
export interface SourceContext extends AnnotationContext {
  query<T>(query: FileQuery<T>): T;
}

/** The register's rules read it and every annotation of the workspace. */
export interface RegisterContext extends ReportContext {
  readonly text: string;
  readonly register: Register;
  readonly sector: Sector | undefined;
  readonly catalogue: Catalogue;
  readonly purposes: PurposeCatalogue | undefined;
  workspaceQuery<T>(query: WorkspaceQuery<T>): T;
}

export interface UnreadableRegisterContext extends ReportContext {
  /** Why it was not read, as a clause: `it is not a regular file`. */
  readonly reason: string;
}

export interface SuppressionContext extends ReportContext {
  readonly text: string;
  /** Each suppression comment of the file, with what it suppressed. */
  readonly suppressions: readonly AppliedSuppression[];
  /** The ids of every rule, for comments that name one that does not exist. */
  readonly ruleIds: readonly string[];
}

export interface FixContext extends WorkspacePlaces {
  readonly catalogue: Catalogue;
  readonly purposes: PurposeCatalogue | undefined;
  /** Current text of any file, to compute edits against. */
  text(file: string): string | undefined;
  /** A source file's current syntax tree and program, for fixes planned against the code. */
  source(file: string): { readonly sourceFile: ts.SourceFile; readonly program: ts.Program } | undefined;
}

export const docsUrl = (id: string): string => `https://github.com/appi-guard/appi-guard/blob/main/docs/rules/${id}.md`;
