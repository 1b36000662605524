import { describeField } from '../annotations/describe';
import { addTag } from '../annotations/edits';
import type { Field } from '../annotations/model';
import type { Fix } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { consentFieldOf, consentGuardFix } from '../engine/guard-plan';
import { unguardedWhy } from '../engine/guards';
import { type Collection, specialCareCollectionsOf } from '../engine/queries/collections';
import type { Rule } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';

interface Data {
  /** The special care-required field written, by key. */
  readonly field: string;
}

/** The legal basis that does not allow acquiring special care-required data without consent. */
const notABasis = 'statistics';

/**
 * `special-care-consent` (docs/rules/special-care-consent.md): special care-required data collected with no
 * check of the individual's consent on the way, by a business (APPI Art. 20(2)). The engine's `Guards`,
 * with the individual's consent as the kind, decide what dominates, as for `minor-facial-consent`.
 */
export const specialCareConsent: Rule = {
  meta: {
    id: 'special-care-consent',
    description:
      "Special care-required data written (in an object literal or an assignment) where no check of the individual's consent (`@consent`) guards the write, and no `@basis` other than `statistics` applies; for businesses (the register's `sector` is `business` or absent).",
    defaultSeverity: 'error',
    provision: provisions.specialCareConsent,
    fixable: true,
  },

  checkSource(context) {
    // Only a file that names a special care-required field reads the register, for whose code it is; an
    // administrative organ's files are not searched at all.
    const names = context.catalogue.specialCareNames();
    if (!names.some((name) => context.text.includes(name)) || context.sector === 'administrative-organ') return;
    const unguarded = context.query(specialCareCollectionsOf).filter((collection) => !collection.verdict.guarded);
    for (const collection of unguarded) {
      const basis = context.catalogue.basisAt(context.file, collection.span.start)?.basis?.args[0]?.text;
      if (basis !== undefined && basis !== notABasis) continue;
      const field = collection.fields[0]!;
      const schema = context.catalogue.schemaOf(field);
      const consent = consentFieldOf(schema, 'individual');
      context.report({
        span: collection.span,
        message: message(collection, field, citationsFor(context.sector).specialCareConsent, context.catalogue.schemaOf(field).name),
        related: [
          { file: field.file, span: field.nameSpan, message: `\`${schema.name}.${field.name}\` is declared \`@specialCare\` here.` },
          ...(consent
            ? [
                {
                  file: consent.file,
                  span: consent.nameSpan,
                  message: `\`${schema.name}.${consent.name}\` records the individual's consent (\`@consent\`).`,
                },
              ]
            : []),
        ],
        data: { field: field.key } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    const field = context.catalogue.fields.get((finding.data as Data).field);
    const fixes: Fix[] = [];
    const schema = field && context.catalogue.schemaOf(field);
    const guard = field && schema && consentGuardFix(finding, field, schema, 'individual', context);
    if (guard) fixes.push(guard);
    const code = context.catalogue.contextAt(finding.file, finding.range.start.offset);
    const text = context.text(finding.file);
    if (code && text !== undefined && code.file === finding.file) {
      fixes.push({
        title: `Record a legal basis on \`${code.name}\` (\`@basis law\`: acquired as a law requires)`,
        edits: [addTag(code.file, text, code.doc, '@basis law')],
      });
    }
    const suppress = suppressionFix(finding, context.text(finding.file));
    if (suppress) fixes.push(suppress);
    return fixes;
  },
};

function message(collection: Collection, field: Field, provision: string, schema: string): string {
  const reason = unguardedWhy(collection.verdict);
  return (
    `\`${schema}.${field.name}\` (${describeField(field)}) is collected with no check of the individual's consent on the way${reason}. ` +
    `Special care-required personal information may be acquired only with the individual's prior consent (${provision}).`
  );
}
