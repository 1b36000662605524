import ts from 'typescript';
import { describeField } from '../annotations/describe';
import type { Field } from '../annotations/model';
import type { Finding, Fix, Span } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { escapesOf } from '../engine/queries/escapes';
import type { FixContext, Rule } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';

interface Data {
  /** The value logged, to replace with its identifying fields. */
  readonly value: Span;
  readonly carries: 'value' | 'field';
}

/**
 * `personal-data-in-log` (docs/rules/personal-data-in-log.md): a schema value, or a tagged field's value,
 * that reaches a log sink — in any code, whatever its purpose or whether it has one, since a log is read by
 * people and systems the data was never meant for.
 */
export const personalDataInLog: Rule = {
  meta: {
    id: 'personal-data-in-log',
    description: 'A record with personal information, or a tagged field’s value, written to a log, in any code.',
    defaultSeverity: 'warning',
    provision: provisions.securityControl,
    fixable: true,
  },

  checkSource(context) {
    for (const leak of context.query(escapesOf)) {
      const logged = leak.through.find((hop) => hop.kind === 'log');
      if (!logged) continue;
      context.report({
        span: logged.span,
        message: message(
          leak.fields,
          leak.carries,
          logged.sink,
          context.catalogue.schemaOf.bind(context.catalogue),
          citationsFor(context.sector).securityControl,
        ),
        related: leak.fields.slice(0, 5).map((field) => ({
          file: field.file,
          span: field.nameSpan,
          message: `\`${context.catalogue.schemaOf(field).name}.${field.path ?? field.name}\` is declared ${describeField(field)} here.`,
        })),
        data: { value: leak.value, carries: leak.carries } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    const fixes: Fix[] = [];
    const identifying = data.carries === 'value' ? identifyingFix(finding, data.value, context) : undefined;
    if (identifying) fixes.push(identifying);
    const suppress = suppressionFix(finding, context.text(finding.file));
    if (suppress) fixes.push(suppress);
    return fixes;
  },
};

function message(
  fields: readonly Field[],
  carries: 'value' | 'field',
  sink: string,
  schemaOf: (field: Field) => { name: string },
  provision: string,
): string {
  const law = `personal data in logs is where leaks start, and it must be kept from leaking (${provision})`;
  if (carries === 'field') {
    const field = fields[0]!;
    return `\`${schemaOf(field).name}.${field.path ?? field.name}\` (${describeField(field)}) is written to the log by ${sink}: ${law}.`;
  }
  const schemas = [...new Set(fields.map((field) => `\`${schemaOf(field).name}\``))].join(', ');
  const names = fields.slice(0, 4).map((field) => `\`${field.name}\``);
  const more = fields.length > 4 ? ` and ${fields.length - 4} more` : '';
  return `A ${schemas} value is written to the log by ${sink}, with its tagged fields ${names.join(', ')}${more}: ${law}.`;
}

/** An untagged field that identifies a record without saying who it is: `id`, `patientId`, `record_id`, `uuid`. */
const identifyingName = /^(id|uuid|guid)$|(Id|ID|_id|Uuid|Key)$/;

/**
 * Logs the record's untagged identifying fields instead of the record: `patient` -> `{ id: patient.id }`.
 * Only for a value written as a name or a property path, whose type has such fields.
 */
function identifyingFix(finding: Finding, value: Span, context: FixContext): Fix | undefined {
  const source = context.source(finding.file);
  const text = context.text(finding.file);
  if (!source || text === undefined) return undefined;
  const expression = expressionAt(source.sourceFile, value);
  if (!expression) return undefined;
  const checker = source.program.getTypeChecker();
  const type = checker.getNonNullableType(checker.getTypeAtLocation(expression));
  const tagged = new Set(context.catalogue.fieldNames);
  const names = checker
    .getPropertiesOfType(type)
    .map((property) => property.name)
    .filter((name) => identifyingName.test(name) && !tagged.has(name));
  if (names.length === 0) return undefined;
  const written = text.slice(value.start, value.end);
  const replacement = `{ ${names.map((name) => `${name}: ${written}.${name}`).join(', ')} }`;
  const shorthand = ts.isShorthandPropertyAssignment(expression.parent) && expression.parent.name === expression;
  const edit = shorthand ? `${written}: ${replacement}` : replacement;
  return {
    title: `Log ${names.map((name) => `\`${name}\``).join(', ')} instead of the whole record`,
    isPreferred: true,
    edits: [{ file: finding.file, start: value.start, end: value.end, newText: edit }],
  };
}

/** The name or property path written at `span`. */
function expressionAt(sourceFile: ts.SourceFile, span: Span): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || span.start < node.getStart(sourceFile) || span.end > node.end) return;
    if (
      (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) &&
      node.getStart(sourceFile) === span.start &&
      node.end === span.end
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
