import { replace } from '../annotations/edits';
import { citationsFor, provisions } from '../base/provisions';
import type { Rule } from '../engine/rule';

interface Data {
  readonly suggestion?: string;
}

/**
 * `register-unknown-key` (docs/rules/register-unknown-key.md): unknown keys are allowed, and warned about: a key the register format does not know. Its own
 * rule, so that an organisation that keeps extra keys on purpose can turn the warning off.
 */
export const registerUnknownKey: Rule = {
  meta: {
    id: 'register-unknown-key',
    description: 'A key the register format does not know, which is kept but not read (often a misspelling).',
    defaultSeverity: 'warning',
    provision: provisions.fileNotice,
    fixable: true,
  },

  checkRegister(context) {
    for (const unknown of context.register.unknownKeys) {
      context.report({
        span: unknown.span,
        message:
          `\`${unknown.key.length > 64 ? `${unknown.key.slice(0, 64)}…` : unknown.key}\` is not a key of the register` +
          (unknown.suggestion ? `; did you mean \`${unknown.suggestion}\`?` : '.') +
          ` It is kept, but not read as an item of the file's notice (${citationsFor(context.sector).fileNotice}).`,
        ...(unknown.suggestion && { data: { suggestion: unknown.suggestion } satisfies Data }),
      });
    }
  },

  fixes(finding) {
    const { suggestion } = finding.data as Data;
    if (!suggestion) return [];
    const span = { start: finding.range.start.offset, end: finding.range.end.offset };
    return [{ title: `Rename to \`${suggestion}\``, isPreferred: true, safe: true, edits: [replace(finding.file, span, suggestion)] }];
  },
};
