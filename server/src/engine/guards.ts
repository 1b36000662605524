import ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { CodeContext, Field } from '../annotations/model';
import type { CallSites } from './call-sites';
import { fieldsOfSymbol } from './symbols';

/**
 * How far callers are followed before a collection is taken as unguarded: levels of callers, and call
 * sites looked at for one collection. Both are generous for application code; past them, a finding says
 * that the callers could not all be followed rather than guessing.
 */
export const guardBounds = { depth: 8, sites: 200 } as const;

/** The age from which a parent's consent is no longer needed for a child's facial data (the 2026 amendment, Act No. 56 of 2026). */
export const adultAge = 16;

export type Verdict = { readonly guarded: true } | { readonly guarded: false; readonly why?: 'no-callers' | 'bounded' | 'unresolved' };

/** Why a write counts as unguarded when its callers decided it, as a clause for a message (empty otherwise). */
export function unguardedWhy(verdict: Verdict): string {
  if (verdict.guarded || !verdict.why) return '';
  switch (verdict.why) {
    case 'no-callers':
      return ': the function that collects it is called nowhere in the workspace, so it may be called from anywhere';
    case 'bounded':
      return `: its callers were followed ${guardBounds.depth} levels and ${guardBounds.sites} call sites deep, and no further`;
    case 'unresolved':
      return ': the callers of the function that collects it could not be found';
  }
}

/**
 * Whose consent a check is about: a parent's or legal representative's (`@parentalConsent`, for the facial
 * data of children; an age check of 16 or more counts too), or the individual's own (`@consent`, for
 * acquiring special care-required data).
 */
export type ConsentKind = 'parental' | 'individual';

/** Whether a field records consent of the kind. */
export function recordsConsent(kind: ConsentKind, field: Field): boolean {
  return kind === 'parental' ? field.parentalConsent : field.consent;
}

/** Whether code (a function) checks consent of the kind. */
export function checksConsent(kind: ConsentKind, context: CodeContext): boolean {
  return kind === 'parental' ? context.parentalConsent : context.consent;
}

/** Every value a check at a place can have; `cycle` is only ever seen inside the search (see `entered`). */
interface Outcome {
  readonly value: 'guarded' | 'unguarded' | 'cycle';
  readonly why?: 'no-callers' | 'bounded' | 'unresolved';
  /** False when the outcome depends on where the search came from (a cycle, a bound): not cached. */
  readonly stable: boolean;
}

interface Search {
  readonly visiting: Set<string>;
  sites: number;
}

const guarded: Outcome = { value: 'guarded', stable: true };
const unguarded: Outcome = { value: 'unguarded', stable: true };

/**
 * Whether a consent check of a kind dominates a place (docs/annotations.md, "Consent checks"): a branch of
 * `if`, `?:`, `&&`, `||` or a `switch` case whose condition, with its polarity, means that consent was
 * given; an earlier early-exit `if` or consent assertion in an enclosing block; or, at a function's
 * boundary, every call site of the function in the workspace, guarded in turn. Verdicts about functions
 * are kept for one state of the workspace, per kind.
 */
export class Guards {
  private readonly functions = new Map<string, Outcome>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly callSites: CallSites,
  ) {}

  check(node: ts.Node, program: ts.Program, kind: ConsentKind = 'parental'): Verdict {
    const outcome = this.at(node, program.getTypeChecker(), kind, 0, { visiting: new Set(), sites: 0 });
    if (outcome.value === 'guarded') return { guarded: true };
    // Only a cycle reached this function: recursion on its own guards nothing.
    return outcome.why ? { guarded: false, why: outcome.why } : { guarded: false };
  }

  private at(node: ts.Node, checker: ts.TypeChecker, kind: ConsentKind, depth: number, search: Search): Outcome {
    const conditions = new Conditions(this.catalogue, checker, kind);
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (conditions.dominates(parent, child)) return guarded;
      if (!ts.isFunctionLike(parent)) continue;
      const name = functionName(parent);
      // A function value with no name of its own (a callback written in place) runs where it is written.
      if (!name && (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent))) continue;
      return name ? this.entered(name, kind, depth, search) : { ...unguarded, why: 'unresolved' };
    }
    return unguarded;
  }

  /**
   * A function is guarded when every one of its call sites is, and at least one is outside a cycle of
   * calls: a call site inside the cycle being searched neither guards nor unguards (`cycle`). With no call
   * site in the workspace it may be called from anywhere: unguarded.
   */
  private entered(name: ts.Node, kind: ConsentKind, depth: number, search: Search): Outcome {
    const sourceFile = name.getSourceFile();
    const key = `${kind} ${sourceFile.fileName}#${name.getStart(sourceFile)}`;
    if (search.visiting.has(key)) return { value: 'cycle', stable: false };
    const known = this.functions.get(key);
    if (known) return known;
    if (depth >= guardBounds.depth) return { value: 'unguarded', why: 'bounded', stable: false };
    const sites = this.callSites.find(sourceFile.fileName, name.getStart(sourceFile));
    if (sites === 'unresolved') return this.remember(key, { ...unguarded, why: 'unresolved' });
    if (sites.length === 0) return this.remember(key, { ...unguarded, why: 'no-callers' });
    search.sites += sites.length;
    if (search.sites > guardBounds.sites) return { value: 'unguarded', why: 'bounded', stable: false };
    search.visiting.add(key);
    let outcome: Outcome = { value: 'cycle', stable: true };
    for (const site of sites) {
      const found = this.at(site.node, site.program.getTypeChecker(), kind, depth + 1, search);
      if (found.value === 'unguarded') {
        outcome = found;
        break;
      }
      outcome = {
        value: found.value === 'guarded' || outcome.value === 'guarded' ? 'guarded' : 'cycle',
        stable: outcome.stable && found.stable,
      };
    }
    search.visiting.delete(key);
    return outcome.stable ? this.remember(key, outcome) : outcome;
  }

  private remember(key: string, outcome: Outcome): Outcome {
    this.functions.set(key, outcome);
    return outcome;
  }
}

/** The name by which a function is called: its own, or the variable or property it is bound to. */
export function functionName(node: ts.SignatureDeclaration): ts.Node | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node.name;
  if (ts.isConstructorDeclaration(node)) return node.parent.name;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
      return parent.initializer === node &&
        !ts.isComputedPropertyName(parent.name) &&
        !ts.isObjectBindingPattern(parent.name) &&
        !ts.isArrayBindingPattern(parent.name)
        ? parent.name
        : undefined;
    }
  }
  return undefined;
}

/** Reading conditions for what they say about consent of one kind, with one checker. */
class Conditions {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly checker: ts.TypeChecker,
    private readonly kind: ConsentKind,
  ) {}

  /** Whether reaching `child` through `parent` means that consent was checked and given. */
  dominates(parent: ts.Node, child: ts.Node): boolean {
    if (ts.isIfStatement(parent)) {
      return (
        (child === parent.thenStatement && this.consent(parent.expression, true)) ||
        (child === parent.elseStatement && this.consent(parent.expression, false))
      );
    }
    if (ts.isConditionalExpression(parent)) {
      return (
        (child === parent.whenTrue && this.consent(parent.condition, true)) ||
        (child === parent.whenFalse && this.consent(parent.condition, false))
      );
    }
    if (ts.isBinaryExpression(parent) && child === parent.right) {
      const operator = parent.operatorToken.kind;
      return (
        (operator === ts.SyntaxKind.AmpersandAmpersandToken && this.consent(parent.left, true)) ||
        (operator === ts.SyntaxKind.BarBarToken && this.consent(parent.left, false))
      );
    }
    if (ts.isCaseClause(parent) && parent.statements.some((statement) => statement === child) && this.caseGuards(parent)) return true;
    if (isStatementList(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (this.guardsTheRest(statement)) return true;
      }
    }
    return false;
  }

  /**
   * `switch (child.consent) { case true: … }`: a case of `true` (or `false`) on a consent value, which no
   * case before it falls through into.
   */
  private caseGuards(clause: ts.CaseClause): boolean {
    const literal = literalOf(clause.expression);
    if (literal !== 'true' && literal !== 'false') return false;
    const clauses = clause.parent.clauses;
    const before = clauses[clauses.indexOf(clause) - 1];
    const last = before?.statements[before.statements.length - 1];
    if (before && !(last && this.exits(last))) return false;
    return this.consent(clause.parent.parent.expression, literal === 'true');
  }

  /** `if (!consent) return;`, `if (consent) {…} else throw …`, `assertConsent(child);` */
  private guardsTheRest(statement: ts.Statement): boolean {
    if (ts.isIfStatement(statement)) {
      const thenExits = this.exits(statement.thenStatement);
      const elseExits = statement.elseStatement !== undefined && this.exits(statement.elseStatement);
      if (thenExits && !elseExits) return this.consent(statement.expression, false);
      if (elseExits && !thenExits) return this.consent(statement.expression, true);
      return false;
    }
    if (!ts.isExpressionStatement(statement)) return false;
    const call = skipOuter(statement.expression);
    const declaration = ts.isCallExpression(call) ? this.consentFunction(call) : undefined;
    return (
      !!declaration && !!declaration.type && ts.isTypePredicateNode(declaration.type) && declaration.type.assertsModifier !== undefined
    );
  }

  /** A statement after which the code that follows it does not run. */
  private exits(statement: ts.Statement): boolean {
    if (
      ts.isReturnStatement(statement) ||
      ts.isThrowStatement(statement) ||
      ts.isContinueStatement(statement) ||
      ts.isBreakStatement(statement)
    )
      return true;
    if (ts.isBlock(statement)) return statement.statements.some((inner) => this.exits(inner));
    if (ts.isIfStatement(statement))
      return !!statement.elseStatement && this.exits(statement.thenStatement) && this.exits(statement.elseStatement);
    if (ts.isExpressionStatement(statement) && ts.isCallExpression(skipOuter(statement.expression))) {
      const signature = this.checker.getResolvedSignature(skipOuter(statement.expression) as ts.CallExpression);
      return !!signature && (this.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Never) !== 0;
    }
    return false;
  }

  /**
   * Whether `expression` evaluating truthy (`when`) or falsy (`!when`) means that consent was given.
   * A consent field or call (an "atom") that is truthy means consent; falsy means nothing.
   */
  consent(expression: ts.Expression, when: boolean, depth = 0): boolean {
    if (depth > 8) return false;
    const node = skipOuter(expression);
    const next = depth + 1;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken)
      return this.consent(node.operand, !when, next);
    if (ts.isAwaitExpression(node)) return this.consent(node.expression, when, next);
    if (ts.isBinaryExpression(node)) {
      const { left, right } = node;
      switch (node.operatorToken.kind) {
        case ts.SyntaxKind.AmpersandAmpersandToken:
          return when
            ? this.consent(left, true, next) || this.consent(right, true, next)
            : this.consent(left, false, next) && this.consent(right, false, next);
        case ts.SyntaxKind.BarBarToken:
          return when
            ? this.consent(left, true, next) && this.consent(right, true, next)
            : this.consent(left, false, next) || this.consent(right, false, next);
        case ts.SyntaxKind.EqualsEqualsEqualsToken:
        case ts.SyntaxKind.EqualsEqualsToken:
          return this.comparison(left, right, when, next);
        case ts.SyntaxKind.ExclamationEqualsEqualsToken:
        case ts.SyntaxKind.ExclamationEqualsToken:
          return this.comparison(left, right, !when, next);
        case ts.SyntaxKind.GreaterThanEqualsToken:
        case ts.SyntaxKind.GreaterThanToken:
        case ts.SyntaxKind.LessThanEqualsToken:
        case ts.SyntaxKind.LessThanToken:
          return this.kind === 'parental' && this.ageCheck(node, when);
        default:
          return false;
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Boolean' &&
      node.arguments.length === 1
    ) {
      return this.consent(node.arguments[0]!, when, next);
    }
    if (ts.isIdentifier(node)) {
      // `const ok = hasConsent(child); if (!ok) return;`
      const initializer = constInitializer(this.checker.getSymbolAtLocation(node));
      return !!initializer && this.consent(initializer, when, next);
    }
    return when && this.isConsent(node);
  }

  /** `x === true`, `x === false`, `x == null` (`holds`: the comparison is true). */
  private comparison(left: ts.Expression, right: ts.Expression, holds: boolean, depth: number): boolean {
    const literal = literalOf(right) ?? literalOf(left);
    if (!literal) return false;
    const operand = literalOf(right) ? left : right;
    if (literal === 'true') return this.consent(operand, holds, depth);
    if (literal === 'false')
      return holds ? this.consent(operand, false, depth) : !this.nullable(operand) && this.consent(operand, true, depth);
    // `x == null` holding says x is absent; not holding says nothing about whether it is true.
    return holds && this.consent(operand, false, depth);
  }

  private nullable(expression: ts.Expression): boolean {
    const type = this.checker.getTypeAtLocation(expression);
    const parts = type.isUnion() ? type.types : [type];
    return parts.some(
      (part) =>
        (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0,
    );
  }

  /**
   * A comparison of an age (an `@age` field, or a call of an `@age` function) with a number that, holding
   * (`when`) or not, establishes that the individual is 16 or older: `age >= 16`, `age > 15`, `16 <= age`,
   * and `age < 16` not holding. Any other number or comparison establishes nothing.
   */
  private ageCheck(node: ts.BinaryExpression, when: boolean): boolean {
    const numberOn = (side: ts.Expression) => {
      const inner = skipOuter(side);
      return ts.isNumericLiteral(inner) ? Number(inner.text) : undefined;
    };
    const [left, right] = [numberOn(node.left), numberOn(node.right)];
    if ((left === undefined) === (right === undefined)) return false;
    const age = left === undefined ? node.left : node.right;
    const limit = (left ?? right)!;
    if (!this.isAge(skipOuter(age))) return false;
    // The operator with the age on its left, then as it holds on this branch.
    const flipped: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
      [ts.SyntaxKind.LessThanToken]: ts.SyntaxKind.GreaterThanToken,
      [ts.SyntaxKind.GreaterThanToken]: ts.SyntaxKind.LessThanToken,
      [ts.SyntaxKind.LessThanEqualsToken]: ts.SyntaxKind.GreaterThanEqualsToken,
      [ts.SyntaxKind.GreaterThanEqualsToken]: ts.SyntaxKind.LessThanEqualsToken,
    };
    const negated: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
      [ts.SyntaxKind.LessThanToken]: ts.SyntaxKind.GreaterThanEqualsToken,
      [ts.SyntaxKind.GreaterThanToken]: ts.SyntaxKind.LessThanEqualsToken,
      [ts.SyntaxKind.LessThanEqualsToken]: ts.SyntaxKind.GreaterThanToken,
      [ts.SyntaxKind.GreaterThanEqualsToken]: ts.SyntaxKind.LessThanToken,
    };
    let operator: ts.SyntaxKind = node.operatorToken.kind;
    if (left !== undefined) operator = flipped[operator]!;
    if (!when) operator = negated[operator]!;
    return (
      (operator === ts.SyntaxKind.GreaterThanEqualsToken && limit >= adultAge) ||
      (operator === ts.SyntaxKind.GreaterThanToken && limit >= adultAge - 1)
    );
  }

  /** A read of an `@age` field, or a call of an `@age` function. */
  private isAge(node: ts.Expression): boolean {
    if (ts.isAwaitExpression(node)) return this.isAge(skipOuter(node.expression));
    if (ts.isPropertyAccessExpression(node))
      return fieldsOfSymbol(this.checker, this.catalogue, this.checker.getSymbolAtLocation(node.name)).some((field) =>
        field.kinds.some((kind) => kind.tag === 'age'),
      );
    return ts.isCallExpression(node) && this.taggedFunction(node, (context) => context.age) !== undefined;
  }

  /** A read of a consent field of the kind, or a call of a consent function of the kind. */
  private isConsent(node: ts.Expression): boolean {
    if (ts.isPropertyAccessExpression(node)) return this.isConsentField(this.checker.getSymbolAtLocation(node.name));
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return this.isConsentField(this.checker.getSymbolAtLocation(node.argumentExpression));
    }
    return ts.isCallExpression(node) && this.consentFunction(node) !== undefined;
  }

  /** A consent field of the kind, of a schema or of any other type (a form's consent box): the catalogue holds both. */
  private isConsentField(symbol: ts.Symbol | undefined): boolean {
    return fieldsOfSymbol(this.checker, this.catalogue, symbol).some((field) => recordsConsent(this.kind, field));
  }

  /** The declaration of the consent function of the kind a call calls, if it calls one. */
  consentFunction(call: ts.CallExpression): ts.SignatureDeclaration | undefined {
    return this.taggedFunction(call, (context) => checksConsent(this.kind, context));
  }

  /** The declaration of the function a call calls, when its annotations say `tagged`. */
  private taggedFunction(call: ts.CallExpression, tagged: (context: CodeContext) => boolean): ts.SignatureDeclaration | undefined {
    const declaration = this.checker.getResolvedSignature(call)?.declaration;
    if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
    const name = functionName(declaration);
    if (!name) return undefined;
    const file = name.getSourceFile();
    const start = name.getStart(file);
    return this.catalogue.contextsOf(file.fileName).some((context) => tagged(context) && context.nameSpan.start === start)
      ? declaration
      : undefined;
  }
}

/** Parentheses, `!`, `as` and `satisfies` do not change what a value is when it runs. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (isOuter(node)) node = node.expression;
  return node;
}

/** What `skipOuter` looks through. */
export function isOuter(
  node: ts.Node,
): node is ts.ParenthesizedExpression | ts.NonNullExpression | ts.AsExpression | ts.SatisfiesExpression | ts.TypeAssertion {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node)
  );
}

/** A block's, a file's or a `case`'s statements: where an earlier statement can guard a later one. */
export function isStatementList(node: ts.Node): node is ts.Block | ts.SourceFile | ts.CaseOrDefaultClause | ts.ModuleBlock {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

function literalOf(expression: ts.Expression): 'true' | 'false' | 'null' | undefined {
  const node = skipOuter(expression);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (node.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || ts.isVoidExpression(node))
    return 'null';
  return undefined;
}

/** The initializer of a `const` that a name refers to. */
function constInitializer(symbol: ts.Symbol | undefined): ts.Expression | undefined {
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 ? declaration.initializer : undefined;
}
