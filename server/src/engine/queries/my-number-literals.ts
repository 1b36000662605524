import ts from 'typescript';
import type { Span } from '../../base/finding';
import type { FileQuery } from '../query';

/**
 * Literals in the code that are valid Individual Numbers (SPEC §1): 12 digits, plain or in groups of four
 * joined by hyphens or spaces, whose last digit is the check digit of the first eleven (MIC Ordinance
 * No. 85 of 2014 Art. 5). Real numbers do not belong in code, test data included; a number with a wrong
 * check digit cannot be anyone's.
 */
export interface MyNumberLiteral {
  readonly span: Span;
  /** The twelve digits. */
  readonly digits: string;
}

export const myNumberLiteralsOf: FileQuery<readonly MyNumberLiteral[]> = {
  name: 'Individual Number literals',
  reads: {},
  compute: ({ sourceFile }) => findMyNumberLiterals(sourceFile),
};

/** Where the text may hold one: twelve digits, grouped or not. The literal at each place then decides. */
const candidate = /(?<![\w.])\d{4}([- ]?)\d{4}\1\d{4}(?![\w.])/g;
const whole = /^(?:\d{12}|\d{4}-\d{4}-\d{4}|\d{4} \d{4} \d{4})$/;

function findMyNumberLiterals(sourceFile: ts.SourceFile): MyNumberLiteral[] {
  const found: MyNumberLiteral[] = [];
  const text = sourceFile.text;
  for (const match of text.matchAll(candidate)) {
    const literal = literalAt(sourceFile, match.index);
    if (!literal || found.some((each) => each.span.start === literal.getStart(sourceFile))) continue;
    const value = literal.text.trim();
    if (!whole.test(value)) continue;
    const digits = value.replace(/[- ]/g, '');
    if (isIndividualNumber(digits)) found.push({ span: { start: literal.getStart(sourceFile), end: literal.end }, digits });
  }
  return found;
}

/** The string, template or numeric literal whose text holds `offset`. */
function literalAt(
  sourceFile: ts.SourceFile,
  offset: number,
): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.NumericLiteral | undefined {
  const visit = (node: ts.Node): ts.Node | undefined =>
    node.pos <= offset && offset < node.end ? (ts.forEachChild(node, visit) ?? node) : undefined;
  const node = ts.forEachChild(sourceFile, visit);
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) ? node : undefined;
}

/**
 * The check digit (MIC Ordinance No. 85 of 2014 Art. 5): with Pn the n-th of the first eleven digits counted
 * from the right and Qn = n + 1 for n ≤ 6, n − 5 for n ≥ 7, it is 11 − (Σ Pn × Qn mod 11), or 0 when that
 * remainder is 0 or 1.
 */
export function isIndividualNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(digits[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return Number(digits[11]) === (remainder <= 1 ? 0 : 11 - remainder);
}
