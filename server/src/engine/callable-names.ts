import ts from 'typescript';

/** A function, method or class that code can call by name, and its extent in the file. */
export interface CallableCode {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Each file's callable code, found once per syntax tree: an unchanged file keeps its tree across edits. */
const codeOfTree = new WeakMap<ts.SourceFile, readonly CallableCode[]>();

/**
 * The code of a file that other code can call by name: functions, classes, function values bound to a
 * name, their methods and those of object literals, at a module's top level (or a namespace's). A function
 * declared inside another is walked with it. Read from the declarations' syntax alone — no walk of function
 * bodies — and kept per syntax tree.
 */
export function callableCodeOf(sourceFile: ts.SourceFile): readonly CallableCode[] {
  let code = codeOfTree.get(sourceFile);
  if (!code) {
    const found: CallableCode[] = [];
    collect(sourceFile.statements, found);
    code = found;
    codeOfTree.set(sourceFile, code);
  }
  return code;
}

function collect(statements: ts.NodeArray<ts.Statement>, found: CallableCode[]): void {
  const add = (name: string, node: ts.Node) => found.push({ name, start: node.pos, end: node.end });
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, statement);
    else if (ts.isClassDeclaration(statement)) collectClass(statement, found);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const value = skipParentheses(declaration.initializer);
        if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) add(declaration.name.text, declaration);
        else if (ts.isClassExpression(value)) collectClass(value, found, declaration.name.text);
        else if (ts.isObjectLiteralExpression(value)) collectObject(value, found);
      }
    } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body))
      collect(statement.body.statements, found);
  }
}

function collectClass(node: ts.ClassLikeDeclaration, found: CallableCode[], bound?: string): void {
  const name = node.name?.text ?? bound;
  if (name) found.push({ name, start: node.pos, end: node.end });
  for (const member of node.members) {
    if (ts.isConstructorDeclaration(member)) continue;
    const text = member.name && textOf(member.name);
    if (!text) continue;
    const callable =
      ts.isMethodDeclaration(member) ||
      ts.isAccessor(member) ||
      (ts.isPropertyDeclaration(member) && !!member.initializer && isFunction(member.initializer));
    if (callable) found.push({ name: text, start: member.pos, end: member.end });
  }
}

function collectObject(node: ts.ObjectLiteralExpression, found: CallableCode[]): void {
  for (const property of node.properties) {
    const text = property.name && textOf(property.name);
    if (!text) continue;
    const callable =
      ts.isMethodDeclaration(property) ||
      ts.isAccessor(property) ||
      (ts.isPropertyAssignment(property) && isFunction(property.initializer));
    if (callable) found.push({ name: text, start: property.pos, end: property.end });
  }
}

function isFunction(node: ts.Expression): boolean {
  const value = skipParentheses(node);
  return ts.isArrowFunction(value) || ts.isFunctionExpression(value);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let value = node;
  while (ts.isParenthesizedExpression(value)) value = value.expression;
  return value;
}

function textOf(name: ts.Node): string | undefined {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
