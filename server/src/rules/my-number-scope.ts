import { describeField, listIds } from '../annotations/describe';
import { addTag, replace } from '../annotations/edits';
import type { Arg, Field, Schema } from '../annotations/model';
import type { Fix, Span } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { beyondMyNumberScope, isMyNumber, myNumberBasis, outsideAffairs } from '../engine/my-number';
import { reachedUsesOf } from '../engine/queries/reached';
import { usesOf } from '../engine/queries/uses';
import type { AnnotationContext, FixContext, RelatedSpan, Report, Rule, SourceContext } from '../engine/rule';
import { myNumberAffairs } from '../register/model';
import type { PurposeCatalogue } from '../register/purposes';

type Data =
  /** A `@myNumber` field declared for a purpose that is not an affair: the field, and the id. */
  | { readonly kind: 'declared'; readonly field: string; readonly purpose: string }
  /** A use in code serving purposes that are not affairs. */
  | { readonly kind: 'used'; readonly purposes: readonly string[] };

/**
 * `my-number-scope` (docs/rules/my-number-scope.md): an Individual Number declared for, or used for, a
 * purpose the catalogue does not mark as one of the affairs the My Number Act allows it for.
 */
export const myNumberScope: Rule = {
  meta: {
    id: 'my-number-scope',
    description:
      'A `@myNumber` field declared for, or used in code serving, a purpose that the catalogue does not mark as a My Number affair (`myNumberAffair`); no `@basis` but `vital-interest` allows it.',
    defaultSeverity: 'error',
    provision: provisions.myNumberUse,
    fixable: true,
  },

  checkAnnotations(context) {
    const fields = context.annotations.schemas.flatMap((schema) => schema.fields.filter(isMyNumber).map((field) => ({ field, schema })));
    // Only a file that declares an Individual Number reads the register.
    const catalogue = fields.length > 0 ? context.purposes : undefined;
    if (!catalogue) return;
    const reported = new Set<number>();
    for (const { field, schema } of fields) {
      const tag = field.purposes ?? schema.purposes;
      for (const arg of tag?.args ?? []) {
        if (outsideAffairs([arg.text], catalogue).length === 0 || reported.has(arg.span.start)) continue;
        reported.add(arg.span.start);
        context.report(declared(field, schema, arg, context));
      }
    }
  },

  checkSource(context) {
    const used = context.query(usesOf).filter((use) => use.fields.some(isMyNumber));
    const sites = context.query(reachedUsesOf).sites.filter((site) => site.uses.some((found) => found.use.fields.some(isMyNumber)));
    const catalogue = used.length > 0 || sites.length > 0 ? context.purposes : undefined;
    if (!catalogue) return;
    const groups = new Set<string>();
    for (const use of used) {
      const served = servedAt(context, use.span.start);
      if (!served) continue;
      const bases = basesAt(context, use.span.start);
      const fields = use.fields.filter((field) => beyondMyNumberScope(field, served.ids, bases, catalogue));
      if (fields.length === 0) continue;
      const group = use.kind === 'read' ? `${use.scope.start} ${served.code} ${fields.map((field) => field.key).join(' ')}` : undefined;
      if (group !== undefined && groups.has(group)) continue;
      if (group !== undefined) groups.add(group);
      context.report(usedReport(use.span, fields, served, catalogue, use.kind === 'escape', context));
    }
    for (const site of sites) {
      const served = servedAt(context, site.span.start);
      if (!served) continue;
      const around = basesAt(context, site.span.start);
      const fields = site.uses.flatMap((found) =>
        found.use.fields.filter((field) => beyondMyNumberScope(field, served.ids, [...around, ...found.bases], catalogue)),
      );
      if (fields.length === 0) continue;
      const escapes = site.uses.some((found) => found.use.kind === 'escape' && found.use.fields.some((field) => fields.includes(field)));
      const related = site.uses.map((found) => ({
        file: found.file,
        span: found.use.span,
        message: `\`${found.path.at(-1)!.name}\` uses the Individual Number here, reached from \`${served.name}\`.`,
      }));
      context.report(usedReport(site.span, [...new Set(fields)], served, catalogue, escapes, context, related));
    }
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    const fixes: Fix[] = [];
    if (data.kind === 'declared') {
      const field = context.catalogue.fields.get(data.field);
      const narrow = field && narrowFix(field, data.purpose, context);
      if (narrow) fixes.push(narrow);
      const affair = affairFix(data.purpose, context);
      if (affair) fixes.push(affair);
    } else
      for (const purpose of data.purposes) {
        const affair = affairFix(purpose, context);
        if (affair) fixes.push(affair);
      }
    return fixes;
  },
};

interface Served {
  readonly ids: readonly string[];
  readonly name: string;
  /** The context's name offset, for grouping. */
  readonly code: number;
  readonly span: Span;
  readonly file: string;
}

function servedAt(context: SourceContext, offset: number): Served | undefined {
  const code = context.catalogue.contextAt(context.file, offset);
  return (
    code?.purposes && {
      ids: code.purposes.args.map((arg) => arg.text),
      name: code.name,
      code: code.nameSpan.start,
      span: code.purposes.span,
      file: code.file,
    }
  );
}

function basesAt(context: SourceContext, offset: number): string[] {
  const basis = context.catalogue.basisAt(context.file, offset)?.basis?.args[0]?.text;
  return basis === undefined ? [] : [basis];
}

function declared(field: Field, schema: Schema, arg: Arg, context: AnnotationContext): Report {
  const on = field.purposes ? `\`${schema.name}.${field.name}\`` : `\`${schema.name}\``;
  return {
    span: arg.span,
    message: `\`${schema.name}.${field.name}\` (${describeField(field)}) is declared for \`${arg.text}\`, which is not one of the affairs the My Number Act allows Individual Numbers for (no \`myNumberAffair\` in the catalogue); consent does not widen them (${citationsFor(context.sector).myNumberUse}).`,
    related: [{ file: field.file, span: field.nameSpan, message: `The Individual Number, declared for \`${arg.text}\` by ${on}.` }],
    data: { kind: 'declared', field: field.key, purpose: arg.text } satisfies Data,
  };
}

function usedReport(
  span: Span,
  fields: readonly Field[],
  served: Served,
  catalogue: PurposeCatalogue,
  escapes: boolean,
  context: SourceContext,
  related: readonly RelatedSpan[] = [],
): Report {
  const outside = outsideAffairs(served.ids, catalogue);
  const named = fields.map((field) => `\`${context.catalogue.schemaOf(field).name}.${field.name}\``).join(', ');
  const cited = citationsFor(context.sector);
  const law = escapes ? `${cited.myNumberUse}; ${cited.myNumberProvision}` : cited.myNumberUse;
  return {
    span,
    message: `${named} (an Individual Number) ${escapes ? 'leaves' : 'is used in'} \`${served.name}\`, which serves ${listIds(outside)}: not one of the affairs the My Number Act allows Individual Numbers for, and neither consent nor any \`@basis\` but \`${myNumberBasis}\` widens them (${law}).`,
    related: [...related, { file: served.file, span: served.span, message: `\`${served.name}\` serves ${listIds(served.ids)}.` }],
    data: { kind: 'used', purposes: outside } satisfies Data,
  };
}

/**
 * Removes the purpose from the field's declaration: from its own `@purpose`, or, when the schema declares
 * it, by narrowing the field to the schema's other purposes that are affairs.
 */
function narrowFix(field: Field, purpose: string, context: FixContext): Fix | undefined {
  const text = context.text(field.file);
  if (text === undefined) return undefined;
  const own = field.purposes?.args.find((arg) => arg.text === purpose);
  if (own && field.purposes!.args.length > 1) {
    return {
      title: `Remove \`${purpose}\` from \`${field.name}\`'s purposes`,
      edits: [replace(field.file, spanWithSpace(own.span, text), '')],
    };
  }
  if (own) return undefined;
  const schema = context.catalogue.schemaOf(field);
  const kept = (schema.purposes?.args ?? []).map((arg) => arg.text).filter((id) => context.purposes?.entries.get(id)?.myNumberAffair);
  if (kept.length === 0) return undefined;
  return {
    title: `Declare \`${field.name}\` for ${listIds(kept)} only`,
    edits: [addTag(field.file, text, field.doc, `@purpose ${kept.join(' ')}`)],
  };
}

/** The argument with the space before it, so that `@purpose a b` loses ` b`. */
function spanWithSpace(span: Span, text: string): Span {
  return text[span.start - 1] === ' ' ? { start: span.start - 1, end: span.end } : span;
}

/**
 * Marks a catalogue purpose as an affair, only where its id or description names one (`tax-withholding`,
 * "Social security benefits"); an affair is never guessed.
 */
function affairFix(purpose: string, context: FixContext): Fix | undefined {
  const entry = context.purposes?.entries.get(purpose);
  const text = context.text(context.registerPath);
  if (!entry || text === undefined) return undefined;
  const words = `${entry.id} ${entry.description ?? ''}`.toLowerCase().replace(/[-_]/g, ' ');
  const named = myNumberAffairs.filter((affair) => words.includes(affairWords[affair]));
  if (named.length !== 1) return undefined;
  const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
  const line = text.slice(lineStart, entry.span.start);
  const key = /^(\s*)(-\s+)?id\s*:\s*$/.exec(line);
  if (!key) return undefined;
  const lineEnd = text.indexOf('\n', entry.span.end);
  const indent = ' '.repeat(key[1]!.length + (key[2]?.length ?? 0));
  return {
    title: `Mark \`${purpose}\` as the My Number affair \`${named[0]}\` in the register`,
    edits: [
      {
        file: context.registerPath,
        start: lineEnd === -1 ? text.length : lineEnd,
        end: lineEnd === -1 ? text.length : lineEnd,
        newText: `\n${indent}myNumberAffair: ${named[0]}`,
      },
    ],
  };
}

/** The word that names each affair in a purpose's id or description. */
const affairWords: Readonly<Record<(typeof myNumberAffairs)[number], string>> = {
  'social-security': 'social security',
  taxation: 'tax',
  'disaster-response': 'disaster',
};
