import ts from 'typescript';
import { namesOf } from '../../base/typescript-internals';
import { skipOuter } from '../guards';
import { inProcessPackages, type SinkKind, type SinkSettings, sinkPackages, standardSinks } from './sinks';

/**
 * Which callees of a file are sinks, and how to find them cheaply: the sink lists made once per settings,
 * the file's imports of packages and what those packages made, and a first question from the parser's
 * table of names. The escapes query (`escapes.ts`) asks it about each call.
 */
/** A package's export, as a file imports it (`default`, `*`, or its name). */
interface Imported {
  readonly module: string;
  readonly imported: string;
}

/**
 * Which callees of a file are sinks, and of which kind: the standard ones, functions of packages imported
 * here (and methods of the objects they return, kept in variables and class properties of this file), and
 * — where the code does not say — what the checker says declared the method: a package, or the standard
 * library. Packages that only compute in the process are never sinks.
 */
export class SinkResolver {
  /** Local names bound by imports of packages, with the package and the name imported. */
  private readonly imports = new Map<string, Imported>();
  /** Variables, parameters and `this` properties that hold what a package made: returned, or typed as its. */
  private readonly returned = new Map<string, Imported>();
  /** Local names bound by imports of the workspace's own modules. */
  private readonly workspaceImports = new Set<string>();
  /** Local names of packages' types (`import type { Logger } from 'pino'`). */
  private readonly typeImports = new Map<string, Imported>();
  private readonly kinds: ReadonlyMap<string, SinkKind>;
  private readonly inProcess: ReadonlySet<string>;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    settings: SinkSettings,
  ) {
    ({ kinds: this.kinds, inProcess: this.inProcess } = listsOf(settings));
    this.readImports();
  }

  /** Whether anything in the file can be a sink: a standard sink's name, an import of a package or of another module. */
  mayHaveSinks(): boolean {
    const names = namesOf(this.sourceFile);
    if (this.imports.size > 0 || this.returned.size > 0) return true;
    return (
      standardWords.some((word) => names.has(word)) || (this.workspaceImports.size > 0 && logMethodNames.some((word) => names.has(word)))
    );
  }

  sinkOf(callee: ts.Expression, checker: ts.TypeChecker, program: ts.Program): { name: string; kind: SinkKind } | undefined {
    const path = calleePath(callee);
    if (!path) return undefined;
    const [root, ...members] = path;
    const name = path.join('.');
    const last = members[members.length - 1] ?? root!;
    if (root === 'console' && members.length === 1) return { name, kind: standardSinks.consoleMembers };
    const member = (standardSinks.members as Record<string, SinkKind>)[name];
    if (member) return { name, kind: member };
    const global = (standardSinks.globals as Record<string, SinkKind>)[last];
    if (global && (members.length === 0 || root === 'window' || root === 'globalThis' || root === 'self')) return { name, kind: global };
    const imported = this.imports.get(root!);
    if (imported) return this.packageSink(imported.module, imported.imported, name);
    const holder = this.returned.get(members.length > 0 && root === 'this' ? `this.${members[0]}` : root!);
    if (holder && members.length > 0) return this.packageSink(holder.module, holder.imported, name);
    // Only the checker knows what a standard object's method is, or what an object another module made is.
    // A method of an imported object itself (`logger.info`), not of one made from an imported class there.
    const ofImportedObject =
      this.workspaceImports.has(root!) && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression);
    if (members.length > 0 && (libraryMethodNames.has(last) || ofImportedObject)) return this.declaredSink(callee, checker, program, name);
    return undefined;
  }

  private packageSink(module: string, imported: string | undefined, name: string): { name: string; kind: SinkKind } | undefined {
    if (this.inProcess.has(module)) return undefined;
    const kind = (imported !== undefined && this.kinds.get(`${module}#${imported}`)) || this.kinds.get(module);
    // A package's log kind may name one export (`@nestjs/common#Logger`): its other exports are plain packages.
    return { name, kind: kind ?? 'package' };
  }

  /** What the checker says declared the method: a package's function, or a standard-library sink. */
  private declaredSink(callee: ts.Expression, checker: ts.TypeChecker, program: ts.Program, name: string) {
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    if (!ts.isIdentifier(at) && !ts.isPrivateIdentifier(at)) return undefined;
    const symbol = checker.getSymbolAtLocation(at);
    for (const declaration of symbol?.declarations ?? []) {
      const file = declaration.getSourceFile();
      if (program.isSourceFileDefaultLibrary(file)) {
        const owner = declaration.parent;
        const key =
          owner && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name
            ? `${owner.name.text}.${at.text}`
            : undefined;
        const kind = key && (standardSinks.libraryMethods as Record<string, SinkKind>)[key];
        if (kind) return { name, kind };
        continue;
      }
      const module = packageOf(file.fileName);
      if (module) return this.packageSink(module, undefined, name);
    }
    return undefined;
  }

  private readImports(): void {
    for (const statement of this.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      const local = module.startsWith('.') || module.startsWith('/');
      const bind = (name: string, imported: string, typeOnly: boolean) => {
        if (local) this.workspaceImports.add(name);
        else {
          this.typeImports.set(name, { module, imported });
          if (!typeOnly) this.imports.set(name, { module, imported });
        }
      };
      if (clause.name) bind(clause.name.text, 'default', clause.isTypeOnly);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name.text, '*', clause.isTypeOnly);
      else if (bindings)
        for (const element of bindings.elements)
          bind(element.name.text, (element.propertyName ?? element.name).text, clause.isTypeOnly || element.isTypeOnly);
    }
    if (this.typeImports.size > 0) this.readReturned(this.sourceFile);
  }

  /**
   * `const log = pino()`, `logger = new Logger()`, `private readonly http = axios.create()`, and holders typed
   * with a package's type (`constructor(private http: HttpClient)`, `(client: Client) => …`): what a package made.
   */
  private readReturned(node: ts.Node): void {
    const holder = holderName(node);
    if (holder) {
      const { initializer, type } = node as ts.VariableDeclaration | ts.PropertyDeclaration | ts.ParameterDeclaration;
      const made = (type && this.packageOfType(type)) ?? (initializer && this.packageOfValue(initializer));
      if (made && !this.inProcess.has(made.module)) this.returned.set(holder, made);
    }
    ts.forEachChild(node, (child) => this.readReturned(child));
  }

  private packageOfValue(initializer: ts.Expression): Imported | undefined {
    const value = skipOuter(ts.isAwaitExpression(initializer) ? initializer.expression : initializer);
    const callee = ts.isCallExpression(value) || ts.isNewExpression(value) ? calleePath(value.expression) : undefined;
    return callee && this.imports.get(callee[0]!);
  }

  private packageOfType(type: ts.TypeNode): Imported | undefined {
    if (!ts.isTypeReferenceNode(type)) return undefined;
    let name: ts.EntityName = type.typeName;
    while (ts.isQualifiedName(name)) name = name.left;
    return this.typeImports.get(name.text);
  }
}

export const noSettings: SinkSettings = {};

/** The package lists with what the settings add, made once per settings object: every file asks. */
const lists = new WeakMap<SinkSettings, { kinds: ReadonlyMap<string, SinkKind>; inProcess: ReadonlySet<string> }>();

function listsOf(settings: SinkSettings) {
  let known = lists.get(settings);
  if (!known) {
    const kinds = new Map<string, SinkKind>();
    for (const [kind, packages] of Object.entries(sinkPackages) as [Exclude<SinkKind, 'package'>, readonly string[]][]) {
      for (const name of [...packages, ...(settings[kind] ?? [])]) kinds.set(name, kind);
    }
    known = { kinds, inProcess: new Set([...inProcessPackages, ...(settings.inProcess ?? [])]) };
    lists.set(settings, known);
  }
  return known;
}

/** A variable's name, a class property's as `this.<name>`, a parameter property's too (`constructor(private x: T)`). */
function holderName(node: ts.Node): string | undefined {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) return `this.${node.name.text}`;
  if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
    const property = (ts.getModifiers(node)?.length ?? 0) > 0;
    return property && ts.isConstructorDeclaration(node.parent) ? `this.${node.name.text}` : node.name.text;
  }
  return undefined;
}

/**
 * The cheap question first, from the parser's table of the file's names and its import statements: can
 * anything here be a sink? Most files of an application name none.
 */
export function mayHaveSinks(sourceFile: ts.SourceFile): boolean {
  const names = namesOf(sourceFile);
  if (standardWords.some((word) => names.has(word))) return true;
  const imports = sourceFile.statements.filter(ts.isImportDeclaration);
  const fromPackages = imports.some(
    (statement) => ts.isStringLiteral(statement.moduleSpecifier) && !/^[./]/.test(statement.moduleSpecifier.text),
  );
  // An object another module made (`logger.info(p)` with `logger` imported): only where a log method is named.
  return fromPackages || (imports.length > 0 && logMethodNames.some((word) => names.has(word)));
}

/** Method names of loggers, which an object imported from another module may have. */
const logMethodNames = ['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'log'];

/** Methods of standard-library objects that can be sinks. */
const libraryMethodNames = new Set(Object.keys(standardSinks.libraryMethods).map((key) => key.split('.')[1]!));

/** The names that can start a standard sink's callee. */
const standardWords = [
  'console',
  'JSON',
  'navigator',
  ...Object.keys(standardSinks.globals),
  ...Object.keys(standardSinks.libraryMethods).map((key) => key.split('.')[1]!),
];

/** `node_modules/<package>/…` (or `@scope/package`), `@types/<name>` as the package it types. */
function packageOf(fileName: string): string | undefined {
  const at = fileName.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const parts = fileName.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed === 'node' ? undefined : typed;
}

/** `a.b.c(...)` as `['a', 'b', 'c']`, `pino().info` as `['pino', 'info']`; undefined for other callees. */
export function calleePath(callee: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(callee)) return [callee.text];
  if (callee.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(callee)) {
    const head = calleePath(callee.expression);
    return head && [...head, callee.name.text];
  }
  if (ts.isCallExpression(callee) || ts.isNewExpression(callee)) return calleePath(callee.expression);
  if (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) return calleePath(callee.expression);
  return undefined;
}
