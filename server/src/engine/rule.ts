import type { Catalogue } from '../annotations/catalogue';
import type { FileAnnotations } from '../annotations/model';
import type { Span } from '../base/finding';
import type { Finding, Fix, Severity } from '../base/finding';
import type { Collection } from './queries/collections';
import type { Use } from './queries/uses';
import type { PurposeEntry, Register } from '../register/model';

/** What a rule is, as data: the registry, the docs, the reporters' rule tables and the meta-test read it. */
export interface RuleMeta {
  readonly id: string;
  /** One sentence, for rule tables and SARIF. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** The provisions the rule's findings cite. */
  readonly provision?: string;
  readonly fixable: boolean;
}

/** The register's purpose catalogue; absent when there is no register or it has no `purposes:`. */
export interface PurposeCatalogue {
  readonly file: string;
  /** The register's path relative to the workspace root, for messages. */
  readonly name: string;
  readonly entries: ReadonlyMap<string, PurposeEntry>;
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
  /** Plain data the rule's `fixes` reads back; present when the finding has fixes. */
  readonly data?: unknown;
}

/** Where the workspace is, and where its register is (or would be). */
export interface WorkspacePlaces {
  /** The workspace folder: what `schema: path#Type` in the register is relative to. */
  readonly root: string;
  readonly registerPath: string;
}

interface CheckContext extends WorkspacePlaces {
  readonly file: string;
  readonly text: string;
  readonly catalogue: Catalogue;
  readonly purposes: PurposeCatalogue | undefined;
  report(report: Report): void;
}

export interface SourceContext extends CheckContext {
  readonly annotations: FileAnnotations;
  /** The register as read; undefined when there is none. */
  readonly register: Register | undefined;
  /** The file's uses of tagged fields, from the one shared walk (computed on first call). */
  uses(): readonly Use[];
  /** The file's collections of facial data, each with its guard verdict (computed on first call). */
  collections(): readonly Collection[];
}

export interface RegisterContext extends CheckContext {
  readonly register: Register;
}

export interface FixContext extends WorkspacePlaces {
  readonly catalogue: Catalogue;
  readonly purposes: PurposeCatalogue | undefined;
  /** Current text of any file, to compute edits against. */
  text(file: string): string | undefined;
}

/** A rule: data plus functions. `check*` report; `fixes` turns a finding back into edits, on demand. */
export interface Rule {
  readonly meta: RuleMeta;
  checkSource?(context: SourceContext): void;
  checkRegister?(context: RegisterContext): void;
  fixes?(finding: Finding, context: FixContext): Fix[];
}

export const docsUrl = (id: string): string => `https://github.com/appi-guard/appi-guard/blob/main/docs/rules/${id}.md`;
