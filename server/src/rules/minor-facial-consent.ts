import { addTag, insert, replace } from '../annotations/edits';
import type { Field, Schema } from '../annotations/model';
import type { FileEdit, Finding, Fix } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { addedConsentField, consentFieldOf, type GuardPlan, planGuard } from '../engine/guard-plan';
import { guardBounds } from '../engine/guards';
import { adultAge, type Collection, collectionsOf, writeSiteAt } from '../engine/queries/collections';
import type { FixContext, Rule } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';

interface Data {
  /** The facial field written, by key. */
  readonly field: string;
}

/** What the inserted check throws: the message a caller that forgot the check will see. */
const consentError = 'Parental consent is required to collect facial data';

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
      const consent = consentFieldOf(schema);
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
    const guard = field && planGuardAt(finding, field, context);
    if (field && schema && guard) fixes.push(guardFix(field, schema, guard, finding.file));
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
  const why = {
    'no-callers': ': the function that collects it is called nowhere in the workspace, so it may be called from anywhere',
    bounded: `: its callers were followed ${guardBounds.depth} levels and ${guardBounds.sites} call sites deep, and no further`,
    unresolved: ': the callers of the function that collects it could not be found',
  };
  const reason = collection.verdict.guarded ? '' : collection.verdict.why ? why[collection.verdict.why] : '';
  return (
    `\`${schema.name}.${field.name}\` (facial data) is collected with no parental-consent check on the way${reason}. ` +
    `\`${schema.name}\` ${age}, so the individual may be a child under ${adultAge}, whose facial data may be collected only with the consent of a parent or legal representative (${provision}).`
  );
}

/** Where and how a consent check can be written before the write, worked out against the current code. */
function planGuardAt(finding: Finding, field: Field, context: FixContext): GuardPlan | undefined {
  const source = context.source(finding.file);
  const site = source && writeSiteAt(source.sourceFile, finding.range.start.offset);
  if (!source || !site) return undefined;
  const checker = source.program.getTypeChecker();
  return planGuard({
    at: site.at,
    literal: site.literal,
    object: site.object,
    field,
    checker,
    program: source.program,
    catalogue: context.catalogue,
  });
}

/** The insertion of `if (<no consent>) throw …;` before the statement, and the consent field when the schema has none. */
function guardFix(field: Field, schema: Schema, guard: GuardPlan, file: string): Fix {
  const edits: FileEdit[] = [insert(file, guard.at, `if (${guard.condition}) throw new Error('${consentError}');${guard.separator}`)];
  if (guard.addField) edits.push(insert(guard.addField.file, guard.addField.at, guard.addField.text));
  const adds = guard.addField ? `, adding \`@parentalConsent ${addedConsentField}\` to \`${schema.name}\`` : '';
  return {
    title: `Require parental consent before collecting \`${field.name}\` (throw unless \`${guard.reads}\`${adds})`,
    isPreferred: true,
    edits,
  };
}
