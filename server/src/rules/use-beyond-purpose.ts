import { describeField, listIds } from '../annotations/describe';
import { addTag, appendArgs } from '../annotations/edits';
import type { CodeContext, Field } from '../annotations/model';
import type { FileEdit, Fix } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { beyondMyNumberScope, isMyNumber } from '../engine/my-number';
import { type ReachedSite, type ReachedUse, reachedUsesOf } from '../engine/queries/reached';
import { type Use, usesOf } from '../engine/queries/uses';
import type { FixContext, RelatedSpan, Report, Rule, SourceContext } from '../engine/rule';
import { suppressionFix } from '../engine/suppressions';
import type { PurposeCatalogue } from '../register/purposes';

interface Data {
  /** Fields used beyond their purposes, by key. */
  readonly fields: readonly string[];
  /** The context's purposes that the fields do not declare. */
  readonly missing: readonly string[];
  /** The context, by the start of its name. */
  readonly context: { readonly file: string; readonly at: number };
}

/** `use-beyond-purpose` (docs/rules/use-beyond-purpose.md): a tagged field used for a purpose it is not declared for, with no `@basis`. */
export const useBeyondPurpose: Rule = {
  meta: {
    id: 'use-beyond-purpose',
    description:
      'A tagged field read, or a whole record escaping (logged, serialised, sent, stored, passed to a package, or spread into an object), in code whose purpose is not among those declared for the field and that gives no `@basis`.',
    defaultSeverity: 'error',
    provision: provisions.beyondPurpose,
    fixable: true,
  },

  checkSource(context) {
    /** Reads of the same fields in one function and one context: one finding, at the first. */
    const groups = new Map<string, { finding: Report; others: RelatedSpan[] }>();
    for (const use of context.query(usesOf)) {
      const code = context.catalogue.contextAt(context.file, use.span.start);
      if (!code?.purposes || context.catalogue.basisAt(context.file, use.span.start)) continue;
      const served = code.purposes.args.map((arg) => arg.text);
      const beyond = beyondPurpose(use.fields, served, context);
      if (beyond.length === 0) continue;
      const missing = [...new Set(beyond.flatMap((b) => b.missing))];
      const group =
        use.kind === 'read' ? `${use.scope.start} ${code.nameSpan.start} ${use.fields.map((field) => field.key).join(' ')}` : undefined;
      const known = group === undefined ? undefined : groups.get(group);
      if (known) {
        known.others.push({ file: context.file, span: use.span, message: 'Read again here, for the same purpose.' });
        continue;
      }
      const finding: Report = {
        span: use.span,
        message: message(use, beyond, code, missing, context),
        related: [
          ...beyond.map(({ field, declared }) => ({
            file: field.file,
            span: field.nameSpan,
            message: `\`${qualified(field, context)}\` is declared for ${listIds(declared)}.`,
          })),
          { file: code.file, span: code.purposes.span, message: `\`${code.name}\` serves ${listIds(served)}.` },
        ],
        data: { fields: beyond.map((b) => b.field.key), missing, context: { file: code.file, at: code.nameSpan.start } } satisfies Data,
      };
      if (group === undefined) context.report(finding);
      else groups.set(group, { finding, others: [] });
    }
    for (const { finding, others } of groups.values()) context.report({ ...finding, related: [...(finding.related ?? []), ...others] });
    for (const site of context.query(reachedUsesOf).sites) reportReached(site, context);
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    const fields = data.fields.flatMap((key) => context.catalogue.fields.get(key) ?? []);
    const code = context.catalogue.contextsOf(data.context.file).find((c) => c.nameSpan.start === data.context.at);
    const fixes: Fix[] = [];
    const declare = declarePurposeFix(fields, data.missing, context);
    if (declare) fixes.push(declare);
    const text = code && context.text(code.file);
    if (code && text !== undefined) {
      fixes.push({
        title: `Record a legal basis on \`${code.name}\` (\`@basis consent\`)`,
        edits: [addTag(code.file, text, code.doc, '@basis consent')],
      });
    }
    const suppress = suppressionFix(finding, context.text(finding.file));
    if (suppress) fixes.push(suppress);
    return fixes;
  },
};

/**
 * The uses a call in code with a context reaches (docs/rules/use-beyond-purpose.md, "Reached uses"): one
 * finding at the call, naming the fields and the path, with the reads as related locations and the path
 * as the finding's flow. A use with a `@basis` on its path is allowed.
 */
function reportReached(site: ReachedSite, context: SourceContext): void {
  const code = context.catalogue.contextAt(context.file, site.span.start);
  if (!code?.purposes || context.catalogue.basisAt(context.file, site.span.start)) return;
  const served = code.purposes.args.map((arg) => arg.text);
  const beyond = new Map<string, { field: Field; declared: readonly string[]; missing: readonly string[] }>();
  const reached = site.uses.filter((found) => {
    const fields = found.bases.length > 0 ? [] : beyondPurpose(found.use.fields, served, context);
    for (const one of fields) beyond.set(one.field.key, one);
    return fields.length > 0;
  });
  const first = reached[0];
  if (!first) return;
  const missing = [...new Set([...beyond.values()].flatMap((b) => b.missing))];
  const start = `\`${code.name}\` (${served.join(', ')})`;
  const verb = reached.every((found) => found.use.kind === 'read') ? 'reads' : 'uses';
  const path = [start, ...first.path.map((step) => `\`${step.name}\``)].join(' → ');
  const fields = groupByDeclared([...beyond.values()]).map(
    ({ declared, fields: group }) =>
      `${group.map((field) => `\`${qualified(field, context)}\` (${describeField(field)})`).join(', ')}, declared for ${listIds(declared)}`,
  );
  const others = reached.some((found) => found.path.map((step) => step.name).join() !== first.path.map((step) => step.name).join());
  const plural = beyond.size > 1 ? 'their purposes' : 'its purpose';
  context.report({
    span: site.span,
    message: `${path} → ${verb} ${fields.join('; ')}${others ? ' (also through other calls)' : ''}: beyond ${plural} of use (${citationsFor(context.sector).beyondPurpose}).`,
    related: [
      ...reached.map((found) => ({
        file: found.file,
        span: found.use.span,
        message: `\`${found.path.at(-1)!.name}\` ${found.use.kind === 'read' ? 'reads' : 'uses'} ${names(found.use.fields, context)} here, reached from \`${code.name}\`.`,
      })),
      ...[...beyond.values()].map(({ field, declared }) => ({
        file: field.file,
        span: field.nameSpan,
        message: `\`${qualified(field, context)}\` is declared for ${listIds(declared)}.`,
      })),
      { file: code.file, span: code.purposes.span, message: `\`${code.name}\` serves ${listIds(served)}.` },
    ],
    path: flowOf(site, first, code.name, context),
    data: { fields: [...beyond.keys()], missing, context: { file: code.file, at: code.nameSpan.start } } satisfies Data,
  });
}

/** The way from the call in the context to the use, one location a step, for SARIF's code flows and hovers. */
function flowOf(site: ReachedSite, found: ReachedUse, from: string, context: SourceContext): RelatedSpan[] {
  const steps = found.path;
  return [
    { file: context.file, span: site.span, message: `\`${from}\` calls \`${steps[0]!.name}\`` },
    ...steps.slice(0, -1).map((step, index) => ({
      file: step.file,
      span: step.next!,
      message: `\`${step.name}\` calls \`${steps[index + 1]!.name}\``,
    })),
    { file: found.file, span: found.use.span, message: `\`${steps.at(-1)!.name}\` uses ${names(found.use.fields, context)}` },
  ];
}

function names(fields: readonly Field[], context: SourceContext): string {
  return fields.map((field) => `\`${qualified(field, context)}\``).join(', ');
}

/**
 * The fields whose declared purposes leave out some purpose the context serves, with those purposes. An
 * Individual Number used outside the My Number affairs is `my-number-scope`'s to report, not this rule's.
 */
function beyondPurpose(fields: readonly Field[], served: readonly string[], context: SourceContext) {
  // Only a file that uses an Individual Number reads the register for its affairs.
  const catalogue = fields.some(isMyNumber) ? context.purposes : undefined;
  return fields.flatMap((field) => {
    if (beyondMyNumberScope(field, served, [], catalogue)) return [];
    const declared = context.catalogue.declaredPurposes(field)?.map((arg) => arg.text);
    const missing = declared && served.filter((id) => !declared.includes(id));
    return missing && missing.length > 0 ? [{ field, declared, missing }] : [];
  });
}

function message(
  use: Use,
  beyond: readonly { field: Field; declared: readonly string[] }[],
  code: CodeContext,
  missing: readonly string[],
  context: SourceContext,
): string {
  const where = code.kind === 'file' ? `this file (\`${code.name}\`)` : `\`${code.name}\``;
  const law = `beyond its purpose of use (${citationsFor(context.sector).beyondPurpose})`;
  if (use.kind === 'read') {
    const { field, declared } = beyond[0]!;
    return `\`${qualified(field, context)}\` (${describeField(field)}) is declared for ${listIds(declared)}, but ${where} uses it for ${listIds(missing)}: ${law}.`;
  }
  const schemas = [...new Set(beyond.map(({ field }) => `\`${context.catalogue.schemaOf(field).name}\``))].join(', ');
  const how =
    use.kind === 'enumeration' ? `reads every field of ${schemas} values with ${use.how}` : `passes ${schemas} values whole to ${use.sink}`;
  const fields = groupByDeclared(beyond).map(({ declared, fields: group }) => {
    const named = group.map((field) => (beyond.length <= 3 ? `\`${field.name}\` (${describeField(field)})` : `\`${field.name}\``));
    return `${named.join(', ')} (declared for ${listIds(declared)})`;
  });
  return `${where} ${how} for ${listIds(missing)}, using ${fields.join('; ')}: beyond their purposes of use (${citationsFor(context.sector).beyondPurpose}).`;
}

/** Fields with the same declared purposes, listed together so that long schemas stay readable. */
function groupByDeclared(beyond: readonly { field: Field; declared: readonly string[] }[]) {
  const groups = new Map<string, { declared: readonly string[]; fields: Field[] }>();
  for (const { field, declared } of beyond) {
    const key = declared.join(' ');
    const group = groups.get(key) ?? { declared, fields: [] };
    group.fields.push(field);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function qualified(field: Field, context: { catalogue: SourceContext['catalogue'] }): string {
  return `${context.catalogue.schemaOf(field).name}.${field.path ?? field.name}`;
}

/**
 * Adds the missing purposes where the fields' purposes are declared: the schema's `@purpose`, and the
 * field's own when it narrows the schema's (a narrowed field's purposes stay among its schema's).
 */
function declarePurposeFix(fields: readonly Field[], missing: readonly string[], context: FixContext): Fix | undefined {
  const edits = new Map<string, FileEdit>();
  const targets = new Set<string>();
  for (const field of fields) {
    const schema = context.catalogue.schemaOf(field);
    for (const tag of [field.purposes, schema.purposes]) {
      if (!tag) continue;
      const declared = tag.args.map((arg) => arg.text);
      const added = missing.filter((id) => !declared.includes(id));
      const key = `${field.file}#${tag.span.start}`;
      if (added.length > 0 && !edits.has(key)) edits.set(key, appendArgs(field.file, tag, added));
    }
    targets.add(field.purposes ? `\`${schema.name}.${field.name}\`` : `\`${schema.name}\``);
  }
  if (edits.size === 0) return undefined;
  const where = [...targets].join(', ');
  const declared = fields.flatMap((field) => context.catalogue.declaredPurposes(field)?.map((arg) => arg.text) ?? []);
  const relatedTo = relatedPurpose(missing, declared, context.purposes);
  const title = relatedTo
    ? `Declare purpose ${listIds(missing)} on ${where} (related to \`${relatedTo}\`: a change allowed once notified or published)`
    : `Declare purpose ${listIds(missing)} on ${where} (not related to its purposes: needs the individual's consent)`;
  return { title, isPreferred: relatedTo !== undefined, edits: [...edits.values()] };
}

/** A declared purpose the catalogue marks as related to every new one (APPI Art. 17(2), 61(3)). */
function relatedPurpose(added: readonly string[], declared: readonly string[], purposes: PurposeCatalogue | undefined): string | undefined {
  if (!purposes) return undefined;
  const related = (a: string, b: string) =>
    (purposes.entries.get(a)?.related.includes(b) ?? false) || (purposes.entries.get(b)?.related.includes(a) ?? false);
  return declared.find((old) => added.every((id) => related(id, old)));
}
