import { citationsFor, provisions } from '../base/provisions';
import { myNumberLiteralsOf } from '../engine/queries/my-number-literals';
import type { Rule } from '../engine/rule';

/**
 * A literal that is a valid Individual Number (docs/rules/my-number-literal.md): a real person's number
 * in the code, or test data that could be one.
 */
export const myNumberLiteral: Rule = {
  meta: {
    id: 'my-number-literal',
    description:
      'A string or numeric literal that is a valid Individual Number (12 digits, plain or as `dddd-dddd-dddd` or `dddd dddd dddd`, with a correct check digit).',
    defaultSeverity: 'warning',
    provision: provisions.myNumberCollection,
    fixable: false,
  },

  checkSource(context) {
    for (const literal of context.query(myNumberLiteralsOf)) {
      context.report({
        span: literal.span,
        message: `This literal is a valid Individual Number (its check digit is right): a real person's number may not be collected or kept outside the affairs the My Number Act lists (${citationsFor(context.sector).myNumberCollection}). For test data, use a number whose check digit is wrong, so that it cannot be anyone's.`,
      });
    }
  },
};
