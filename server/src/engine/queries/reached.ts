import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Span } from '../../base/finding';
import { Marks, namesMentioned } from '../../base/marks';
import { siteOf } from '../call-sites';
import { type CallableCode, callableCodeOf } from '../callable-names';
import { guardBounds } from '../guards';
import type { FileQuery } from '../query';
import { type Use, usesOf } from './uses';

/** A function on the way from a context to a use, and where it calls the next one (absent on the last). */
export interface PathStep {
  readonly name: string;
  readonly file: string;
  readonly nameSpan: Span;
  readonly next?: Span;
}

/** A use in code with no context of its own, reached through a call in code that has one. */
export interface ReachedUse {
  /** The file of the use (its spans are in that file's text). */
  readonly file: string;
  readonly use: Use;
  /** The functions from the call in the context to the use, outermost first. */
  readonly path: readonly PathStep[];
  /** The `@basis` ids that functions on the path, or the code around the use, give (none: no basis). */
  readonly bases: readonly string[];
}

/** A call (or `new`, a JSX element, a function handed on by name) in code with a context, and the uses it reaches. */
export interface ReachedSite {
  readonly span: Span;
  readonly uses: readonly ReachedUse[];
}

export interface Reached {
  readonly sites: readonly ReachedSite[];
  /** The code with no context of its own that the search went into, by `codeKey` (what `unreachedUses` counts against). */
  readonly entered: readonly string[];
  /**
   * Every file whose code the search entered or stopped at (a function with a context of its own): a
   * purpose or a basis added there, in a comment, changes the answer.
   */
  readonly visited: readonly string[];
}

/**
 * The uses that the file's code with a context reaches through the functions it calls (docs/annotations.md,
 * "Reached uses"): calls, `new`, `.call`/`.apply`/`.bind`, functions handed on by name and JSX elements are
 * followed into functions with no context of their own, up to 8 levels and 200 call sites from each call,
 * and not into code that has a context. Only calls of names that `reachingNames` lists (and names a file
 * imports them under) are resolved, so most calls cost a set lookup; what a reached function uses is its
 * file's `usesOf` answer, and its calls are resolved once per program, however many contexts reach it. The
 * answer depends on the files this one imports (whose code it reaches), and on the comments of the files it
 * visited (`namedFiles`).
 */
export const reachedUsesOf: FileQuery<Reached> = {
  name: 'reached uses (calls, checker)',
  reads: { types: true },
  compute: (input) => {
    const none: Reached = { sites: [], entered: [], visited: [] };
    if (!input.catalogue.contextsOf(input.file).some((context) => context.purposes) || input.catalogue.fields.size === 0) return none;
    const names = input.reachingNames();
    if (names.size === 0) return none;
    return new Reacher(input.program(), input.catalogue, names, (file) => input.answerFor(file, usesOf) ?? []).fromContexts(
      input.sourceFile,
    );
  },
  namedFiles: (reached) => [
    ...reached.visited,
    ...reached.sites.flatMap((site) => site.uses.flatMap((found) => found.use.fields.map((field) => field.file))),
  ],
};

/** What one function does, computed once per program: its uses, and the calls in it that may reach more. */
interface Code {
  readonly file: string;
  /** The callable code it is part of (`codeKey`). */
  readonly key: string;
  readonly name: string;
  readonly nameSpan: Span;
  /** It has a context of its own: what it uses is checked against that. */
  readonly boundary: boolean;
  /** The id of the `@basis` around it, if any. */
  readonly basis: string | undefined;
  readonly uses: readonly Use[];
  readonly calls: readonly Call[];
}

interface Call {
  readonly span: Span;
  readonly targets: readonly ts.Node[];
}

/** What one program's searches share: the functions looked into (a helper that many files call is resolved once). */
interface Looked {
  readonly catalogue: Catalogue;
  readonly names: ReadonlySet<string>;
  readonly codes: Map<ts.Node, Code>;
}

const looked = new WeakMap<ts.Program, Looked>();

class Reacher {
  private readonly checker: ts.TypeChecker;
  private readonly known: Looked;
  private readonly marks = new Map<ts.SourceFile, Marks>();
  private readonly visited = new Set<string>();
  private readonly entered = new Set<string>();

  constructor(
    private readonly program: ts.Program,
    private readonly catalogue: Catalogue,
    private readonly names: ReadonlySet<string>,
    /** A file's uses, as `usesOf` found them. */
    private readonly usesOf: (file: string) => readonly Use[],
  ) {
    this.checker = program.getTypeChecker();
    let known = looked.get(program);
    if (!known || known.catalogue !== catalogue || known.names !== names) {
      known = { catalogue, names, codes: new Map() };
      looked.set(program, known);
    }
    this.known = known;
  }

  fromContexts(sourceFile: ts.SourceFile): Reached {
    const sites: ReachedSite[] = [];
    for (const call of this.callsIn(sourceFile, sourceFile, true)) {
      const uses: ReachedUse[] = [];
      const seen = new Set<string>();
      const search = { sites: 0 };
      for (const target of call.targets)
        this.follow(target, [], 1, new Set(), search, (found) => {
          const key = `${found.file}#${found.use.span.start}`;
          if (seen.has(key)) return;
          seen.add(key);
          uses.push(found);
        });
      if (uses.length > 0) sites.push({ span: call.span, uses });
    }
    return { sites, entered: [...this.entered], visited: [...this.visited] };
  }

  /** Depth first from a function, with the path that led to it; `onPath` keeps a cycle of calls from looping. */
  private follow(
    target: ts.Node,
    path: readonly PathStep[],
    depth: number,
    onPath: Set<ts.Node>,
    search: { sites: number },
    found: (use: ReachedUse) => void,
  ): void {
    const code = this.codeOf(target);
    this.visited.add(code.file);
    if (code.boundary) return;
    this.entered.add(code.key);
    const step: PathStep = { name: code.name, file: code.file, nameSpan: code.nameSpan };
    const bases = [code.basis, ...path.map((before) => this.basisOf(before.file, before.nameSpan.start))];
    for (const use of code.uses) {
      const around = this.basisOf(code.file, use.span.start);
      found({ file: code.file, use, path: [...path, step], bases: [...bases, around].filter((id) => id !== undefined) });
    }
    if (depth >= guardBounds.depth) return;
    onPath.add(target);
    for (const call of code.calls) {
      search.sites += 1;
      if (search.sites > guardBounds.sites) break;
      for (const next of call.targets) {
        if (!onPath.has(next)) this.follow(next, [...path, { ...step, next: call.span }], depth + 1, onPath, search, found);
      }
    }
    onPath.delete(target);
  }

  /** The `@basis` id of the code around an offset ('' for a basis whose id is missing), undefined without one. */
  private basisOf(file: string, offset: number): string | undefined {
    const code = this.catalogue.basisAt(file, offset);
    return code && (code.basis?.args[0]?.text ?? '');
  }

  private codeOf(target: ts.Node): Code {
    let code = this.known.codes.get(target);
    if (!code) {
      code = this.look(target);
      this.known.codes.set(target, code);
    }
    return code;
  }

  private look(target: ts.Node): Code {
    const sourceFile = target.getSourceFile();
    const file = sourceFile.fileName;
    const name = nameOf(target);
    const nameSpan = spanOf(name ?? target, sourceFile);
    const start = target.getStart(sourceFile);
    const boundary = this.catalogue.contextAt(file, start) !== undefined;
    const basis = this.basisOf(file, start);
    const label = name ? name.getText(sourceFile) : 'function';
    const key = codeKey(file, callableCodeOf(sourceFile), start) ?? `${file}#${start}`;
    if (boundary) return { file, key, name: label, nameSpan, boundary, basis, uses: [], calls: [] };
    // Code inside it with a context of its own (a nested function with `@purpose`) is that context's.
    const own = (span: Span) => this.catalogue.contextAt(file, span.start) === undefined;
    const inside = (span: Span) => start <= span.start && span.start < target.end && own(span);
    const uses = this.usesOf(file).filter((use) => inside(use.span) && (use.kind !== 'escape' || use.carries === 'value'));
    const calls = this.callsIn(target, sourceFile, false).filter((call) => own(call.span));
    return { file, key, name: label, nameSpan, boundary, basis, uses, calls };
  }

  /**
   * The references in `root` to functions of the workspace that may reach a use; with `inContext`, only
   * those in code with a context (the starting points), by where the context's code calls.
   */
  private callsIn(root: ts.Node, sourceFile: ts.SourceFile, inContext: boolean): Call[] {
    const marks = this.marksOf(sourceFile);
    const calls: Call[] = [];
    const visit = (node: ts.Node): void => {
      if (!marks.within(node)) return;
      if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && this.names.has(node.text) && !isDeclaredName(node)) {
        const site = siteOf(node);
        const here = site && (!inContext || this.catalogue.contextAt(sourceFile.fileName, node.getStart(sourceFile)) !== undefined);
        const targets = here ? this.targetsOf(node) : [];
        if (site && targets.length > 0) calls.push({ span: siteSpan(site, sourceFile), targets });
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return calls;
  }

  /** Where the file names a function that may lead to a use: only the names its parser's table holds are looked for. */
  private marksOf(sourceFile: ts.SourceFile): Marks {
    let marks = this.marks.get(sourceFile);
    if (!marks) {
      const imported = importedNames(sourceFile, this.names);
      const mentioned = namesMentioned(sourceFile, this.names);
      mentioned.push(...[...imported].filter((word) => !this.names.has(word)));
      marks = Marks.ofWords(sourceFile.text, mentioned);
      this.marks.set(sourceFile, marks);
    }
    return marks;
  }

  /** The code a name stands for, when the workspace's own source declares it with a body. */
  private targetsOf(name: ts.Node): ts.Node[] {
    let symbol = this.checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return (symbol?.declarations ?? []).flatMap((declaration) => {
      const sourceFile = declaration.getSourceFile();
      if (sourceFile.isDeclarationFile || this.program.isSourceFileFromExternalLibrary(sourceFile)) return [];
      const code = codeOfDeclaration(declaration);
      return code ? [code] : [];
    });
  }
}

/**
 * The callable code (`callableCodeOf`) an offset is in, as `file#start`: what a search enters and what
 * `unreachedUses` groups uses by. A function declared inside another counts as the one around it.
 */
export function codeKey(file: string, codes: readonly CallableCode[], offset: number): string | undefined {
  let found: CallableCode | undefined;
  for (const code of codes) if (code.start <= offset && offset < code.end && (!found || code.start >= found.start)) found = code;
  return found && `${file}#${found.start}`;
}

/**
 * The local names a file imports functions that may lead to a use under (`import { g as h }`), and every
 * default import (`import f from`), whose function's own name the file does not say: its calls use those.
 */
function importedNames(sourceFile: ts.SourceFile, names: ReadonlySet<string>): Set<string> {
  const local = new Set<string>();
  for (const statement of sourceFile.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) local.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) if (names.has((element.propertyName ?? element.name).text)) local.add(element.name.text);
  }
  return local;
}

/** What runs when a declaration is called: a function's or method's body, a bound function value, a class's constructor. */
function codeOfDeclaration(declaration: ts.Declaration): ts.Node | undefined {
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isAccessor(declaration)) && declaration.body)
    return declaration;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
    const value = declaration.initializer;
    return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
  }
  if (ts.isClassLike(declaration)) return declaration.members.find((member) => ts.isConstructorDeclaration(member) && member.body);
  return undefined;
}

/** The name a reached function is shown by. */
function nameOf(code: ts.Node): ts.Node | undefined {
  if (ts.isConstructorDeclaration(code)) return code.parent.name;
  if (ts.isFunctionDeclaration(code) || ts.isMethodDeclaration(code) || ts.isAccessor(code)) return code.name;
  const parent = code.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name;
  return undefined;
}

/** A declaration's own name: not a reference to what it declares. */
function isDeclaredName(name: ts.Node): boolean {
  const parent = name.parent;
  return (
    (ts.isFunctionLike(parent) ||
      ts.isClassLike(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent)) &&
    (parent as ts.NamedDeclaration).name === name
  );
}

/** Where a call is reported: the call, the JSX element for a component, or the name handed on. */
function siteSpan(site: ts.Node, sourceFile: ts.SourceFile): Span {
  const parent = site.parent;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent)) && parent.tagName === site) return spanOf(parent, sourceFile);
  return spanOf(site, sourceFile);
}
