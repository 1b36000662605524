import { citationsFor, provisions } from '../base/provisions';
import type { Rule } from '../engine/rule';
import { exemptions } from '../register/model';

/** `register-incomplete` (docs/rules/register-incomplete.md): an entry (or the register) missing a required Art. 74(1) item. */
export const registerIncomplete: Rule = {
  meta: {
    id: 'register-incomplete',
    description:
      'A register entry missing a required item of APPI Art. 74(1) (or still holding a `TODO` placeholder) or naming an unknown exemption, a catalogue purpose without a description, or a register without its `organization`.',
    defaultSeverity: 'warning',
    provision: provisions.fileNotice,
    fixable: false,
  },

  checkRegister(context) {
    const { register } = context;
    if (register.organizationMissing) {
      context.report({
        span: register.organizationMissing,
        message: `The register does not name the \`organization\`, the administrative organ that keeps the files (${citationsFor(context.sector).fileNotice}).`,
      });
    }
    for (const purpose of register.purposes ?? []) {
      const description = purpose.description?.trim() ?? '';
      if (description !== '' && !description.startsWith('TODO')) continue;
      context.report({
        span: purpose.span,
        message:
          `The purpose \`${purpose.id}\` ${description === '' ? 'has no description' : 'is still described as `TODO`'}: ` +
          `the register publishes each purpose of use in words the individuals can read (${citationsFor(context.sector).fileNotice}). ` +
          'Describe it before the register is published.',
      });
    }
    for (const entry of register.files ?? []) {
      if (entry.missing.length === 0 && !entry.unknownExemption) continue;
      const label = entry.name ? `The entry \`${entry.name.value}\`` : `Entry ${entry.index + 1} of \`files\``;
      const parts: string[] = [];
      if (entry.missing.length > 0) parts.push(`does not state ${entry.missing.map((key) => `\`${key}\``).join(', ')}`);
      if (entry.unknownExemption) {
        parts.push(
          `its exemption \`${entry.unknownExemption.value}\` is not one of ${exemptions.map((id) => `\`${id}\``).join(', ')} (${citationsFor(context.sector).fileExemptions})`,
        );
      }
      context.report({
        span: entry.anchor,
        message: `${label} ${parts.join('; ')}. Each file is notified with these items (${citationsFor(context.sector).fileNotice}).`,
      });
    }
  },
};
