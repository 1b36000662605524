import { provisions } from '../base/provisions';
import type { Rule } from '../engine/rule';

/** `register-invalid` (docs/rules/register-invalid.md): the register is not valid YAML, or not of the register's shape. */
export const registerInvalid: Rule = {
  meta: {
    id: 'register-invalid',
    description: 'A Personal Information File Register that is not valid YAML or not of the register format.',
    defaultSeverity: 'error',
    provision: provisions.register,
    fixable: false,
  },

  checkRegister(context) {
    for (const problem of context.register.problems) context.report({ span: problem.span, message: problem.message });
  },

  checkUnreadableRegister(context) {
    context.report({ span: { start: 0, end: 0 }, message: `The register could not be read: ${context.reason}.` });
  },
};
