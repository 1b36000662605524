import ts from 'typescript';
import { Catalogue } from '../annotations/catalogue';
import { extractAnnotations } from '../annotations/extract';
import { emptyAnnotations, type FileAnnotations } from '../annotations/model';
import { isEmpty, sharedPart, walkedPart } from '../annotations/shape';
import { parseRegister, type Register } from '../register/parse';
import { rules, rulesById } from '../rules';
import { listingFixes } from '../rules/unregistered-file';
import type { FixContext, PurposeCatalogue, RelatedSpan, Report, Rule } from './rule';
import { Documents, type FileChange } from './documents';
import type { Finding, Fix, Notice, Severity } from '../base/finding';
import type { Host } from '../base/host';
import { LineIndex } from '../base/lines';
import { basename, join, relative } from '../base/paths';
import { createWorkspaceRegistry, isStandIn } from './registry';
import { buildStructure, type Structure } from './structure';
import { CallSites } from './call-sites';
import { Mentions } from './mentions';
import { collectCollections } from './queries/collections';
import { Guards } from './guards';
import { applySuppressions, findSuppressions } from './suppressions';
import { importsOf } from './imports';
import { ResultCache, type DependencyView, type FileNote, type ResultKey, type Walks } from './result-cache';
import { onlyCommentChanged } from './comment-edit';
import { Timings } from '../base/timings';
import { collectUses } from './queries/uses';
import { completionsAt, type Completion } from './editor/completions';
import { definitionsInRegister, definitionsInSource } from './editor/definitions';
import { hoverInfo, type HoverInfo, type Place } from './editor/hover-info';
import { schemaLenses, type SchemaLens } from './editor/lenses';

export interface WorkspaceOptions {
  /** The workspace folder: absolute, forward slashes. */
  readonly root: string;
  readonly host: Host;
  /** The register's absolute path; `<root>/pi-register.yaml` when not given. */
  readonly registerPath?: string;
  /** Per-rule severity, or `off`; rules not named keep their default. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Where to add the time of each phase; the workspace keeps its own when not given. */
  readonly timings?: Timings;
  /**
   * The files will be edited (an editor's workspace): each file's imports, text and annotation shape are
   * noted as it is analysed, so that an edit re-analyses just the files it can change, and each project
   * keeps a program of its own, as in tsserver, so that an edit updates only its project's. A one-off check
   * does without notes (an edit then drops every kept result), and projects that read code alike share a
   * program.
   */
  readonly edits?: boolean;
}

/** The shape of LSP's and VS Code's cancellation tokens. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface FileResult {
  readonly findings: readonly Finding[];
  readonly notices: readonly Notice[];
}

export interface AnalysisResult extends FileResult {
  /** Every file analysed, the register included. */
  readonly files: readonly string[];
}

export interface AnalyseOptions {
  readonly token?: CancellationToken;
  onProgress?(done: number, total: number): void;
}

/** How long analysis runs before it lets the event loop take a turn (cancellation, requests, progress). */
const sliceMilliseconds = 30;

/**
 * The engine's façade: the one API both faces call. Inputs arrive as changes; every question is answered
 * from the current versions of the files, rebuilding only what a change made stale.
 */
export class Workspace {
  readonly root: string;
  readonly registerPath: string;
  /** Time by phase and by rule since the workspace was made (or `timings.reset()`). */
  readonly timings: Timings;
  private readonly host: Host;
  private readonly documents: Documents;
  private readonly registry = createWorkspaceRegistry();
  private readonly cancellation: { current: { isCancellationRequested(): boolean } | undefined } = { current: undefined };
  private severities: Readonly<Record<string, Severity | 'off'>>;
  private structure: Structure | undefined;
  private readonly annotations = new Map<string, { version: number; value: FileAnnotations; shared: string }>();
  private catalogueCache: { stamp: number; generation: number; structure: Structure; value: Catalogue } | undefined;
  private annotationStamp = 0;
  /** Moves only when annotations that other files' findings read change (see `sharedPart`). */
  private sharedAnnotationStamp = 0;
  private registerCache: { version: number; value: Register | undefined } | undefined;
  /** Made once per parse of the register: every file's rules ask for it. */
  private purposeCache: { register: Register | undefined; value: PurposeCatalogue | undefined } | undefined;
  private readonly lineIndexes = new Map<string, { text: string; index: LineIndex }>();
  private guardCache: { generation: number; structure: Structure; value: Guards } | undefined;
  /** Findings per file, kept while nothing they depend on changes (see `ResultCache`). */
  private readonly results = new ResultCache();
  private readonly edits: boolean;

  constructor(options: WorkspaceOptions) {
    this.root = options.root.replace(/\/+$/, '') || '/';
    this.host = options.host;
    this.registerPath = options.registerPath ?? join(this.root, 'pi-register.yaml');
    this.severities = options.severities ?? {};
    this.timings = options.timings ?? new Timings();
    this.documents = new Documents(options.host);
    this.edits = options.edits ?? false;
  }

  /** Tells the engine a file was opened, edited, closed, created, changed or deleted. */
  applyChange(change: FileChange): void {
    this.documents.apply(change);
    const structural =
      change.kind === 'create' ||
      change.kind === 'delete' ||
      basename(change.file) === 'tsconfig.json' ||
      // Module resolution read it (a package's type, its exports), and its answers are kept while the structure stands.
      basename(change.file) === 'package.json' ||
      (this.structure?.configFiles.has(change.file) ?? false);
    if (structural) {
      this.annotationStamp++;
      this.sharedAnnotationStamp++;
      this.results.clear();
    } else if (this.structure?.owners.has(change.file)) this.results.changed(change.file);
    if (structural && this.structure) {
      this.structure.projects.forEach((project) => project.dispose());
      this.structure = undefined;
    }
  }

  setSeverities(severities: Readonly<Record<string, Severity | 'off'>>): void {
    this.severities = severities;
    this.results.clear();
  }

  /** The files a full analysis covers: every source file of every project, and the register if it exists. */
  files(): string[] {
    const sources = [...this.currentStructure().owners.keys()];
    return this.documents.exists(this.registerPath) ? [...sources, this.registerPath] : sources;
  }

  async analyseWorkspace(options: AnalyseOptions = {}): Promise<AnalysisResult> {
    const files = this.files();
    const findings: Finding[] = [];
    const notices: Notice[] = [...this.currentStructure().notices];
    let sliceStart = Date.now();
    for (const [done, file] of files.entries()) {
      if (Date.now() - sliceStart > sliceMilliseconds) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      const result = this.analyseFileSafely(file, options.token);
      findings.push(...result.findings);
      notices.push(...result.notices);
      options.onProgress?.(done + 1, files.length);
    }
    return { files, findings, notices };
  }

  /** Every finding of one file, suppressed ones included (marked). */
  analyseFile(file: string, token?: CancellationToken): FileResult {
    if (token?.isCancellationRequested) throw new CancelledError();
    const key = this.resultKey(file);
    const cached = this.results.get(file, key);
    if (cached) return cached;
    this.cancellation.current = token && { isCancellationRequested: () => token.isCancellationRequested };
    try {
      const walks: Walks = file === this.registerPath ? {} : { ...this.results.walks(file, key) };
      const result = file === this.registerPath ? this.analyseRegister() : this.analyseSource(file, walks);
      this.results.set(file, key, result, walks);
      if (this.edits && file !== this.registerPath) this.results.note(file, key.version, () => this.timings.measure('notes for edits', () => this.noteOf(file)));
      return result;
    } catch (error) {
      if (error instanceof ts.OperationCanceledException) throw new CancelledError();
      throw error;
    } finally {
      this.cancellation.current = undefined;
    }
  }

  /** One file that cannot be analysed (a bug, not bad input: that is data) must not end the run. */
  private analyseFileSafely(file: string, token: CancellationToken | undefined): FileResult {
    try {
      return this.analyseFile(file, token);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      return { findings: [], notices: [{ file, message: `not analysed: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }

  /** A finding's fixes, computed now against the current text. */
  fixes(finding: Finding): Fix[] {
    const rule = rulesById.get(finding.ruleId);
    if (!rule?.fixes || !finding.fixable) return [];
    return rule.fixes(finding, this.fixContext());
  }

  /** Lists a schema's file in the register; with no schema, creates the register when there is none. */
  listingFixes(schemaKey?: string): Fix[] {
    return listingFixes(schemaKey, this.fixContext());
  }

  private fixContext(): FixContext {
    return { root: this.root, registerPath: this.registerPath, catalogue: this.catalogue(), purposes: this.purposeCatalogue(), text: (file) => this.documents.text(file) };
  }

  /** The workspace's annotations merged (for hovers, completion, code lenses). */
  catalogue(): Catalogue {
    const structure = this.currentStructure();
    const generation = this.documents.generation;
    const cached = this.catalogueCache;
    if (cached && cached.generation === generation && cached.structure === structure) return cached.value;
    const all = [...structure.owners.keys()].map((file) => this.annotationsOf(file));
    const stale = !cached || cached.stamp !== this.annotationStamp || cached.structure !== structure;
    this.catalogueCache = { stamp: this.annotationStamp, generation, structure, value: stale ? this.timings.measure('catalogue', () => new Catalogue(all)) : cached.value };
    return this.catalogueCache.value;
  }

  register(): Register | undefined {
    const version = this.documents.version(this.registerPath);
    if (this.registerCache?.version !== version) {
      const text = this.documents.text(this.registerPath);
      this.registerCache = { version, value: text === undefined ? undefined : this.timings.measure('register', () => parseRegister(text)) };
    }
    return this.registerCache.value;
  }

  purposeCatalogue(): PurposeCatalogue | undefined {
    const register = this.register();
    const cached = this.purposeCache;
    if (cached && cached.register === register) return cached.value;
    const value = register && purposesOf(register, this.registerPath, this.root);
    this.purposeCache = { register, value };
    return value;
  }

  /** What a hover on a tagged field (its declaration or a use) says. */
  hoverAt(file: string, offset: number): HoverInfo | undefined {
    const source = this.sourceOf(file);
    return source && hoverInfo(source.sourceFile, source.program, this.catalogue(), offset, this.places());
  }

  /** From the code to the register and back (see `queries/definitions`). */
  definitionsAt(file: string, offset: number): Place[] {
    if (file === this.registerPath) {
      const register = this.register();
      return register ? definitionsInRegister(register, this.catalogue(), offset, this.places()) : [];
    }
    return this.currentStructure().owners.has(file) ? definitionsInSource(this.annotationsOf(file), offset, this.places()) : [];
  }

  /** Completions inside a JSDoc block; undefined outside one. */
  completionsAt(file: string, offset: number): Completion[] | undefined {
    const source = this.sourceOf(file);
    if (!source) return undefined;
    const catalogue = this.purposeCatalogue();
    const purposes = catalogue ? [...catalogue.entries.values()].map(({ id, description }) => ({ id, ...(description && { description }) })) : [...this.catalogue().purposeIds()].sort().map((id) => ({ id }));
    const files = (this.register()?.files ?? []).flatMap((entry) => entry.name?.value ?? []);
    return completionsAt(source.sourceFile, offset, { purposes, files });
  }

  /** One lens per schema of the file: its purposes and its register status. */
  lenses(file: string): SchemaLens[] {
    return this.currentStructure().owners.has(file) ? schemaLenses(this.annotationsOf(file), this.catalogue(), this.places()) : [];
  }

  /** The current text of a file (an open buffer, else the disk). */
  text(file: string): string | undefined {
    return this.documents.text(file);
  }

  dispose(): void {
    this.structure?.projects.forEach((project) => project.dispose());
    this.structure = undefined;
  }

  /** What a file's findings depend on now; first drops the cached results that edits since made stale. */
  private resultKey(file: string): ResultKey {
    // Brings every file's annotations up to date, so that the stamp says whether any of them changed.
    this.catalogue();
    this.results.settle(() => this.dependencies());
    const isRegister = file === this.registerPath;
    const own = isRegister || !this.currentStructure().owners.has(file) ? undefined : this.annotationsOf(file);
    const annotated = own !== undefined && !isEmpty(own);
    // The register's findings read every annotation. A source file reads other files' annotations through
    // the types it imports, and an edit to any of those drops its results anyway (`ResultCache.settle`);
    // only a file with schemas also reads the others' directly, where the register's entries are matched
    // to the schemas of the whole workspace.
    const annotations = isRegister ? this.annotationStamp : own && own.schemas.length > 0 ? this.sharedAnnotationStamp : 0;
    return { version: this.documents.version(file), annotations, register: isRegister || annotated ? this.documents.version(this.registerPath) : -1 };
  }

  private dependencies(): DependencyView {
    const facialNames = [...this.catalogue().fields.values()].filter((field) => field.kinds.some((kind) => kind.tag === 'facial')).map((field) => field.name);
    return {
      files: () => this.currentStructure().owners.keys(),
      version: (file) => this.documents.version(file),
      note: (file) => this.noteOf(file),
      onlyCommentChanged: (file, before) => {
        const source = this.sourceOf(file);
        return source !== undefined && onlyCommentChanged(before, source.sourceFile);
      },
      collects: (file) => {
        const text = this.documents.text(file) ?? '';
        return facialNames.some((name) => text.includes(name));
      },
    };
  }

  private noteOf(file: string): FileNote {
    const source = this.sourceOf(file);
    return {
      imports: source ? importsOf(source.sourceFile, source.program) : { kind: 'files', files: [] },
      text: source?.sourceFile.text ?? '',
      walked: walkedPart(this.annotationsOf(file)),
    };
  }

  private places() {
    return { root: this.root, registerPath: this.registerPath, register: this.register() };
  }

  private sourceOf(file: string): { program: ts.Program; sourceFile: ts.SourceFile } | undefined {
    const program = this.currentStructure().owners.get(file)?.program();
    const sourceFile = program?.getSourceFile(file);
    return program && sourceFile && !isStandIn(sourceFile) ? { program, sourceFile } : undefined;
  }

  /** `walks`: what the checker walks found for this version of the file, if known; filled as rules ask. */
  private analyseSource(file: string, walks: Walks): FileResult {
    const source = this.documents.read(file);
    if (source.kind !== 'text') return { findings: [], notices: source.kind === 'skipped' ? [{ file, message: `skipped: ${source.reason}` }] : [] };
    const project = this.currentStructure().owners.get(file);
    const program = project && this.timings.measure('program (parse, bind, update)', () => project.program());
    const sourceFile = program?.getSourceFile(file);
    if (!program || !sourceFile) return { findings: [], notices: [{ file, message: 'skipped: not part of any project' }] };
    if (isStandIn(sourceFile)) return { findings: [], notices: [{ file, message: 'skipped: nested too deeply for TypeScript to parse' }] };
    const annotations = this.annotationsOf(file);
    const catalogue = this.catalogue();
    const purposes = this.purposeCatalogue();
    const notices: Notice[] = [];
    const findings: Finding[] = [];
    for (const rule of rules) {
      // TypeScript polls the token only in its own long operations; rules are checked here.
      if (this.cancellation.current?.isCancellationRequested()) throw new CancelledError();
      const severity = this.severityOf(rule);
      if (!rule.checkSource || severity === 'off') continue;
      this.runRule(rule, file, notices, () =>
        rule.checkSource!({
          file,
          text: sourceFile.text,
          annotations,
          catalogue,
          purposes,
          root: this.root,
          registerPath: this.registerPath,
          register: this.register(),
          uses: () => (walks.uses ??= this.timings.measure('uses (prefilter, checker)', () => collectUses(sourceFile, program, catalogue))),
          collections: () => (walks.collections ??= this.timings.measure('collections and guards (checker)', () => collectCollections(sourceFile, program, catalogue, this.guards()))),
          report: (report) => findings.push(this.toFinding(rule, severity, file, report)),
        }),
      );
    }
    if (program.getSyntacticDiagnostics(sourceFile).length > 0) notices.push({ file, message: 'has syntax errors: findings may be incomplete' });
    const suppressions = this.timings.measure('suppressions', () => findSuppressions(sourceFile, () => this.lineIndex(file, sourceFile.text)!));
    const suppression = rulesById.get('suppression')!;
    const suppressionSeverity = this.severityOf(suppression);
    const checked = applySuppressions(findings, suppressions, [...rulesById.keys()], sourceFile.text, (report) =>
      this.toFinding(suppression, suppressionSeverity, file, report),
    );
    return { findings: suppressionSeverity === 'off' ? checked.filter((f) => f.ruleId !== 'suppression') : checked, notices };
  }

  private analyseRegister(): FileResult {
    const file = this.registerPath;
    const source = this.documents.read(file);
    if (source.kind === 'skipped') {
      const rule = rulesById.get('register-invalid')!;
      return { findings: [this.toFinding(rule, this.severityOf(rule), file, { span: { start: 0, end: 0 }, message: `The register could not be read: ${source.reason}.` })], notices: [] };
    }
    const register = this.register();
    if (!register || source.kind !== 'text') return { findings: [], notices: [] };
    const findings: Finding[] = [];
    const notices: Notice[] = register.broken ? [{ file, message: 'the register has YAML errors: purpose ids are not checked against it until they are fixed' }] : [];
    const catalogue = this.catalogue();
    const purposes = this.purposeCatalogue();
    for (const rule of rules) {
      const severity = this.severityOf(rule);
      if (!rule.checkRegister || severity === 'off') continue;
      this.runRule(rule, file, notices, () =>
        rule.checkRegister!({
          file,
          text: source.text,
          register,
          catalogue,
          purposes,
          root: this.root,
          registerPath: this.registerPath,
          report: (report) => findings.push(this.toFinding(rule, severity, file, report)),
        }),
      );
    }
    return { findings, notices };
  }

  /** A rule that throws loses its findings for this file, not the run: it is told as a notice. */
  private runRule(rule: Rule, file: string, notices: Notice[], run: () => void): void {
    try {
      this.timings.measure(`rule ${rule.meta.id}`, run);
    } catch (error) {
      if (error instanceof ts.OperationCanceledException || error instanceof CancelledError) throw error;
      notices.push({ file, message: `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private toFinding(rule: Rule, severity: Severity | 'off', file: string, report: Report): Finding {
    const lines = this.lineIndex(file) ?? new LineIndex('');
    return {
      ruleId: rule.meta.id,
      severity: severity === 'off' ? rule.meta.defaultSeverity : severity,
      file,
      range: lines.range(report.span),
      message: report.message,
      related: (report.related ?? []).flatMap((related) => this.toRelated(related)),
      fixable: rule.meta.fixable && report.data !== undefined,
      ...(rule.meta.provision && { provision: rule.meta.provision }),
      ...(report.data !== undefined && { data: report.data }),
    };
  }

  private toRelated(related: RelatedSpan) {
    const lines = this.lineIndex(related.file);
    return lines ? [{ file: related.file, range: lines.range(related.span), message: related.message }] : [];
  }

  private lineIndex(file: string, known?: string): LineIndex | undefined {
    const text = known ?? this.documents.text(file);
    if (text === undefined) return undefined;
    const cached = this.lineIndexes.get(file);
    if (cached?.text === text) return cached.index;
    const index = new LineIndex(text);
    this.lineIndexes.set(file, { text, index });
    return index;
  }

  private severityOf(rule: Rule): Severity | 'off' {
    return this.severities[rule.meta.id] ?? rule.meta.defaultSeverity;
  }

  private annotationsOf(file: string): FileAnnotations {
    const version = this.documents.version(file);
    const cached = this.annotations.get(file);
    if (cached?.version === version) return cached.value;
    const project = this.currentStructure().owners.get(file);
    const sourceFile = project && this.timings.measure('program (parse, bind, update)', () => project.program()).getSourceFile(file);
    const value = sourceFile ? this.timings.measure('annotations', () => extractAnnotations(sourceFile)) : emptyAnnotations(file);
    // An edit that leaves the annotations as they were (most edits) changes nothing in the catalogue.
    const same = cached !== undefined && JSON.stringify(cached.value) === JSON.stringify(value);
    const shared = same ? cached.shared : JSON.stringify(sharedPart(value));
    this.annotations.set(file, { version, value: same ? cached.value : value, shared });
    if (!same) this.annotationStamp++;
    if (shared !== cached?.shared) this.sharedAnnotationStamp++;
    return same ? cached.value : value;
  }

  /** Call sites and guard verdicts, shared by every file while the workspace does not change. */
  private guards(): Guards {
    const structure = this.currentStructure();
    const generation = this.documents.generation;
    if (this.guardCache?.generation !== generation || this.guardCache.structure !== structure) {
      this.guardCache = { generation, structure, value: new Guards(this.catalogue(), new CallSites(structure, new Mentions(structure))) };
    }
    return this.guardCache.value;
  }

  private currentStructure(): Structure {
    this.structure ??= this.timings.measure('load (projects, file lists)', () => buildStructure(this.root, {
      host: this.host,
      documents: this.documents,
      registry: this.registry,
      cancellation: this.cancellation,
    }, !this.edits));
    return this.structure;
  }
}

function purposesOf(register: Register, registerPath: string, root: string): PurposeCatalogue | undefined {
  if (!register.purposes || register.broken) return undefined;
  const entries = new Map(register.purposes.map((entry) => [entry.id, entry]));
  return { file: registerPath, name: relative(root, registerPath), entries };
}
