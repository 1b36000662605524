import ts from 'typescript';
import { spanOf } from '../../annotations/extract';
import { isBare, packageOf, type UntypedCause } from '../../base/coverage';
import type { Span } from '../../base/finding';
import { Marks, namesMentioned } from '../../base/marks';
import { resolvedModuleOf } from '../../base/typescript-internals';
import type { FileQuery } from '../query';
import { isWriteOnly } from './uses';

/** A place in a file that was not checked (README, "What a clean run means"), where it is in the file's text. */
export type UncheckedPlace =
  /** A read of a tagged field's name on a value whose type says nothing: it may be personal information. */
  | { readonly kind: 'untyped-read'; readonly span: Span; readonly name: string; readonly cause: UntypedCause }
  /** An import of a package that is not installed (the module specifier). */
  | { readonly kind: 'missing-package'; readonly span: Span; readonly package: string };

/**
 * What in a file the type checker could not follow: reads of the names of tagged fields on values of type
 * `any`, an error type or an unresolved import, and imports of packages that are not installed. A file
 * that mentions no tagged field's name (its parser's table of names says so, without a walk) costs only
 * a look at its imports, and those ask the checker nothing unless a module did not resolve.
 */
export const uncheckedOf: FileQuery<readonly UncheckedPlace[]> = {
  name: 'coverage (prefilter, checker)',
  reads: { types: true, fieldNames: true },
  compute: (input) => {
    const { sourceFile } = input;
    const places: UncheckedPlace[] = missingPackages(sourceFile, input.program);
    const mentioned = namesMentioned(sourceFile, input.fieldNames());
    if (mentioned.length > 0) places.push(...new ReadWalker(sourceFile, input.program(), new Set(mentioned)).run());
    return places.sort((a, b) => a.span.start - b.span.start);
  },
};

/** Imports and re-exports of packages whose module resolution failed, and that no ambient module declares. */
function missingPackages(sourceFile: ts.SourceFile, program: () => ts.Program): UncheckedPlace[] {
  const places: UncheckedPlace[] = [];
  for (const statement of sourceFile.statements) {
    const specifier = moduleSpecifierOf(statement);
    if (!specifier || !isBare(specifier.text) || matchesPathAlias(specifier.text, program().getCompilerOptions())) continue;
    if (resolvedModuleOf(program(), specifier, sourceFile)?.resolvedModule) continue;
    // `declare module 'x'` answers an import that resolution did not: its types are what the project says.
    if (program().getTypeChecker().getSymbolAtLocation(specifier)) continue;
    places.push({ kind: 'missing-package', span: spanOf(specifier, sourceFile), package: packageOf(specifier.text) });
  }
  return places;
}

function moduleSpecifierOf(statement: ts.Statement): ts.StringLiteral | undefined {
  const specifier =
    ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
      ? statement.moduleSpecifier
      : ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)
        ? statement.moduleReference.expression
        : undefined;
  return specifier && ts.isStringLiteral(specifier) ? specifier : undefined;
}

/** A specifier that a `paths` mapping claims is the project's own module, not a package, even when unresolved. */
function matchesPathAlias(specifier: string, options: ts.CompilerOptions): boolean {
  return Object.keys(options.paths ?? {}).some((pattern) => {
    const star = pattern.indexOf('*');
    if (star === -1) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
  });
}

/**
 * The walk for reads of tagged names on untyped values, through the subtrees that hold one of the names
 * (`Marks`). A read whose name resolves to a property is typed, and costs one question the uses walk has
 * often asked already; only the others ask for the type of the value read.
 */
class ReadWalker {
  private readonly checker: ts.TypeChecker;
  private readonly found: UncheckedPlace[] = [];
  private readonly marks: Marks;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    program: ts.Program,
    private readonly names: ReadonlySet<string>,
  ) {
    this.checker = program.getTypeChecker();
    this.marks = Marks.ofWords(sourceFile.text, names);
  }

  run(): UncheckedPlace[] {
    this.visit(this.sourceFile);
    return this.found;
  }

  private readonly visit = (node: ts.Node): void => {
    if (!this.marks.within(node)) return;
    if (ts.isPropertyAccessExpression(node)) {
      if (this.names.has(node.name.text) && !isWriteOnly(node)) this.read(node.name, node.name.text, node.expression);
    } else if (ts.isElementAccessExpression(node)) {
      const argument = node.argumentExpression;
      if (ts.isStringLiteralLike(argument) && this.names.has(argument.text) && !isWriteOnly(node))
        this.read(argument, argument.text, node.expression);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) this.binding(node);
    ts.forEachChild(node, this.visit);
  };

  /** `const { name } = value`, `function f({ name }) {}`: a read of `name` on what the pattern takes apart. */
  private binding(node: ts.BindingElement): void {
    const nameNode = node.propertyName ?? node.name;
    if (!(ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode)) || !this.names.has(nameNode.text)) return;
    const type = this.checker.getTypeAtLocation(node.parent);
    if (!(type.flags & ts.TypeFlags.Any)) return;
    const declaration = node.parent.parent;
    const initializer = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    this.found.push({
      kind: 'untyped-read',
      span: spanOf(nameNode, this.sourceFile),
      name: nameNode.text,
      cause: this.causeOf(type, initializer),
    });
  }

  private read(nameNode: ts.Node, name: string, value: ts.Expression): void {
    if (this.checker.getSymbolAtLocation(nameNode)) return;
    const type = this.checker.getTypeAtLocation(value);
    if (!(type.flags & ts.TypeFlags.Any)) return;
    this.found.push({ kind: 'untyped-read', span: spanOf(nameNode, this.sourceFile), name, cause: this.causeOf(type, value) });
  }

  /** Why a value's type says nothing: it comes from an import that did not resolve, it is `any`, or an error type. */
  private causeOf(type: ts.Type, value: ts.Expression | undefined): UntypedCause {
    const module = value && this.unresolvedImportOf(value);
    if (module !== undefined) return { type: 'unresolved-import', module };
    return type === this.checker.getAnyType() ? { type: 'any' } : { type: 'error' };
  }

  /** The module of the import the value starts from (`lib` in `lib.people.get().name`), when it does not resolve. */
  private unresolvedImportOf(value: ts.Expression): string | undefined {
    let root: ts.Expression = value;
    while (
      ts.isPropertyAccessExpression(root) ||
      ts.isElementAccessExpression(root) ||
      ts.isCallExpression(root) ||
      ts.isNonNullExpression(root) ||
      ts.isParenthesizedExpression(root) ||
      ts.isAsExpression(root)
    )
      root = root.expression;
    if (!ts.isIdentifier(root)) return undefined;
    const symbol = this.checker.getSymbolAtLocation(root);
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
    for (const declaration of symbol.declarations ?? []) {
      const specifier = importSpecifierOf(declaration);
      if (specifier && !this.checker.getSymbolAtLocation(specifier)) return specifier.text;
    }
    return undefined;
  }
}

/** The module specifier of the import a local name is bound by (`import x from`, `{ x }`, `* as x`, `import x = require()`). */
function importSpecifierOf(declaration: ts.Declaration): ts.StringLiteral | undefined {
  let node: ts.Node = declaration;
  while (!ts.isSourceFile(node) && !ts.isImportDeclaration(node) && !ts.isImportEqualsDeclaration(node)) node = node.parent;
  if (ts.isImportDeclaration(node)) return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier : undefined;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
    return ts.isStringLiteral(node.moduleReference.expression) ? node.moduleReference.expression : undefined;
  return undefined;
}
