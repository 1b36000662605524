import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Field } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { Marks } from '../../base/marks';
import type { FileQuery } from '../query';
import { fieldsOfSymbol } from '../symbols';

/** A read of a tagged field (docs/annotations.md, "Uses"). A union can make one read touch fields of several schemas. */
interface FieldRead {
  readonly kind: 'read';
  /** The field name at the use. */
  readonly span: Span;
  readonly fields: readonly Field[];
}

/** A value carrying tagged fields handed whole to a sink or spread into an object: a use of each field. */
interface Escape {
  readonly kind: 'escape';
  /** The escaping expression. */
  readonly span: Span;
  readonly fields: readonly Field[];
  /** What it escapes into, for the message: `console.log`, `JSON.stringify`, `mailer.send`, `a spread`. */
  readonly sink: string;
}

export type Use = FieldRead | Escape;

/** The uses of tagged fields in a file: the one walk that rules about purposes share. */
export const usesOf: FileQuery<readonly Use[]> = {
  name: 'uses (prefilter, checker)',
  reads: { types: true },
  compute: (input) => collectUses(input.sourceFile, input.program, input.catalogue),
  namedFiles: (uses) => uses.flatMap((use) => use.fields.map((field) => field.file)),
};

/** Standard-library calls that hand a value to the outside world, by the name of their last member. */
const libSinkMembers = new Set(['postMessage', 'setItem', 'send']);
/** Every name `sinkName` can recognise a sink by, besides the local names of packages' imports. */
const sinkWords = new Set(['console', 'JSON', 'fetch', ...libSinkMembers]);

/**
 * The one walk over a file that finds uses of tagged fields. It only runs in files that have a context
 * (code with `@purpose`), and asks the checker only about names that are names of tagged fields and about
 * the arguments of calls that can be sinks, never about every expression.
 */
function collectUses(sourceFile: ts.SourceFile, program: () => ts.Program, catalogue: Catalogue): Use[] {
  const contexts = catalogue.contextsOf(sourceFile.fileName).filter((context) => context.purposes);
  if (contexts.length === 0 || catalogue.fields.size === 0) return [];
  return new UseWalker(sourceFile, program(), catalogue).run();
}

class UseWalker {
  private readonly checker: ts.TypeChecker;
  private readonly uses: Use[] = [];
  /** Local names bound by imports of packages (`import x from 'pkg'`): calls through them leave the workspace. */
  private readonly packageImports = new Map<string, string>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly program: ts.Program,
    private readonly catalogue: Catalogue,
  ) {
    this.checker = program.getTypeChecker();
  }

  run(): Use[] {
    this.readPackageImports();
    // What the walk looks at: names of tagged fields, names that can start or end a sink's callee, spreads.
    // One pattern of those words, not every word of the file tested against them: no match is allocated
    // for the words that do not count, which are most.
    const words = [...this.catalogue.fieldNames, ...sinkWords, ...this.packageImports.keys()];
    this.marks = Marks.of(this.sourceFile.text, wordsPattern(words));
    this.visit(this.sourceFile);
    return this.uses;
  }

  private marks: Marks | undefined;

  private readonly visit = (node: ts.Node): void => {
    if (!this.marks!.within(node)) return;
    if (ts.isPropertyAccessExpression(node)) this.propertyAccess(node);
    else if (ts.isElementAccessExpression(node)) this.elementAccess(node);
    else if (ts.isBindingElement(node)) this.bindingElement(node);
    else if (ts.isCallExpression(node)) this.call(node);
    else if (ts.isSpreadAssignment(node) || ts.isJsxSpreadAttribute(node)) this.escape(node, node.expression, 'a spread');
    ts.forEachChild(node, this.visit);
  };

  private propertyAccess(node: ts.PropertyAccessExpression): void {
    if (!this.catalogue.fieldNames.has(node.name.text) || isWriteOnly(node)) return;
    this.read(node.name, this.fieldsOfSymbol(this.checker.getSymbolAtLocation(node.name)));
  }

  private elementAccess(node: ts.ElementAccessExpression): void {
    const argument = node.argumentExpression;
    if (!ts.isStringLiteralLike(argument) || !this.catalogue.fieldNames.has(argument.text) || isWriteOnly(node)) return;
    this.read(argument, this.fieldsOfSymbol(this.checker.getSymbolAtLocation(argument)));
  }

  private bindingElement(node: ts.BindingElement): void {
    if (!ts.isObjectBindingPattern(node.parent)) return;
    const nameNode = node.propertyName ?? node.name;
    const name = ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) ? nameNode.text : undefined;
    if (name === undefined || !this.catalogue.fieldNames.has(name)) return;
    const type = this.checker.getTypeAtLocation(node.parent);
    this.read(
      nameNode,
      constituents(type).flatMap((part) => this.fieldsOfSymbol(part.getProperty(name))),
    );
  }

  private call(node: ts.CallExpression): void {
    if (node.arguments.length === 0) return;
    const sink = this.sinkName(node.expression);
    if (!sink) return;
    for (const argument of node.arguments) this.escape(argument, ts.isSpreadElement(argument) ? argument.expression : argument, sink);
  }

  private escape(anchor: ts.Node, expression: ts.Expression, sink: string): void {
    const value = withoutAssertions(expression);
    if (ts.isLiteralExpression(value) || ts.isObjectLiteralExpression(value) || ts.isArrowFunction(value) || ts.isFunctionExpression(value))
      return;
    const fields = this.fieldsCarried(this.checker.getTypeAtLocation(value), 0);
    if (fields.length > 0) this.uses.push({ kind: 'escape', span: spanOf(anchor, this.sourceFile), fields: unique(fields), sink });
  }

  private read(name: ts.Node, fields: readonly Field[]): void {
    if (fields.length > 0) this.uses.push({ kind: 'read', span: spanOf(name, this.sourceFile), fields: unique(fields) });
  }

  /** What a callee is, when it is a sink: a standard one (docs/rules/use-beyond-purpose.md, "What counts as a use") or any function of a package. */
  private sinkName(callee: ts.Expression): string | undefined {
    const path = calleePath(callee);
    if (!path) return undefined;
    const [root, ...members] = path;
    const last = members[members.length - 1] ?? root!;
    const text = path.join('.');
    if (root === 'console' && members.length === 1) return text;
    if (text === 'JSON.stringify') return text;
    if (last === 'fetch' && (members.length === 0 || root === 'window' || root === 'globalThis')) return text;
    if (this.packageImports.has(root!)) return text;
    if (libSinkMembers.has(last) && this.isDeclaredInStandardLibrary(callee)) return text;
    return undefined;
  }

  private isDeclaredInStandardLibrary(callee: ts.Expression): boolean {
    const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    return !!symbol?.declarations?.some((declaration) => this.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
  }

  /** Tagged fields a value of this type carries at its top level: the type's own, its union members', its elements'. */
  private fieldsCarried(type: ts.Type, depth: number): Field[] {
    if (depth > 3) return [];
    if (type.isUnionOrIntersection()) return type.types.flatMap((part) => this.fieldsCarried(part, depth + 1));
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      return this.checker.getTypeArguments(type as ts.TypeReference).flatMap((element) => this.fieldsCarried(element, depth + 1));
    }
    if (!(type.flags & ts.TypeFlags.Object)) return [];
    return this.checker
      .getPropertiesOfType(type)
      .filter((property) => this.catalogue.fieldNames.has(property.name))
      .flatMap((property) => this.fieldsOfSymbol(property));
  }

  /** The tagged fields (not the consent-only ones) a property symbol stands for. */
  private fieldsOfSymbol(symbol: ts.Symbol | undefined): Field[] {
    return fieldsOfSymbol(this.checker, this.catalogue, symbol).filter((field) => field.kinds.length > 0);
  }

  private readPackageImports(): void {
    for (const statement of this.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly || module.startsWith('.') || module.startsWith('/')) continue;
      if (clause.name) this.packageImports.set(clause.name.text, module);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) this.packageImports.set(bindings.name.text, module);
      else if (bindings)
        for (const element of bindings.elements) if (!element.isTypeOnly) this.packageImports.set(element.name.text, module);
    }
  }
}

/** Spreads and the whole words given. Files of a run ask for a few sets of words: their patterns are kept. */
const patterns = new Map<string, RegExp>();

function wordsPattern(words: readonly string[]): RegExp {
  const key = words.join(' ');
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size >= 64) patterns.clear();
    const alternatives = words.map((word) => word.replace(/\$/g, '\\$')).join('|');
    pattern = new RegExp(`\\.\\.\\.|(?<![\\w$])(?:${alternatives})(?![\\w$])`, 'g');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** `a.b.c(...)` as `['a', 'b', 'c']`; undefined for callees that are not a plain name path. */
function calleePath(callee: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(callee)) return [callee.text];
  if (ts.isPropertyAccessExpression(callee)) {
    const head = calleePath(callee.expression);
    return head && [...head, callee.name.text];
  }
  if (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) return calleePath(callee.expression);
  return undefined;
}

/** `p as unknown as string` is still `p` when it runs: escapes look through assertions and parentheses. */
function withoutAssertions(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (
    ts.isAsExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isParenthesizedExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}

/** A plain assignment's target or a `delete` operand is written, not read; `+=` and `++` read too. */
function isWriteOnly(node: ts.Expression): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isDeleteExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.left === child && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function constituents(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

function unique(fields: readonly Field[]): Field[] {
  return [...new Map(fields.map((field) => [field.key, field])).values()];
}
