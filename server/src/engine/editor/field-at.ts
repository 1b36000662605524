import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Field } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { fieldsOfSymbol } from '../symbols';
import { nodeAt } from './node-at';

export interface FieldsAt {
  /** The name under the cursor. */
  readonly span: Span;
  readonly fields: readonly Field[];
  /** True on the field's own declaration. */
  readonly declaration: boolean;
}

/**
 * The tagged fields a name at `offset` stands for: a field's declaration, or a use of it (property access,
 * element access with a literal, destructuring, an object literal's property). The name must be a tagged
 * field's name before the checker is asked anything.
 */
export function fieldsAt(sourceFile: ts.SourceFile, program: ts.Program, catalogue: Catalogue, offset: number): FieldsAt | undefined {
  const node = nodeAt(sourceFile, offset);
  if (!node || !(ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isPrivateIdentifier(node))) return undefined;
  if (!catalogue.fieldNames.has(node.text)) return undefined;
  const span = spanOf(node, sourceFile);
  const declared = catalogue.fields.get(`${sourceFile.fileName}#${span.start}`);
  if (declared) return { span, fields: [declared], declaration: true };
  const checker = program.getTypeChecker();
  const fields = fieldsOfSymbol(checker, catalogue, symbolOf(node, checker)).filter(
    (field) => field.kinds.length > 0 || field.parentalConsent,
  );
  return fields.length > 0 ? { span, fields: unique(fields), declaration: false } : undefined;
}

/** The property a name refers to, where TypeScript's own answer is a local (destructuring, shorthand). */
function symbolOf(node: ts.Identifier | ts.StringLiteralLike | ts.PrivateIdentifier, checker: ts.TypeChecker): ts.Symbol | undefined {
  const parent = node.parent;
  if (ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent) && (parent.propertyName ?? parent.name) === node) {
    return checker.getTypeAtLocation(parent.parent).getProperty(node.text);
  }
  if ((ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) && parent.name === node) {
    return checker.getContextualType(parent.parent)?.getProperty(node.text) ?? checker.getSymbolAtLocation(node);
  }
  return checker.getSymbolAtLocation(node);
}

function unique(fields: readonly Field[]): Field[] {
  return [...new Map(fields.map((field) => [field.key, field])).values()];
}
