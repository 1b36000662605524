import ts from 'typescript';

/**
 * What a file takes from the rest of the workspace, as far as caching its findings goes: the files it
 * imports (static imports and exports, `import()` and `require()` with a literal, `import('…')` types), or
 * `global` when the file can reach, or be reached by, every file — a script (no import or export: its
 * declarations are global), global or ambient module declarations, triple-slash references, an import
 * whose module is not a literal.
 */
export type Imports = { readonly kind: 'files'; readonly files: readonly string[] } | { readonly kind: 'global' };

export function importsOf(sourceFile: ts.SourceFile, program: ts.Program): Imports {
  const text = sourceFile.text;
  if (!ts.isExternalModule(sourceFile) || /\bdeclare\s+(?:global|module)\b|\/\/\/\s*<reference\b/.test(text)) return { kind: 'global' };
  const checker = program.getTypeChecker();
  const files = new Set<string>();
  let global = false;
  const add = (specifier: ts.Expression | undefined) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) {
      global = true;
      return;
    }
    const module = checker.getSymbolAtLocation(specifier);
    const declaration = module?.valueDeclaration ?? module?.declarations?.[0];
    if (declaration && ts.isSourceFile(declaration)) files.add(declaration.fileName);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier) add(statement.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression);
    }
  }
  // Dynamic imports and import types can be anywhere; only files that spell one are walked.
  if (/\bimport\s*\(|\brequire\s*\(/.test(text)) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression);
      else if (
        ts.isCallExpression(node) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
      )
        add(node.arguments[0]);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return global ? { kind: 'global' } : { kind: 'files', files: [...files] };
}
