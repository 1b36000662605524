import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Field } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { namesOf } from '../../base/typescript-internals';
import { nameAt } from '../call-sites';
import { adultAge, type ConsentKind, type Guards, isOuter, skipOuter, type Verdict } from '../guards';
import type { FileQuery } from '../query';
import { fieldsOfSymbol } from '../symbols';

/**
 * A write of data whose collection needs consent (docs/annotations.md, "Collections"): facial data of
 * schemas that may describe children, guarded by a parent's consent (or an age check); special
 * care-required data, guarded by the individual's own consent. With whether such a check guards it.
 */
export interface Collection {
  readonly kind: 'facial' | 'specialCare';
  /** The field's name at the write. */
  readonly span: Span;
  /** The fields of the kind written: `@facial` fields of schemas without `@minimumAge` 16 or more, or `@specialCare` fields. */
  readonly fields: readonly Field[];
  readonly verdict: Verdict;
}

/** The consent each kind of collection needs. */
const consentFor: Readonly<Record<Collection['kind'], ConsentKind>> = { facial: 'parental', specialCare: 'individual' };

/**
 * The collections of facial data of children in a file, with their guard verdicts. The verdicts ask how
 * the file's functions are called elsewhere, when the file collects anything at all.
 */
export const collectionsOf: FileQuery<readonly Collection[]> = {
  name: 'collections and guards (checker)',
  reads: { types: true, callers: true },
  compute: (input) => collectCollections(input.sourceFile, input.program, input.catalogue, input.guards, 'facial'),
  namedFiles: (collections) => collections.flatMap((collection) => collection.fields.map((field) => field.file)),
};

/**
 * The collections of special care-required data in a file, with their guard verdicts: a query of its own,
 * asked only where `special-care-consent` applies (not in an administrative organ's workspace).
 */
export const specialCareCollectionsOf: FileQuery<readonly Collection[]> = {
  name: 'special care collections and guards (checker)',
  reads: { types: true, callers: true },
  compute: (input) => collectCollections(input.sourceFile, input.program, input.catalogue, input.guards, 'specialCare'),
  namedFiles: (collections) => collections.flatMap((collection) => collection.fields.map((field) => field.file)),
};

/**
 * Finds the collections of facial data in a file. Runs in every file that mentions the name of a facial
 * field (of a schema that may describe children), and asks the checker only about those names.
 */
function collectCollections(
  sourceFile: ts.SourceFile,
  program: () => ts.Program,
  catalogue: Catalogue,
  guards: () => Guards,
  kind: Collection['kind'],
): Collection[] {
  const names = new Set<string>();
  for (const field of catalogue.fields.values()) if (kindOf(field, catalogue) === kind) names.add(field.name);
  const mentioned = namesOf(sourceFile);
  if (![...names].some((name) => mentioned.has(name))) return [];
  return new CollectionWalker(sourceFile, program(), catalogue, guards, names, kind).run();
}

function isChildFacial(field: Field, catalogue: Catalogue): boolean {
  return field.kinds.some((kind) => kind.tag === 'facial') && (catalogue.schemaOf(field).minimumAge?.value ?? 0) < adultAge;
}

/** Which kind of collection writing this field is, if any. */
function kindOf(field: Field, catalogue: Catalogue): Collection['kind'] | undefined {
  if (isChildFacial(field, catalogue)) return 'facial';
  return field.kinds.some((kind) => kind.tag === 'specialCare') ? 'specialCare' : undefined;
}

class CollectionWalker {
  private readonly checker: ts.TypeChecker;
  private readonly found: Collection[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly program: ts.Program,
    private readonly catalogue: Catalogue,
    private readonly guards: () => Guards,
    private readonly names: ReadonlySet<string>,
    private readonly kind: Collection['kind'],
  ) {
    this.checker = program.getTypeChecker();
  }

  run(): Collection[] {
    this.visit(this.sourceFile);
    return this.found;
  }

  private readonly visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && !isAssignmentPattern(node)) this.objectLiteral(node);
    else if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) this.assignment(node);
    ts.forEachChild(node, this.visit);
  };

  /** `{ facePhoto: photo }` where the literal's contextual type has the facial field. */
  private objectLiteral(literal: ts.ObjectLiteralExpression): void {
    let contextual: ts.Type | undefined;
    for (const property of literal.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = propertyName(property.name);
      if (name === undefined || !this.names.has(name)) continue;
      if (ts.isPropertyAssignment(property) && isAbsent(property.initializer)) continue;
      // A library schema's literal (a Zod object, a Drizzle table) declares the field: it collects nothing.
      if (this.catalogue.fields.has(`${this.sourceFile.fileName}#${property.name.getStart(this.sourceFile)}`)) continue;
      contextual ??= this.checker.getContextualType(literal);
      if (!contextual) return;
      const parts = contextual.isUnion() ? contextual.types : [contextual];
      const fields = parts.flatMap((part) => this.collectedFields(part.getProperty(name)));
      if (fields.length > 0) this.collect(property.name, property, fields);
    }
  }

  /** `x.facePhoto = v`, `x['facePhoto'] ??= v`, and the targets of `({ photo: x.facePhoto } = v)`. */
  private assignment(node: ts.BinaryExpression): void {
    const target = skipOuter(node.left);
    if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) for (const access of patternTargets(target)) this.write(access, undefined);
      return;
    }
    if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isAbsent(node.right)) return;
    this.write(target, node);
  }

  private write(target: ts.Expression, assignment: ts.BinaryExpression | undefined): void {
    const name = ts.isPropertyAccessExpression(target)
      ? target.name
      : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)
        ? target.argumentExpression
        : undefined;
    if (!name || !this.names.has(name.text)) return;
    const fields = this.collectedFields(this.checker.getSymbolAtLocation(name));
    if (fields.length > 0) this.collect(name, assignment ?? target, fields);
  }

  private collect(name: ts.Node, at: ts.Node, fields: readonly Field[]): void {
    const unique = [...new Map(fields.map((field) => [field.key, field])).values()];
    const verdict = this.guards().check(at, this.program, consentFor[this.kind]);
    this.found.push({ kind: this.kind, span: spanOf(name, this.sourceFile), fields: unique, verdict });
  }

  private collectedFields(symbol: ts.Symbol | undefined): Field[] {
    return fieldsOfSymbol(this.checker, this.catalogue, symbol).filter((field) => kindOf(field, this.catalogue) === this.kind);
  }
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** `undefined`, `null` and `void 0`: setting these clears the field, it collects nothing. */
function isAbsent(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || ts.isVoidExpression(node);
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** An object or array literal on the left of `=` (or nested in one) is a pattern of targets, not a value. */
function isAssignmentPattern(literal: ts.Expression): boolean {
  let node: ts.Node = literal;
  for (;;) {
    const parent = node.parent;
    const climbs =
      ts.isParenthesizedExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === node);
    if (climbs) node = parent;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left === node;
    else if (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) return parent.initializer === node;
    else return false;
  }
}

/** The property and element accesses a destructuring assignment writes to. */
function patternTargets(pattern: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression): ts.Expression[] {
  const targets: ts.Expression[] = [];
  const visit = (node: ts.Expression): void => {
    const target = skipOuter(node);
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) targets.push(target);
    else if (ts.isObjectLiteralExpression(target)) {
      for (const property of target.properties) {
        if (ts.isPropertyAssignment(property)) visit(property.initializer);
        else if (ts.isSpreadAssignment(property)) visit(property.expression);
      }
    } else if (ts.isArrayLiteralExpression(target)) target.elements.forEach(visit);
    else if (ts.isSpreadElement(target)) visit(target.expression);
    else if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) visit(target.left);
  };
  visit(pattern);
  return targets;
}

/** A write of a field, as the walker finds it: what is written, and where a check before it would go. */
export interface WriteSite {
  /** The assignment, or the property of the object literal. */
  readonly at: ts.Node;
  readonly literal?: ts.ObjectLiteralExpression;
  /** For an assignment, the object written to. */
  readonly object?: ts.Expression;
}

/**
 * The write whose field name starts at `offset`, found again from the name, as fixes are planned against
 * the current text: the property of an object literal, or the target of an assignment (or of a
 * destructuring assignment, which writes without an assignment of its own).
 */
export function writeSiteAt(sourceFile: ts.SourceFile, offset: number): WriteSite | undefined {
  const name = nameAt(sourceFile, offset);
  const parent = name?.parent;
  if (!name || !parent) return undefined;
  if (
    (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) &&
    parent.name === name &&
    ts.isObjectLiteralExpression(parent.parent)
  ) {
    return { at: parent, literal: parent.parent };
  }
  const target =
    ts.isPropertyAccessExpression(parent) && parent.name === name
      ? parent
      : ts.isElementAccessExpression(parent) && parent.argumentExpression === name
        ? parent
        : undefined;
  if (!target) return undefined;
  let outer: ts.Node = target;
  while (isOuter(outer.parent)) outer = outer.parent;
  const assignment = outer.parent;
  const assigns = ts.isBinaryExpression(assignment) && assignment.left === outer && isAssignmentOperator(assignment.operatorToken.kind);
  return { at: assigns ? assignment : target, object: target.expression };
}
