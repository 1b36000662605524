import type ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { FileAnnotations } from '../annotations/model';
import type { Finding } from '../base/finding';
import type { Sector } from '../base/provisions';
import type { Register } from '../register/model';
import type { PurposeCatalogue } from '../register/purposes';
import type { Derived } from './derived';
import type { FileQuery, WorkspaceQuery } from './query';
import type { Current, Reads } from './reads';
import type { AnnotationContext, Report, Rule, SourceContext } from './rule';

/** What a file's context asks of the rule runner: its setup, queries' answers, and findings made of reports. */
export interface FileQuestions {
  readonly setup: { readonly derived: Derived; readonly root: string; readonly registerPath: string };
  ask<T>(file: string, sourceFile: ts.SourceFile, program: ts.Program, query: FileQuery<T>, into: Reads, now: Current): T;
  askWorkspace<T>(query: WorkspaceQuery<T>, into: Reads): T;
  toFinding(rule: Rule, file: string, report: Report): Finding;
}

export interface FileState {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly program: ts.Program;
  readonly reads: Reads;
  readonly now: Current;
  readonly findings: Finding[];
}

/** What a file with annotations and no code has: a Prisma schema. */
export interface AnnotatedState {
  readonly file: string;
  readonly text: string;
  readonly reads: Reads;
  readonly now: Current;
  readonly findings: Finding[];
}

/**
 * What a file's rules that read annotations only are given: a Prisma schema's, and the base of a TypeScript
 * file's (below). One object for all of them (a file's rules run one at a time), whose reports go to the
 * rule that runs. Reading the register through it is recorded.
 */
export class AnnotationFileContext implements AnnotationContext {
  rule: Rule | undefined;
  readonly file: string;
  readonly text: string;
  readonly root: string;
  readonly registerPath: string;
  readonly annotations: FileAnnotations;
  readonly catalogue: Catalogue;

  constructor(
    private readonly runner: Pick<FileQuestions, 'askWorkspace' | 'toFinding'>,
    private readonly state: AnnotatedState,
    private readonly setup: FileQuestions['setup'],
  ) {
    this.file = state.file;
    this.text = state.text;
    this.root = setup.root;
    this.registerPath = setup.registerPath;
    this.annotations = setup.derived.annotationsOf(state.file);
    this.catalogue = setup.derived.catalogue();
  }

  get register(): Register | undefined {
    this.state.reads.register = this.setup.derived.registerVersion();
    return this.setup.derived.register();
  }

  get purposes(): PurposeCatalogue | undefined {
    this.state.reads.register = this.setup.derived.registerVersion();
    return this.setup.derived.purposes();
  }

  get sector(): Sector | undefined {
    const sector = this.setup.derived.register()?.sector?.value;
    this.state.reads.sector ??= sector ?? '';
    return sector;
  }

  workspaceQuery<T>(query: WorkspaceQuery<T>): T {
    return this.runner.askWorkspace(query, this.state.reads);
  }

  report(report: Report): void {
    this.state.findings.push(this.runner.toFinding(this.rule!, this.file, report));
  }
}

/** A TypeScript file's context: the annotations' and the answers of queries about its code. */
export class FileContext extends AnnotationFileContext implements SourceContext {
  constructor(
    private readonly questions: FileQuestions,
    private readonly source: FileState,
  ) {
    super(questions, { ...source, text: source.sourceFile.text }, questions.setup);
  }

  query<T>(query: FileQuery<T>): T {
    const { file, sourceFile, program, reads, now } = this.source;
    return this.questions.ask(file, sourceFile, program, query, reads, now);
  }
}
