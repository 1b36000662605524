import ts from 'typescript';
import type { Mentions } from './mentions';
import type { Structure } from './structure';

/** A place a function is entered from: a call of it, or where it is handed on by name. */
export interface CallSite {
  /** The call (or `new`) expression; for a function passed or stored by name, the name itself. */
  readonly node: ts.Node;
  /** The program of the project that owns the site's file: ask its checker about the node. */
  readonly program: ts.Program;
}

/**
 * The workspace's call sites of a function, across files and across projects: each project that compiles
 * the function's file is asked for its references (a project that references another one sees its
 * sources), and each reference is mapped to the syntax tree of the project that owns the reference's file.
 * Answers are kept for one state of the workspace: a change makes a new instance.
 */
export class CallSites {
  private readonly cache = new Map<string, readonly CallSite[] | 'unresolved'>();

  constructor(
    private readonly structure: Structure,
    private readonly mentions: Mentions,
  ) {}

  /** The call sites of the function whose name starts at `nameOffset`; `unresolved` when no project can say. */
  find(file: string, nameOffset: number): readonly CallSite[] | 'unresolved' {
    const key = `${file}#${nameOffset}`;
    let sites = this.cache.get(key);
    if (sites === undefined) {
      sites = this.search(file, nameOffset);
      this.cache.set(key, sites);
    }
    return sites;
  }

  private search(file: string, nameOffset: number): readonly CallSite[] | 'unresolved' {
    return this.searchOwnFile(file, nameOffset) ?? this.searchWorkspace(file, nameOffset);
  }

  /**
   * The common case made cheap: a function whose name no other file of the workspace mentions (in code,
   * comments or strings) can only be used in its own file — unless its file exports it as a default, which
   * other files import under names of their own. Then the function's own file is all there is to read, and
   * the language service's reference search, which maps the imports of every file of the program each time
   * it is asked, is not needed. Undefined: ask the language service.
   */
  private searchOwnFile(file: string, nameOffset: number): readonly CallSite[] | undefined {
    const program = this.structure.owners.get(file)?.program();
    const sourceFile = program?.getSourceFile(file);
    const name = sourceFile && nameAt(sourceFile, nameOffset);
    if (!program || !sourceFile || !name || !ts.isIdentifier(name) || this.mentions.elsewhere(name.text, file)) return undefined;
    const checker = program.getTypeChecker();
    const target = canonical(checker, checker.getSymbolAtLocation(name));
    if (!target || isDefaultExport(name)) return undefined;
    const sites: CallSite[] = [];
    let exported = false;
    const visit = (node: ts.Node): void => {
      if (
        ts.isIdentifier(node) &&
        node.text === name.text &&
        node !== name &&
        canonical(checker, checker.getSymbolAtLocation(node)) === target
      ) {
        if (ts.isExportAssignment(node.parent) || ts.isExportSpecifier(node.parent)) exported = true;
        const site = siteOf(node);
        if (site) sites.push({ node: site, program });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return exported ? undefined : sites;
  }

  private searchWorkspace(file: string, nameOffset: number): readonly CallSite[] | 'unresolved' {
    const sites = new Map<string, CallSite>();
    let answered = false;
    for (const project of this.structure.projects) {
      if (!project.program().getSourceFile(file)) continue;
      const referenced = project.service.findReferences(file, nameOffset);
      if (!referenced) continue;
      answered = true;
      for (const entry of referenced.flatMap((symbol) => symbol.references)) {
        if (entry.isDefinition) continue;
        const at = entry.fileName.replace(/\\/g, '/');
        const id = `${at}#${entry.textSpan.start}`;
        if (sites.has(id)) continue;
        const program = this.structure.owners.get(at)?.program();
        const sourceFile = program?.getSourceFile(at);
        const name = sourceFile && nameAt(sourceFile, entry.textSpan.start);
        const node = name && siteOf(name);
        if (program && node) sites.set(id, { node, program });
      }
    }
    return answered ? [...sites.values()] : 'unresolved';
  }
}

/** The symbol a name stands for, through imports, as the same symbol whichever file asks. */
function canonical(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  if (!symbol) return undefined;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return checker.getExportSymbolOfSymbol(target);
}

/** `export default function f` and `export default class F`: imported under any name. */
function isDefaultExport(name: ts.Node): boolean {
  const declaration = name.parent;
  return ts.canHaveModifiers(declaration) && (ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Default) !== 0;
}

/**
 * The name token that starts at `offset`, or the string whose text does (`o['f']`: references are spans of
 * the text, inside the quotes). References inside JSDoc are not found: they call nothing.
 */
export function nameAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || offset < node.getStart(sourceFile) || offset >= node.end) return;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node)) {
      const start = node.getStart(sourceFile);
      if (start === offset || (ts.isStringLiteralLike(node) && start + 1 === offset)) found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * What a reference means for the function: a call (`f()`, `o.f()`, `o['f']()`, `new F()`), or, for any other value
 * use (`list.forEach(f)`, `register(o.f)`, `{ handler: f }`), the place it is handed on, which is where
 * control will come from as far as anyone can tell. Import and export specifiers and type queries are not
 * sites: the references through them are found on their own.
 */
export function siteOf(name: ts.Node): ts.Node | undefined {
  const parent = name.parent;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent))
    return undefined;
  if (
    ts.isTypeQueryNode(parent) ||
    ts.isQualifiedName(parent) ||
    ts.isTypeReferenceNode(parent) ||
    ts.isExpressionWithTypeArguments(parent)
  )
    return undefined;
  const member =
    (ts.isPropertyAccessExpression(parent) && parent.name === name) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === name);
  let value: ts.Node = member ? parent : name;
  while (ts.isParenthesizedExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const user = value.parent;
  if ((ts.isCallExpression(user) || ts.isNewExpression(user)) && user.expression === value) return user;
  if (ts.isTaggedTemplateExpression(user) && user.tag === value) return user;
  return value;
}
