import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Field } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { Marks, namesMentioned } from '../../base/marks';
import { namesOf } from '../../base/typescript-internals';
import type { FileQuery } from '../query';
import { fieldsCarried, taggedFieldsOfSymbol } from '../symbols';
import { type Escape, escapesOf } from './escapes';

/** A read of a tagged field (docs/annotations.md, "Uses"). A union can make one read touch fields of several schemas. */
export interface FieldRead {
  readonly kind: 'read';
  /** The field name at the use. */
  readonly span: Span;
  readonly fields: readonly Field[];
  /** The function the read is in (a callback written in place belongs to the function around it), or the file. */
  readonly scope: Span;
}

/** `Object.values(v)`, `Object.entries(v)`, `for (k in v)`: every tagged field `v` carries is read. */
export interface Enumeration {
  readonly kind: 'enumeration';
  /** The call, or the loop's head. */
  readonly span: Span;
  readonly fields: readonly Field[];
  readonly how: string;
}

export type Use = FieldRead | Enumeration | Escape;

/**
 * The uses of tagged fields in a file's code: reads (presence tests are not reads), enumerations, spreads,
 * and the schema values the file hands to sinks (`escapesOf`). The one walk that rules about purposes
 * share: those in code with a context are checked against it; those in code with none, against the
 * contexts that reach it (`reachedUsesOf`).
 */
export const usesOf: FileQuery<readonly Use[]> = {
  name: 'uses (prefilter, checker)',
  reads: { types: true },
  compute: (input) => {
    if (input.catalogue.fields.size === 0) return [];
    const escapes = input.query(escapesOf).filter((found) => found.carries === 'value');
    const own = new UseWalker(input.sourceFile, input.program(), input.catalogue, escapes).run(input.sourceFile);
    return [...own, ...escapes].sort((a, b) => a.span.start - b.span.start);
  },
  namedFiles: (uses) => uses.flatMap((use) => use.fields.map((field) => field.file)),
};

/** Calls that read every field of the value they are given. */
const enumerations = new Set(['Object.values', 'Object.entries']);

class UseWalker {
  private readonly checker: ts.TypeChecker;
  private readonly uses: Use[] = [];
  private marks: Marks | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    program: ts.Program,
    private readonly catalogue: Catalogue,
    /** Escapes to sinks: a spread inside a sink's argument is one of them, not a spread of its own. */
    private readonly escapes: readonly Escape[],
  ) {
    this.checker = program.getTypeChecker();
  }

  run(root: ts.Node): Use[] {
    // What the walk looks at: names of tagged fields, spreads, `Object` calls and `for … in` loops; of the
    // names, only those the file's parser saw are looked for in its text.
    const words = namesMentioned(this.sourceFile, this.catalogue.fieldNames);
    if (namesOf(this.sourceFile).has('Object')) words.push('Object');
    this.marks = Marks.ofWords(this.sourceFile.text, [...words, 'in'], { spreads: true });
    this.visit(root);
    return this.uses;
  }

  private readonly visit = (node: ts.Node): void => {
    if (!this.marks!.within(node)) return;
    if (ts.isPropertyAccessExpression(node)) this.propertyAccess(node);
    else if (ts.isElementAccessExpression(node)) this.elementAccess(node);
    else if (ts.isBindingElement(node)) this.bindingElement(node);
    else if (ts.isCallExpression(node)) this.call(node);
    else if (ts.isForInStatement(node)) this.enumeration(node, node.expression, 'for…in', node.statement.pos);
    else if (ts.isSpreadAssignment(node) || ts.isJsxSpreadAttribute(node)) this.spread(node, node.expression);
    ts.forEachChild(node, this.visit);
  };

  private propertyAccess(node: ts.PropertyAccessExpression): void {
    if (!this.catalogue.fieldNames.has(node.name.text) || isWriteOnly(node) || isPresenceTest(node)) return;
    const receiver = () => this.checker.getTypeAtLocation(node.expression);
    this.read(node.name, taggedFieldsOfSymbol(this.checker, this.catalogue, this.checker.getSymbolAtLocation(node.name), receiver));
  }

  private elementAccess(node: ts.ElementAccessExpression): void {
    const argument = node.argumentExpression;
    if (!ts.isStringLiteralLike(argument) || !this.catalogue.fieldNames.has(argument.text) || isWriteOnly(node) || isPresenceTest(node))
      return;
    const receiver = () => this.checker.getTypeAtLocation(node.expression);
    this.read(argument, taggedFieldsOfSymbol(this.checker, this.catalogue, this.checker.getSymbolAtLocation(argument), receiver));
  }

  private bindingElement(node: ts.BindingElement): void {
    if (!ts.isObjectBindingPattern(node.parent)) return;
    const nameNode = node.propertyName ?? node.name;
    const name = ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) ? nameNode.text : undefined;
    if (name === undefined || !this.catalogue.fieldNames.has(name)) return;
    const type = this.checker.getTypeAtLocation(node.parent);
    this.read(
      nameNode,
      constituents(type).flatMap((part) => taggedFieldsOfSymbol(this.checker, this.catalogue, part.getProperty(name), () => part)),
    );
  }

  /** `Object.values(v)`, `Object.entries(v)`; `Object.assign(target, v)` spreads `v`. */
  private call(node: ts.CallExpression): void {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return;
    const name = `Object.${callee.name.text}`;
    if (enumerations.has(name) && node.arguments[0]) this.enumeration(node, node.arguments[0], name, node.end);
    else if (name === 'Object.assign') for (const source of node.arguments.slice(1)) this.spread(source, source);
  }

  private enumeration(at: ts.Node, value: ts.Expression, how: string, end: number): void {
    const fields = fieldsCarried(this.checker, this.catalogue, this.checker.getTypeAtLocation(value));
    if (fields.length > 0)
      this.uses.push({ kind: 'enumeration', span: { start: at.getStart(this.sourceFile), end }, fields: unique(fields), how });
  }

  private spread(anchor: ts.Node, expression: ts.Expression): void {
    const span = spanOf(anchor, this.sourceFile);
    if (this.escapes.some((found) => found.through.some((hop) => hop.span.start <= span.start && span.end <= hop.span.end))) return;
    const fields = fieldsCarried(this.checker, this.catalogue, this.checker.getTypeAtLocation(expression));
    if (fields.length > 0)
      this.uses.push({
        kind: 'escape',
        span,
        value: spanOf(expression, this.sourceFile),
        fields: unique(fields),
        sink: 'a spread',
        through: [],
        carries: 'value',
      });
  }

  private read(name: ts.Node, fields: readonly Field[]): void {
    if (fields.length > 0)
      this.uses.push({ kind: 'read', span: spanOf(name, this.sourceFile), fields: unique(fields), scope: scopeOf(name, this.sourceFile) });
  }
}

/**
 * The function a read is in, for grouping: the nearest function, method or accessor, or function value
 * bound to a name; a callback written in place (`rows.map((r) => r.name)`) belongs to the function around
 * it. The file's top level is the file.
 */
function scopeOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (!ts.isFunctionLike(parent)) continue;
    const bound = ts.isArrowFunction(parent) || ts.isFunctionExpression(parent) ? isBoundToName(parent) : true;
    if (bound) return { start: parent.getStart(sourceFile), end: parent.end };
  }
  return { start: 0, end: sourceFile.end };
}

/** `const f = () => …`, `f: function () …`, `this.f = () => …`: a function value with a name of its own. */
function isBoundToName(value: ts.ArrowFunction | ts.FunctionExpression): boolean {
  if (ts.isFunctionExpression(value) && value.name) return true;
  let node: ts.Node = value;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  const parent = node.parent;
  return (
    (ts.isVariableDeclaration(parent) && parent.initializer === node) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
    (ts.isPropertyDeclaration(parent) && parent.initializer === node) ||
    (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
  );
}

/**
 * A read whose value is only tested is not a use: the operand of `typeof` or `!`, a comparison with `null`
 * or `undefined`, a condition that is nothing but the read (`if (p.photo)`, `p.photo ? … : …`), and the
 * left of `&&`, whose value goes on only when it is empty.
 */
function isPresenceTest(read: ts.Expression): boolean {
  let node: ts.Node = read;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isTypeOfExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return true;
  if ((ts.isConditionalExpression(parent) || ts.isForStatement(parent)) && parent.condition === node) return true;
  if (!ts.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return parent.left === node;
  const comparison =
    operator === ts.SyntaxKind.EqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsToken ||
    operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  return comparison && isAbsent(parent.left === node ? parent.right : parent.left);
}

/** `null`, `undefined`, `void 0`. */
function isAbsent(expression: ts.Expression): boolean {
  let node = expression;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || ts.isVoidExpression(node);
}

/** A plain assignment's target or a `delete` operand is written, not read; `+=` and `++` read too. */
export function isWriteOnly(node: ts.Expression): boolean {
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
