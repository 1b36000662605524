import ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import { insert } from '../annotations/edits';
import type { Field, Schema } from '../annotations/model';
import type { FileEdit, Finding, Fix } from '../base/finding';
import { nameAt } from './call-sites';
import { type ConsentKind, checksConsent, functionName, isStatementList, recordsConsent, skipOuter } from './guards';
import { writeSiteAt } from './queries/collections';
import type { FixContext } from './rule';

/**
 * Where and how the `minor-facial-consent` fix writes an early-exit consent check, worked out while the
 * syntax tree and the checker are at hand, so that the fix itself is plain text edits.
 */
export interface GuardPlan {
  /** The start of the statement that holds the collection: the check goes before it. */
  readonly at: number;
  /** What follows the inserted check: a line break and the statement's indentation, or a space. */
  readonly separator: string;
  /** The check that fails without consent, such as `child.guardianConsent !== true`. */
  readonly condition: string;
  /** What the check reads, for the fix's title: `child.guardianConsent`, `hasConsent()`. */
  readonly reads: string;
  /** The `@parentalConsent` field the fix adds to the schema, when the check reads one it does not have. */
  readonly addField?: { readonly file: string; readonly at: number; readonly text: string };
}

export interface PlanInput {
  /** The collection: the assignment, or the property of the object literal. */
  readonly at: ts.Node;
  readonly literal: ts.ObjectLiteralExpression | undefined;
  /** For an assignment, the object written to. */
  readonly object: ts.Expression | undefined;
  readonly field: Field;
  readonly checker: ts.TypeChecker;
  readonly program: ts.Program;
  readonly catalogue: Catalogue;
  /** Whose consent the check is about. */
  readonly kind: ConsentKind;
}

/** The field a fix adds when a schema records no consent of the kind, named as its tag. */
function addedConsentField(kind: ConsentKind): 'parentalConsent' | 'consent' {
  return kind === 'parental' ? 'parentalConsent' : 'consent';
}

/** The schema's consent field of the kind: one with no other tag, else a tagged one. */
export function consentFieldOf(schema: Schema, kind: ConsentKind): Field | undefined {
  const records = (field: Field) => recordsConsent(kind, field);
  return schema.consentFields.find(records) ?? schema.fields.find(records);
}

interface Read {
  readonly condition: string;
  readonly reads: string;
  readonly addsField: boolean;
}

/**
 * For an assignment, the check reads the schema's consent field on the object written to. For an object
 * literal, in this order: the value the literal sets the consent field from; the consent field of an
 * object spread into it; the one `@parentalConsent` function in scope that takes no arguments; the consent
 * field of the variable or property the literal is assigned to. A consent field the schema lacks is added.
 */
function planGuard(input: PlanInput): GuardPlan | undefined {
  const statement = enclosingStatement(input.at);
  if (!statement) return undefined;
  const schema = input.catalogue.schemaOf(input.field);
  const consent = consentFieldOf(schema, input.kind);
  const planner = new Planner(input, consent?.name);
  const read = input.literal ? planner.fromLiteral(input.literal) : input.object && planner.fromObject(input.object);
  if (!read) return undefined;
  const addField = read.addsField ? newConsentField(schema, input.program, input.kind) : undefined;
  if (read.addsField && !addField) return undefined;
  const sourceFile = statement.getSourceFile();
  const start = statement.getStart(sourceFile);
  const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
  const before = sourceFile.text.slice(lineStart, start);
  return {
    at: start,
    separator: /^[ \t]*$/.test(before) ? `\n${before}` : ' ',
    condition: read.condition,
    reads: read.reads,
    ...(addField && { addField }),
  };
}

class Planner {
  constructor(
    private readonly input: PlanInput,
    /** The schema's consent field; undefined when the fix adds one. */
    private readonly consent: string | undefined,
  ) {}

  fromObject(object: ts.Expression): Read | undefined {
    if (!isSimple(object)) return undefined;
    const { checker } = this.input;
    const type = checker.getTypeAtLocation(object);
    const present = checker.getNonNullableType(type);
    const text = `${object.getText()}${present === type ? '.' : '?.'}${this.consent ?? addedConsentField(this.input.kind)}`;
    if (this.consent === undefined) {
      if (present.isUnion() || !present.getProperty(this.input.field.name)) return undefined;
      return { condition: `${text} !== true`, reads: text, addsField: true };
    }
    const property = present.getProperty(this.consent);
    if (!property) return undefined;
    return { condition: negation(text, checker.getTypeOfSymbolAtLocation(property, object)), reads: text, addsField: false };
  }

  fromLiteral(literal: ts.ObjectLiteralExpression): Read | undefined {
    const { checker } = this.input;
    for (const property of literal.properties) {
      if (this.consent === undefined) break;
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === this.consent) {
        return {
          condition: negation(property.name.text, checker.getTypeAtLocation(property.name)),
          reads: property.name.text,
          addsField: false,
        };
      }
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === this.consent) {
        const value = property.initializer;
        if (!isSimple(value) || skipOuter(value).kind === ts.SyntaxKind.TrueKeyword) break;
        return { condition: negation(value.getText(), checker.getTypeAtLocation(value)), reads: value.getText(), addsField: false };
      }
    }
    for (const property of literal.properties) {
      const read = ts.isSpreadAssignment(property) && this.consent !== undefined ? this.fromObject(property.expression) : undefined;
      if (read) return read;
    }
    const call = this.consentCall(literal);
    if (call) return { condition: `!${call}`, reads: call, addsField: false };
    let value: ts.Node = literal;
    while (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isSatisfiesExpression(value.parent))
      value = value.parent;
    const parent = value.parent;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === value)
      return this.fromObject(parent.left);
    return undefined;
  }

  /** `hasConsent()`: the one `@parentalConsent` function in scope that needs no arguments and returns a boolean. */
  private consentCall(at: ts.Node): string | undefined {
    const { checker, program, catalogue } = this.input;
    const names = new Set<string>();
    for (const file of program.getSourceFiles()) {
      for (const context of catalogue.contextsOf(file.fileName))
        if (checksConsent(this.input.kind, context) && context.kind === 'function') names.add(context.name);
    }
    if (names.size === 0) return undefined;
    const found = new Map<ts.Node, string>();
    for (const symbol of checker.getSymbolsInScope(at, ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Alias)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!names.has(target.name)) continue;
      for (const declaration of target.declarations ?? []) {
        const fn = ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : declaration;
        if (!ts.isFunctionLike(fn) || !this.isConsentFunction(fn)) continue;
        const signature = checker.getSignatureFromDeclaration(fn);
        const optional = fn.parameters.every((parameter) => parameter.questionToken || parameter.initializer || parameter.dotDotDotToken);
        if (!signature || !optional || !isBooleanish(checker.getReturnTypeOfSignature(signature))) continue;
        if (fn.type && ts.isTypePredicateNode(fn.type) && fn.type.assertsModifier) continue;
        found.set(fn, symbol.name);
      }
    }
    return found.size === 1 ? `${[...found.values()][0]}()` : undefined;
  }

  private isConsentFunction(fn: ts.SignatureDeclaration): boolean {
    const name = functionName(fn);
    if (!name) return false;
    const file = name.getSourceFile();
    const start = name.getStart(file);
    return this.input.catalogue
      .contextsOf(file.fileName)
      .some((context) => checksConsent(this.input.kind, context) && context.nameSpan.start === start);
  }
}

/** `x !== true` for a boolean, `!x` for anything else (a date of consent, a signature record). */
function negation(text: string, type: ts.Type): string {
  return isBooleanish(type) ? `${text} !== true` : `!${text}`;
}

function isBooleanish(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0);
}

/** Names, `this` and property paths: reading them again before the statement does nothing else. */
function isSimple(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(node)) return isSimple(node.expression);
  if (ts.isElementAccessExpression(node)) return ts.isLiteralExpression(node.argumentExpression) && isSimple(node.expression);
  return false;
}

/** The statement of a block that holds the node, in the same function (a check outside would not see its names). */
function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (isStatementList(parent)) {
      return current as ts.Statement;
    }
    if (ts.isFunctionLike(parent) || ts.isClassLike(parent)) return undefined;
  }
  return undefined;
}

/** `/** @parentalConsent *\/ parentalConsent?: boolean;` (or `@consent`) after the schema's last member, in its indentation. */
function newConsentField(schema: Schema, program: ts.Program, kind: ConsentKind): { file: string; at: number; text: string } | undefined {
  const added = addedConsentField(kind);
  const sourceFile = program.getSourceFile(schema.file);
  const declaration = sourceFile && nameAt(sourceFile, schema.nameSpan.start)?.parent;
  if (!declaration) return undefined;
  const container = ts.isTypeAliasDeclaration(declaration) ? declaration.type : declaration;
  if (!ts.isInterfaceDeclaration(container) && !ts.isClassLike(container) && !ts.isTypeLiteralNode(container)) return undefined;
  const members: readonly ts.Node[] = container.members;
  if (members.some((member) => (member as ts.NamedDeclaration).name?.getText(sourceFile) === added)) return undefined;
  const member = `/** @${added} */ ${added}?: boolean;`;
  const text = sourceFile.text;
  const last = members[members.length - 1];
  if (!last) return { file: schema.file, at: container.end - 1, text: ` ${member} ` };
  const lineEnd = text.indexOf('\n', last.end);
  const rest = text.slice(last.end, lineEnd === -1 ? text.length : lineEnd);
  const closeOnSameLine = lineEnd === -1 || container.end - 1 < lineEnd;
  if (closeOnSameLine) return { file: schema.file, at: last.end, text: `${/[;,]$/.test(last.getText(sourceFile)) ? '' : ';'} ${member}` };
  const lineStart = text.lastIndexOf('\n', last.getStart(sourceFile) - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const at = /^\s*(\/\/.*)?$/.test(rest) ? last.end + rest.length : last.end;
  return { file: schema.file, at, text: `\n${indent}${member}` };
}

/** What the inserted check throws, and how a fix's title names the consent, per kind. */
const guardWords: Readonly<Record<ConsentKind, { readonly error: string; readonly require: string }>> = {
  parental: { error: 'Parental consent is required to collect facial data', require: 'Require parental consent' },
  individual: {
    error: 'Consent of the individual is required to acquire special care-required data',
    require: "Require the individual's consent",
  },
};

/**
 * The fix that writes an early-exit consent check of the kind before the write a finding is at —
 * `if (<no consent>) throw …;` — adding the consent field to the schema when it has none; planned against
 * the current code.
 */
export function consentGuardFix(finding: Finding, field: Field, schema: Schema, kind: ConsentKind, context: FixContext): Fix | undefined {
  const source = context.source(finding.file);
  const site = source && writeSiteAt(source.sourceFile, finding.range.start.offset);
  if (!source || !site) return undefined;
  const guard = planGuard({
    at: site.at,
    literal: site.literal,
    object: site.object,
    field,
    checker: source.program.getTypeChecker(),
    program: source.program,
    catalogue: context.catalogue,
    kind,
  });
  if (!guard) return undefined;
  const words = guardWords[kind];
  const edits: FileEdit[] = [
    insert(finding.file, guard.at, `if (${guard.condition}) throw new Error('${words.error}');${guard.separator}`),
  ];
  if (guard.addField) edits.push(insert(guard.addField.file, guard.addField.at, guard.addField.text));
  const added = addedConsentField(kind);
  const adds = guard.addField ? `, adding \`@${added} ${added}\` to \`${schema.name}\`` : '';
  return {
    title: `${words.require} before collecting \`${field.name}\` (throw unless \`${guard.reads}\`${adds})`,
    isPreferred: true,
    edits,
  };
}
