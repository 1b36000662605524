import type ts from 'typescript';
import { Catalogue } from '../annotations/catalogue';
import { extractAnnotations } from '../annotations/extract';
import { emptyAnnotations, type FileAnnotations } from '../annotations/model';
import { extractPrismaAnnotations } from '../annotations/prisma';
import { sharedPart } from '../annotations/shape';
import type { Span } from '../base/finding';
import type { Host } from '../base/host';
import { LineIndex } from '../base/lines';
import { isPrismaSchema } from '../base/paths';
import type { Timings } from '../base/timings';
import type { Register } from '../register/model';
import { parseRegister } from '../register/parse';
import { type PurposeCatalogue, purposesOf } from '../register/purposes';
import { CallSites } from './call-sites';
import type { Documents } from './documents';
import { Guards } from './guards';
import { Mentions } from './mentions';
import type { WorkspaceQuery } from './query';
import { ReachingNames } from './reaching-names';
import { createWorkspaceRegistry, isStandIn } from './registry';
import { buildStructure, type Structure } from './structure';

export interface DerivedOptions {
  readonly root: string;
  readonly registerPath: string;
  readonly host: Host;
  readonly documents: Documents;
  readonly timings: Timings;
  /** One program per project (an editor's workspace), or shared between projects alike (a one-off run). */
  readonly shareAlike: boolean;
  /** Polled by TypeScript in its long operations while the engine analyses. */
  readonly cancellation: { current: { isCancellationRequested(): boolean } | undefined };
}

/** The stamps that say whether the workspace's annotations changed since a result was computed. */
export interface AnnotationStamps {
  /** Moves when any file's annotations change. */
  readonly all: number;
  /** Moves only when what other files can read of them changes (`sharedPart`). */
  readonly shared: number;
  /** Moves only when the set of tagged field names changes. */
  readonly names: number;
}

/**
 * What the engine derives from the files, each kept until the files it comes from change: the projects,
 * each file's annotations and the catalogue of them all, the register and its purposes, call sites and
 * guard verdicts, line indexes, and the answers of workspace queries.
 */
export class Derived {
  private structureValue: Structure | undefined;
  private readonly registry = createWorkspaceRegistry();
  private readonly annotations = new Map<string, { version: number; value: FileAnnotations; shared: string }>();
  private stamps = { all: 0, shared: 0, names: 0 };
  /** The tagged field names of the catalogue last built, sorted, to tell whether a new one changed them. */
  private namesKey = '';
  private catalogueCache: { stamp: number; generation: number; structure: Structure; value: Catalogue } | undefined;
  private registerCache: { version: number; value: Register | undefined } | undefined;
  /** Made once per parse of the register: every file's rules ask for it. */
  private purposeCache: { register: Register | undefined; value: PurposeCatalogue | undefined } | undefined;
  private reaching: { structure: Structure; names: ReachingNames; generation: number; value: ReadonlySet<string> } | undefined;
  private guardCache: { generation: number; structure: Structure; value: Guards } | undefined;
  private mentionCache: { generation: number; structure: Structure; value: Mentions } | undefined;
  private readonly lineIndexes = new Map<string, { text: string; index: LineIndex }>();
  private readonly workspaceAnswers = new Map<WorkspaceQuery<unknown>, { register: number; annotations: number; value: unknown }>();

  constructor(private readonly options: DerivedOptions) {}

  /** The files or the projects changed: the projects are built again, and every annotation counts as changed. */
  restructure(): void {
    this.stamps = { all: this.stamps.all + 1, shared: this.stamps.shared + 1, names: this.stamps.names + 1 };
    this.dispose();
  }

  dispose(): void {
    for (const project of this.structureValue?.projects ?? []) project.dispose();
    this.structureValue = undefined;
  }

  /** The projects as built, without building them. */
  builtStructure(): Structure | undefined {
    return this.structureValue;
  }

  structure(): Structure {
    this.structureValue ??= this.options.timings.measure('load (projects, file lists)', () =>
      buildStructure(
        this.options.root,
        { host: this.options.host, documents: this.options.documents, registry: this.registry, cancellation: this.options.cancellation },
        { shareAlike: this.options.shareAlike },
      ),
    );
    return this.structureValue;
  }

  /** Brings every file's annotations up to date first, so that the stamps say whether any changed. */
  annotationStamps(): AnnotationStamps {
    this.catalogue();
    return this.stamps;
  }

  /** The workspace's annotations merged (for rules, hovers, completion, code lenses). */
  catalogue(): Catalogue {
    const structure = this.structure();
    const generation = this.options.documents.generation;
    const cached = this.catalogueCache;
    if (cached && cached.generation === generation && cached.structure === structure) return cached.value;
    const all = [...structure.owners.keys(), ...structure.prismaSchemas].map((file) => this.annotationsOf(file));
    const stale = !cached || cached.stamp !== this.stamps.all || cached.structure !== structure;
    const value = stale ? this.options.timings.measure('catalogue', () => new Catalogue(all)) : cached.value;
    if (stale) {
      const namesKey = [...value.taggedNames].sort().join('\n');
      if (namesKey !== this.namesKey) this.stamps = { ...this.stamps, names: this.stamps.names + 1 };
      this.namesKey = namesKey;
    }
    this.catalogueCache = { stamp: this.stamps.all, generation, structure, value };
    return value;
  }

  /** The tagged field names among a file's words (its parser's table of names), sorted, as one string. */
  taggedNamesAmong(words: ReadonlyMap<string, string>): string {
    const found: string[] = [];
    for (const name of this.catalogue().taggedNames) if (words.has(name)) found.push(name);
    return found.sort().join('\n');
  }

  annotationsOf(file: string): FileAnnotations {
    const version = this.options.documents.version(file);
    const cached = this.annotations.get(file);
    if (cached?.version === version) return cached.value;
    const value = this.options.timings.measure('annotations', () => this.readAnnotations(file));
    // An edit that leaves the annotations as they were (most edits) changes nothing in the catalogue.
    const same = cached !== undefined && JSON.stringify(cached.value) === JSON.stringify(value);
    const shared = same ? cached.shared : JSON.stringify(sharedPart(value));
    this.annotations.set(file, { version, value: same ? cached.value : value, shared });
    this.stamps = {
      all: this.stamps.all + (same ? 0 : 1),
      shared: this.stamps.shared + (shared !== cached?.shared ? 1 : 0),
      names: this.stamps.names,
    };
    return same ? cached.value : value;
  }

  /** A Prisma schema's from its text; a TypeScript file's from its syntax tree in the program that owns it. */
  private readAnnotations(file: string): FileAnnotations {
    if (isPrismaSchema(file)) {
      const source = this.options.documents.read(file);
      return source.kind === 'text' ? extractPrismaAnnotations(file, source.text) : emptyAnnotations(file);
    }
    const sourceFile = this.program(file)?.getSourceFile(file);
    return sourceFile ? extractAnnotations(sourceFile) : emptyAnnotations(file);
  }

  register(): Register | undefined {
    const { documents, registerPath, timings } = this.options;
    const version = documents.version(registerPath);
    if (this.registerCache?.version !== version) {
      const text = documents.text(registerPath);
      this.registerCache = { version, value: text === undefined ? undefined : timings.measure('register', () => parseRegister(text)) };
    }
    return this.registerCache.value;
  }

  registerVersion(): number {
    return this.options.documents.version(this.options.registerPath);
  }

  purposes(): PurposeCatalogue | undefined {
    const register = this.register();
    const cached = this.purposeCache;
    if (cached && cached.register === register) return cached.value;
    const value = register && purposesOf(register, this.options.registerPath, this.options.root);
    this.purposeCache = { register, value };
    return value;
  }

  /** Call sites and guard verdicts, shared by every file while the workspace does not change. */
  guards(): Guards {
    const structure = this.structure();
    const generation = this.options.documents.generation;
    if (this.guardCache?.generation !== generation || this.guardCache.structure !== structure) {
      this.guardCache = { generation, structure, value: new Guards(this.catalogue(), new CallSites(structure, this.mentions())) };
    }
    return this.guardCache.value;
  }

  /** Which files mention a word, from their parsers' tables of names, while the workspace does not change. */
  mentions(): Mentions {
    const structure = this.structure();
    const generation = this.options.documents.generation;
    if (this.mentionCache?.generation !== generation || this.mentionCache.structure !== structure)
      this.mentionCache = { generation, structure, value: new Mentions(structure) };
    return this.mentionCache.value;
  }

  /**
   * The names of the functions that may lead to a use (`ReachingNames`), from each file's uses as `usesOf`
   * finds them (asked through `usesOf`, which keeps each file's answer), brought up to date after a change.
   */
  reachingNames(usesOf: (tree: ts.SourceFile, program: ts.Program) => readonly { span: Span }[]): ReadonlySet<string> {
    const structure = this.structure();
    const generation = this.options.documents.generation;
    if (this.reaching?.structure !== structure) this.reaching = { structure, names: new ReachingNames(), generation: -1, value: new Set() };
    const reaching = this.reaching;
    if (reaching.generation === generation) return reaching.value;
    // Each project's own files, from its program once: after every edit this runs over the whole workspace.
    const trees: ts.SourceFile[] = [];
    const programs = new Map<ts.SourceFile, ts.Program>();
    for (const project of new Set(structure.owners.values())) {
      const program = this.options.timings.measure('program (parse, bind, update)', () => project.program());
      for (const tree of program.getSourceFiles()) {
        if (tree.isDeclarationFile || isStandIn(tree) || structure.owners.get(tree.fileName) !== project) continue;
        trees.push(tree);
        programs.set(tree, program);
      }
    }
    reaching.value = this.options.timings.measure('reaching names', () =>
      reaching.names.update(trees, (tree) => usesOf(tree, programs.get(tree)!)),
    );
    reaching.generation = generation;
    return reaching.value;
  }

  /** A workspace query's answer, computed again when the register or the shared annotations it reads changed. */
  workspaceAnswer<T>(query: WorkspaceQuery<T>): T {
    const register = query.reads.register ? this.registerVersion() : -1;
    const annotations = query.reads.annotations ? this.annotationStamps().shared : -1;
    const cached = this.workspaceAnswers.get(query);
    if (cached && cached.register === register && cached.annotations === annotations) return cached.value as T;
    const denied = (what: string) => () => {
      throw new Error(`query ${query.name} reads the ${what} without declaring it`);
    };
    const { root, registerPath } = this.options;
    const value = this.options.timings.measure(`query ${query.name}`, () =>
      query.compute({
        root,
        registerPath,
        catalogue: query.reads.annotations ? () => this.catalogue() : denied('annotations'),
        register: query.reads.register ? () => this.register() : denied('register'),
        purposes: query.reads.register ? () => this.purposes() : denied('register'),
      }),
    );
    this.workspaceAnswers.set(query, { register, annotations, value });
    return value;
  }

  /** The file's program (built or updated now), when a project holds the file. */
  program(file: string): ts.Program | undefined {
    const project = this.structure().owners.get(file);
    return project && this.options.timings.measure('program (parse, bind, update)', () => project.program());
  }

  /** The file's syntax tree and program, unless no project holds it or it was too deeply nested to parse. */
  sourceOf(file: string): { program: ts.Program; sourceFile: ts.SourceFile } | undefined {
    const program = this.program(file);
    const sourceFile = program?.getSourceFile(file);
    return program && sourceFile && !isStandIn(sourceFile) ? { program, sourceFile } : undefined;
  }

  lineIndex(file: string, known?: string): LineIndex | undefined {
    const text = known ?? this.options.documents.text(file);
    if (text === undefined) return undefined;
    const cached = this.lineIndexes.get(file);
    if (cached?.text === text) return cached.index;
    const index = new LineIndex(text);
    this.lineIndexes.set(file, { text, index });
    return index;
  }
}
