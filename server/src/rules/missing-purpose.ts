import { listIds } from '../annotations/describe';
import { addTag, appendArgs } from '../annotations/edits';
import { citationsFor, provisions } from '../base/provisions';
import type { Rule } from '../engine/rule';

interface Data {
  readonly schema: string;
  /** Keys of the tagged fields without a declared purpose. */
  readonly fields: readonly string[];
}

/** `missing-purpose` (docs/rules/missing-purpose.md): a schema, or a tagged field of it, with no declared purpose of use. */
export const missingPurpose: Rule = {
  meta: {
    id: 'missing-purpose',
    description: 'A schema with tagged fields that have no declared purpose of use, neither on the schema nor on the field.',
    defaultSeverity: 'warning',
    provision: provisions.purposeSpecified,
    fixable: true,
  },

  checkAnnotations(context) {
    for (const schema of context.annotations.schemas) {
      const bare = schema.fields.filter((field) => !context.catalogue.declaredPurposes(field));
      if (bare.length === 0) continue;
      const names = bare.map((field) => `\`${field.name}\``).join(', ');
      const what =
        bare.length === schema.fields.length
          ? `\`${schema.name}\` declares no purpose of use`
          : `\`${schema.name}\` declares no purpose of use for ${names}`;
      context.report({
        span: schema.nameSpan,
        message: `${what}: purposes of use must be specified (${citationsFor(context.sector).purposeSpecified}). Its uses are not checked until it has one.`,
        related: bare.map((field) => ({ file: field.file, span: field.nameSpan, message: `\`${field.name}\` has no declared purpose.` })),
        data: { schema: schema.key, fields: bare.map((field) => field.key) } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    const schema = context.catalogue.schemas.get(data.schema);
    const text = schema && context.text(schema.file);
    if (!schema || text === undefined) return [];
    // The register's catalogue when there is one, else the purposes the workspace's code already names.
    const ids = context.purposes ? [...context.purposes.entries.keys()] : [...context.catalogue.purposeIds()].sort();
    return ids.map((id) => ({
      title: `Declare purpose ${listIds([id])} on \`${schema.name}\``,
      edits: [schema.purposes ? appendArgs(schema.file, schema.purposes, [id]) : addTag(schema.file, text, schema.doc, `@purpose ${id}`)],
    }));
  },
};
