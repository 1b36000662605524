import type { Catalogue } from '../annotations/catalogue';
import { causeText, isBare, type UntypedCause } from '../base/coverage';
import { uncheckedOf } from '../engine/queries/unchecked';
import type { Rule } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';

/**
 * `unchecked-use` (docs/rules/unchecked-use.md): a read of a tagged field's name on a value whose type
 * says nothing, which the other rules cannot follow. The engine counts these places in every run (README, "What a clean run means");
 * this rule, off by default, shows each of them where it is.
 */
export const uncheckedUse: Rule = {
  meta: {
    id: 'unchecked-use',
    description:
      "A read of a tagged field's name on a value whose type is `any`, an error type or an unresolved import: possibly personal information that the other rules could not check.",
    defaultSeverity: 'off',
    fixable: true,
  },

  checkSource(context) {
    for (const place of context.query(uncheckedOf)) {
      if (place.kind !== 'untyped-read') continue;
      context.report({ span: place.span, message: message(place.name, place.cause, context.catalogue), data: {} });
    }
  },

  fixes(finding, context) {
    const suppress = suppressionFix(finding, context.text(finding.file));
    return suppress ? [suppress] : [];
  },
};

function message(name: string, cause: UntypedCause, catalogue: Catalogue): string {
  const fields = [...catalogue.fields.values()].filter((field) => field.name === name && field.kinds.length > 0);
  const schemas = [...new Set(fields.map((field) => `\`${catalogue.schemaOf(field).name}.${name}\``))];
  const named = `${schemas.slice(0, 3).join(', ')}${schemas.length > 3 ? ', …' : ''}`;
  const tagged = schemas.length > 0 ? ` (${named} ${schemas.length === 1 ? 'is' : 'are'} tagged)` : '';
  return `\`${name}\` is read on ${causeText(cause)}: possibly personal information${tagged}, not checked. ${remedy(cause)}`;
}

function remedy(cause: UntypedCause): string {
  switch (cause.type) {
    case 'any':
      return 'Give the value its type so that its uses are checked.';
    case 'error':
      return 'Fix the type error so that its uses are checked.';
    case 'unresolved-import':
      return isBare(cause.module)
        ? 'Install the package (or declare its types) so that its uses are checked.'
        : 'Fix the import so that its uses are checked.';
  }
}
