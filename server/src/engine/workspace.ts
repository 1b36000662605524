import ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import { prismaClientOutputs } from '../annotations/prisma';
import { coverageOf, type Unchecked } from '../base/coverage';
import type { Finding, Fix, Notice, Severity, Span } from '../base/finding';
import type { Host } from '../base/host';
import { basename, isInside, isNodeModules, isPrismaSchema, isTypeScriptFile, join } from '../base/paths';
import type { FileResult } from '../base/result';
import { Timings } from '../base/timings';
import { listingFixes } from '../register/listing';
import type { Register } from '../register/model';
import type { PurposeCatalogue } from '../register/purposes';
import { type CancellationToken, CancelledError } from './cancellation';
import { dependencyView, noteOf } from './dependency-view';
import { Derived } from './derived';
import { Documents, type FileChange } from './documents';
import { type Completion, completionsAt, completionsInPrismaSchema } from './editor/completions';
import { definitionsInRegister, definitionsInSource } from './editor/definitions';
import { type HoverInfo, hoverInfo, type Place } from './editor/hover-info';
import { type SchemaLens, schemaLenses } from './editor/lenses';
import { registerCompletionsAt, registerHoverAt } from './editor/register-words';
import { type Fingerprinted, fingerprintFindings } from './fingerprints';
import { Results } from './invalidation';
import { reachedUsesOf } from './queries/reached';
import { usesOf } from './queries/uses';
import type { FileQuery } from './query';
import { type Current, Reads } from './reads';
import type { FixContext, Rule } from './rule';
import { incomplete, RuleRunner } from './rule-runner';
import type { AnalysisSettings } from './settings';
import type { Structure } from './structure';
import { unreachedUses } from './unreached';
import type { AnalyseOptions, AnalysisResult, WorkspaceOptions } from './workspace-options';

export type { FileResult } from '../base/result';
export { type CancellationToken, CancelledError } from './cancellation';
export type { AnalyseOptions, AnalysisResult, WorkspaceOptions } from './workspace-options';

/**
 * The engine's façade: the one API both faces call. Inputs arrive as changes; every question is answered
 * from the current versions of the files, rebuilding only what a change made stale (`Derived` for what
 * is derived from the files, `Results` for each file's findings and query answers).
 */
export class Workspace {
  readonly root: string;
  readonly registerPath: string;
  /** Time by phase and by rule since the workspace was made (or `timings.reset()`). */
  readonly timings: Timings;
  private readonly documents: Documents;
  private readonly derived: Derived;
  private readonly results = new Results();
  private readonly runner: RuleRunner;
  private readonly rules: readonly Rule[];
  private readonly rulesById: ReadonlyMap<string, Rule>;
  private readonly cancellation: { current: { isCancellationRequested(): boolean } | undefined } = { current: undefined };
  private severities: Readonly<Record<string, Severity | 'off'>>;
  private settings: AnalysisSettings;
  private readonly edits: boolean;
  /** Files the projects were built again for (`unknownOnDisk`): once each. */
  private readonly rebuiltFor = new Set<string>();
  private readonly host: Host;

  constructor(options: WorkspaceOptions) {
    this.root = options.root.replace(/\/+$/, '') || '/';
    this.registerPath = options.registerPath ?? join(this.root, 'pi-register.yaml');
    this.severities = options.severities ?? {};
    this.settings = options.settings ?? {};
    this.timings = options.timings ?? new Timings();
    this.documents = new Documents(options.host);
    this.host = options.host;
    this.edits = options.edits ?? false;
    this.rules = options.rules;
    this.rulesById = new Map(options.rules.map((rule) => [rule.meta.id, rule]));
    const { root, registerPath, documents, timings, cancellation } = this;
    this.derived = new Derived({ root, registerPath, host: options.host, documents, timings, shareAlike: !this.edits, cancellation });
    this.runner = new RuleRunner({
      root,
      registerPath,
      rules: this.rules,
      severityOf: (rule) => this.severities[rule.meta.id] ?? rule.meta.defaultSeverity,
      settings: () => this.settings,
      documents,
      derived: this.derived,
      results: this.results,
      timings,
      cancelled: () => cancellation.current?.isCancellationRequested() ?? false,
    });
  }

  /** Tells the engine a file was opened, edited, closed, created, changed or deleted. */
  applyChange(change: FileChange): void {
    this.documents.apply(change);
    const structure = this.derived.builtStructure();
    const structural =
      change.kind === 'create' ||
      this.unknownOnDisk(change, structure) ||
      change.kind === 'delete' ||
      basename(change.file) === 'tsconfig.json' ||
      // Module resolution read it (a package's type, its exports), and its answers are kept while the structure stands.
      basename(change.file) === 'package.json' ||
      (structure?.configFiles.has(change.file) ?? false) ||
      // Where a Prisma schema's client is generated decides which files are generated code.
      (isPrismaSchema(change.file) && !!structure && this.movesPrismaClient(change.file, structure));
    if (structural) {
      this.results.clear();
      this.derived.restructure();
    } else if (structure?.owners.has(change.file)) this.results.changed(change.file);
  }

  /** Whether a Prisma schema's generators now write their clients elsewhere than the structure was built with. */
  private movesPrismaClient(file: string, structure: Structure): boolean {
    const outputs = prismaClientOutputs(file, this.documents.text(file) ?? '');
    return outputs.some((output) => !structure.prismaClients.includes(output));
  }

  /** Whether the projects as built hold the file (true before they are built: nothing to tell yet). */
  holds(file: string): boolean {
    return this.derived.builtStructure()?.owners.has(file) ?? true;
  }

  /**
   * A source file opened or edited that the projects do not hold, though it is on disk: created after they
   * were built, with no word from a file watcher (clients without one). The projects are built again, once
   * for each such file, so that it is analysed as tsserver would (in its project, or the inferred one).
   */
  private unknownOnDisk(change: FileChange, structure: Structure | undefined): boolean {
    if ((change.kind !== 'open' && change.kind !== 'edit') || !structure || structure.owners.has(change.file)) return false;
    if (
      !isTypeScriptFile(change.file) ||
      !isInside(this.root, change.file) ||
      isNodeModules(change.file) ||
      this.rebuiltFor.has(change.file)
    )
      return false;
    if (!this.host.fileExists(change.file)) return false;
    this.rebuiltFor.add(change.file);
    return true;
  }

  setSeverities(severities: Readonly<Record<string, Severity | 'off'>>): void {
    this.severities = severities;
    this.results.clear();
  }

  setSettings(settings: AnalysisSettings): void {
    this.settings = settings;
    this.results.clear();
  }

  /** The files a full analysis covers: every source file of every project, every Prisma schema, and the register if it exists. */
  files(): string[] {
    const structure = this.derived.structure();
    const sources = [...structure.owners.keys(), ...structure.prismaSchemas];
    return this.documents.exists(this.registerPath) ? [...sources, this.registerPath] : sources;
  }

  /** Every file's findings. A face that must stay responsive runs `analyseFile` in slices of its own. */
  async analyseWorkspace(options: AnalyseOptions = {}): Promise<AnalysisResult> {
    const files = this.files();
    const findings: Finding[] = [];
    const notices: Notice[] = [...this.derived.structure().notices];
    const unchecked: Unchecked[] = [...this.uncheckedConfiguration()];
    for (const [done, file] of files.entries()) {
      const result = this.analyseFileSafely(file, options.token);
      findings.push(...result.findings);
      notices.push(...result.notices);
      unchecked.push(...result.unchecked);
      options.onProgress?.(done + 1, files.length);
    }
    unchecked.push(...this.unreachedUses());
    return { files, findings, notices, coverage: coverageOf(unchecked) };
  }

  /**
   * The uses in code that no context reaches, over the whole workspace (`engine/unreached.ts`): from the
   * answers a run kept, so asked after one. Like the configuration's, they belong to no one file's result.
   */
  unreachedUses(): Unchecked[] {
    const now = this.current();
    const answer = <T>(file: string, query: FileQuery<T>): T | undefined => {
      const source = this.derived.sourceOf(file);
      return source && this.runner.ask(file, source.sourceFile, source.program, query, new Reads(this.documents.version(file)), now);
    };
    return unreachedUses({
      files: this.derived.structure().owners.keys(),
      catalogue: this.catalogue(),
      tree: (file) => this.derived.sourceOf(file)?.sourceFile,
      usesOf: (file) => answer(file, usesOf) ?? [],
      reachedOf: (file) => answer(file, reachedUsesOf) ?? { sites: [], entered: [], visited: [] },
      lines: (file) => this.derived.lineIndex(file),
    });
  }

  /**
   * What of the workspace's configuration could not be followed (configs whose `extends` is missing, projects
   * not loaded): the part of its coverage that belongs to no analysed file. A file's own is in its result.
   */
  uncheckedConfiguration(): readonly Unchecked[] {
    return this.derived.structure().unchecked;
  }

  /** Every finding of one file, suppressed ones included (marked). */
  analyseFile(file: string, token?: CancellationToken): FileResult {
    if (token?.isCancellationRequested) throw new CancelledError();
    const now = this.current();
    const cached = this.results.result(file, now);
    if (cached) return cached;
    this.cancellation.current = token && { isCancellationRequested: () => token.isCancellationRequested };
    try {
      const { result, reads } =
        file === this.registerPath
          ? this.runner.analyseRegister()
          : isPrismaSchema(file)
            ? this.runner.analyseSchemaFile(file, now)
            : this.runner.analyseSource(file, now);
      this.results.setResult(file, result, reads);
      if (this.edits && file !== this.registerPath && !isPrismaSchema(file))
        this.results.note(file, reads.version, () => this.timings.measure('notes for edits', () => noteOf(this.derived, file)));
      return result;
    } catch (error) {
      if (error instanceof ts.OperationCanceledException) throw new CancelledError();
      throw error;
    } finally {
      this.cancellation.current = undefined;
    }
  }

  /** A finding's fixes, computed now against the current text. */
  fixes(finding: Finding): Fix[] {
    const rule = this.rulesById.get(finding.ruleId);
    if (!rule?.fixes || !finding.fixable) return [];
    return rule.fixes(finding, this.fixContext());
  }

  /** Lists a schema's file in the register; with no schema, creates the register when there is none. */
  listingFixes(schemaKey?: string): Fix[] {
    return listingFixes(schemaKey, this.fixContext());
  }

  /** The workspace's annotations merged (for hovers, completion, code lenses). */
  catalogue(): Catalogue {
    return this.derived.catalogue();
  }

  register(): Register | undefined {
    return this.derived.register();
  }

  purposeCatalogue(): PurposeCatalogue | undefined {
    return this.derived.purposes();
  }

  /** What a hover on the register's `sector` or a purpose's `myNumberAffair` says. */
  registerHoverAt(file: string, offset: number): { span: Span; markdown: string } | undefined {
    const register = file === this.registerPath ? this.register() : undefined;
    return register && registerHoverAt(register, offset);
  }

  /** What a hover on a tagged field (its declaration or a use) says. */
  hoverAt(file: string, offset: number): HoverInfo | undefined {
    const source = this.derived.sourceOf(file);
    return source && hoverInfo(source.sourceFile, source.program, this.catalogue(), offset, this.places());
  }

  /** From the code to the register and back (see `editor/definitions`). */
  definitionsAt(file: string, offset: number): Place[] {
    if (file === this.registerPath) {
      const register = this.register();
      return register ? definitionsInRegister(register, this.catalogue(), offset, this.places()) : [];
    }
    return this.isAnnotated(file) ? definitionsInSource(this.derived.annotationsOf(file), offset, this.places()) : [];
  }

  /** Completions inside a JSDoc block; undefined outside one. */
  completionsAt(file: string, offset: number): Completion[] | undefined {
    if (file === this.registerPath) {
      const register = this.register();
      return register && registerCompletionsAt(register, offset);
    }
    const source = isPrismaSchema(file) ? undefined : this.derived.sourceOf(file);
    const text = isPrismaSchema(file) ? this.documents.text(file) : undefined;
    if (!source && text === undefined) return undefined;
    const catalogue = this.purposeCatalogue();
    const purposes = catalogue
      ? [...catalogue.entries.values()].map(({ id, description }) => ({ id, ...(description && { description }) }))
      : [...this.catalogue().purposeIds()].sort().map((id) => ({ id }));
    const files = (this.register()?.files ?? []).flatMap((entry) => entry.name?.value ?? []);
    const vocabulary = { purposes, files };
    return source ? completionsAt(source.sourceFile, offset, vocabulary) : completionsInPrismaSchema(text!, offset, vocabulary);
  }

  /** One lens per schema of the file: its purposes and its register status. */
  lenses(file: string): SchemaLens[] {
    return this.isAnnotated(file) ? schemaLenses(this.derived.annotationsOf(file), this.catalogue(), this.places()) : [];
  }

  /** Each finding with its fingerprint (`fingerprints.ts`): what baselines and SARIF's `partialFingerprints` hold. */
  fingerprints(findings: readonly Finding[]): Fingerprinted[] {
    return fingerprintFindings(findings, {
      root: this.root,
      tree: (file) => (isTypeScriptFile(file) ? this.derived.sourceOf(file)?.sourceFile : undefined),
      text: (file) => this.documents.text(file),
    });
  }

  /** The current text of a file (an open buffer, else the disk). */
  text(file: string): string | undefined {
    return this.documents.text(file);
  }

  dispose(): void {
    this.derived.dispose();
  }

  /** One file that cannot be analysed (a bug, not bad input: that is data) must not end the run. */
  private analyseFileSafely(file: string, token: CancellationToken | undefined): FileResult {
    try {
      return this.analyseFile(file, token);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      const reason = `not analysed: ${error instanceof Error ? error.message : String(error)}`;
      return { findings: [], notices: [{ file, message: reason }], unchecked: [incomplete(file, reason)] };
    }
  }

  /** The versions and stamps now; first drops the records that edits since made stale. */
  private current(): Current {
    const stamps = this.derived.annotationStamps();
    this.results.settle(() => dependencyView(this.derived, this.documents));
    return {
      version: (file) => this.documents.version(file),
      register: this.derived.registerVersion(),
      sector: this.derived.register()?.sector?.value ?? '',
      sharedAnnotations: stamps.shared,
      allAnnotations: stamps.all,
      names: stamps.names,
      namesAmong: (words) => this.derived.taggedNamesAmong(words),
    };
  }

  private fixContext(): FixContext {
    return {
      root: this.root,
      registerPath: this.registerPath,
      catalogue: this.catalogue(),
      purposes: this.purposeCatalogue(),
      text: (file) => this.documents.text(file),
      source: (file) => this.derived.sourceOf(file),
    };
  }

  private places() {
    return { root: this.root, registerPath: this.registerPath, register: this.register() };
  }

  /** A file whose annotations the workspace reads: a TypeScript file of a project, or a Prisma schema. */
  private isAnnotated(file: string): boolean {
    const structure = this.derived.structure();
    return structure.owners.has(file) || structure.prismaSchemas.includes(file);
  }
}
