import { addTag, replace } from '../annotations/edits';
import type { Field, Schema } from '../annotations/model';
import type { Fix } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { consentFieldOf, consentGuardFix } from '../engine/guard-plan';
import { adultAge, unguardedWhy } from '../engine/guards';
import { type Collection, collectionsOf } from '../engine/queries/collections';
import type { Rule } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';

interface Data {
  /** The facial field written, by key. */
  readonly field: string;
}

/**
 * `minor-facial-consent` (docs/rules/minor-facial-consent.md): facial data written for a schema that may describe children under 16,
 * with no parental-consent check dominating the write (the engine's `Guards` decide what dominates).
 */
export const minorFacialConsent: Rule = {
  meta: {
    id: 'minor-facial-consent',
    description:
      'Facial data written (in an object literal or an assignment) for a schema without `@minimumAge` 16 or more, where no parental-consent check guards the write, neither in the code around it nor in every caller.',
    defaultSeverity: 'error',
    provision: provisions.minorFacial,
    fixable: true,
  },

  checkSource(context) {
    for (const collection of context.query(collectionsOf)) {
      if (collection.verdict.guarded) continue;
      const field = collection.fields[0]!;
      const schema = context.catalogue.schemaOf(field);
      const consent = consentFieldOf(schema, 'parental');
      context.report({
        span: collection.span,
        message: message(collection, field, schema, citationsFor(context.sector).minorFacial),
        related: [
          { file: field.file, span: field.nameSpan, message: `\`${schema.name}.${field.name}\` is declared \`@facial\` here.` },
          ...(consent
            ? [
                {
                  file: consent.file,
                  span: consent.nameSpan,
                  message: `\`${schema.name}.${consent.name}\` records the consent of a parent or legal representative (\`@parentalConsent\`).`,
                },
              ]
            : []),
        ],
        data: { field: field.key } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    const field = context.catalogue.fields.get(data.field);
    const fixes: Fix[] = [];
    const schema = field && context.catalogue.schemaOf(field);
    const guard = field && schema && consentGuardFix(finding, field, schema, 'parental', context);
    if (guard) fixes.push(guard);
    const schemaText = schema && context.text(schema.file);
    if (schema && schemaText !== undefined) {
      const edit = schema.minimumAge
        ? replace(schema.file, schema.minimumAge.span, String(adultAge))
        : addTag(schema.file, schemaText, schema.doc, `@minimumAge ${adultAge}`);
      fixes.push({
        title: `Declare \`@minimumAge ${adultAge}\` on \`${schema.name}\` (only if everyone it describes is ${adultAge} or older)`,
        edits: [edit],
      });
    }
    const suppress = suppressionFix(finding, context.text(finding.file));
    if (suppress) fixes.push(suppress);
    return fixes;
  },
};

function message(collection: Collection, field: Field, schema: Schema, provision: string): string {
  const age = schema.minimumAge ? `declares \`@minimumAge ${schema.minimumAge.value}\`` : 'declares no `@minimumAge`';
  const reason = unguardedWhy(collection.verdict);
  return (
    `\`${schema.name}.${field.name}\` (facial data) is collected with no parental-consent check on the way${reason}. ` +
    `\`${schema.name}\` ${age}, so the individual may be a child under ${adultAge}, whose facial data may be collected only with the consent of a parent or legal representative (${provision}).`
  );
}
