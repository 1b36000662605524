import { replace } from '../annotations/edits';
import type { Arg, Tag } from '../annotations/model';
import { citationsFor, provisions } from '../base/provisions';
import { closest } from '../base/spelling';
import type { Rule } from '../engine/rule';

interface Data {
  readonly suggestion?: string;
}

/** `unknown-purpose` (docs/rules/unknown-purpose.md): a purpose id that the register's catalogue does not list. */
export const unknownPurpose: Rule = {
  meta: {
    id: 'unknown-purpose',
    description: "A purpose id that is not in the register's purpose catalogue.",
    defaultSeverity: 'error',
    provision: provisions.purposeCatalogue,
    fixable: true,
  },

  checkAnnotations(context) {
    const { schemas, contexts } = context.annotations;
    const tags: (Tag | undefined)[] = [
      ...schemas.flatMap((schema) => [schema.purposes, ...schema.fields.map((field) => field.purposes)]),
      ...contexts.map((code) => code.purposes),
    ];
    // Only a file that names purposes reads the register: the others keep their findings when it changes.
    const catalogue = tags.some((tag) => tag !== undefined) ? context.purposes : undefined;
    if (!catalogue) return;
    const seen = new Set<number>();
    for (const arg of tags.flatMap((tag): readonly Arg[] => tag?.args ?? [])) {
      if (catalogue.entries.has(arg.text) || seen.has(arg.span.start)) continue;
      seen.add(arg.span.start);
      const suggestion = closest(arg.text, catalogue.entries.keys());
      context.report({
        span: arg.span,
        message:
          `Purpose \`${arg.text}\` is not in the purpose catalogue of ${catalogue.name}` +
          (suggestion ? `; did you mean \`${suggestion}\`?` : '.') +
          ` Purposes of use are specified and published (${citationsFor(context.sector).purposeCatalogue}).`,
        related: [{ file: catalogue.file, span: firstEntrySpan(catalogue), message: 'The purpose catalogue.' }],
        data: (suggestion ? { suggestion } : {}) satisfies Data,
      });
    }
  },

  /** Ids the register itself uses: an entry's `purposes` and a purpose's `related`. */
  checkRegister(context) {
    const { register, purposes: catalogue } = context;
    if (!catalogue || register.broken) return;
    for (const entry of register.files ?? []) {
      for (const id of entry.purposes?.items ?? []) {
        if (catalogue.entries.has(id.value)) continue;
        const suggestion = closest(id.value, catalogue.entries.keys());
        context.report({
          span: id.span,
          message:
            `Purpose \`${id.value}\` of the entry \`${entry.name?.value ?? entry.index + 1}\` is not in the register's purpose catalogue` +
            (suggestion ? `; did you mean \`${suggestion}\`?` : '.') +
            ` Purposes of use are specified and published (${citationsFor(context.sector).purposeCatalogue}).`,
          data: (suggestion ? { suggestion } : {}) satisfies Data,
        });
      }
    }
  },

  fixes(finding) {
    const { suggestion } = finding.data as Data;
    if (!suggestion) return [];
    const span = { start: finding.range.start.offset, end: finding.range.end.offset };
    return [{ title: `Replace with \`${suggestion}\``, isPreferred: true, edits: [replace(finding.file, span, suggestion)] }];
  },
};

function firstEntrySpan(catalogue: { entries: ReadonlyMap<string, { span: { start: number; end: number } }> }) {
  return catalogue.entries.values().next().value?.span ?? { start: 0, end: 0 };
}
