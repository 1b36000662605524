import type { Arg, CodeContext, Field, FileAnnotations, Schema } from './model';

/**
 * The workspace's annotations merged: every schema and tagged field by key, and the contexts of each file.
 * Rebuilt from per-file annotations (cheap: no syntax is read here) whenever one of them changes.
 */
export class Catalogue {
  readonly schemas = new Map<string, Schema>();
  readonly fields = new Map<string, Field>();
  /** Names of tagged and consent fields: the textual prefilter before any checker question. */
  readonly fieldNames = new Set<string>();
  /** Names of tagged fields only (not consent-only ones): a read of one on an untyped value may be personal information. */
  readonly taggedNames = new Set<string>();
  /** Drizzle tables: their rows are matched to them by column keys (`engine/symbols.ts`). */
  readonly tables: Schema[] = [];
  /** Prisma models' tagged fields by `Model.field`: a generated client's types are mapped to them (`engine/symbols.ts`). */
  readonly prismaFields = new Map<string, Field>();
  private readonly contextsByFile = new Map<string, readonly CodeContext[]>();

  constructor(files: Iterable<FileAnnotations>) {
    for (const file of files) {
      if (file.contexts.length > 0) this.contextsByFile.set(file.file, file.contexts);
      for (const field of file.consentFields) this.addField(field);
      for (const schema of file.schemas) {
        this.schemas.set(schema.key, schema);
        if (schema.columns) this.tables.push(schema);
        if (schema.declaration === 'prisma')
          for (const field of schema.fields) this.prismaFields.set(`${schema.name}.${field.name}`, field);
        for (const field of [...schema.fields, ...schema.consentFields]) this.addField(field);
      }
    }
  }

  private addField(field: Field): void {
    this.fields.set(field.key, field);
    this.fieldNames.add(field.name);
    if (field.kinds.length > 0) this.taggedNames.add(field.name);
  }

  /** The names of the special care-required fields: where `special-care-consent` has anything to look at. */
  specialCareNames(): readonly string[] {
    this.specialCare ??= [
      ...new Set(
        [...this.fields.values()].filter((field) => field.kinds.some((kind) => kind.tag === 'specialCare')).map((field) => field.name),
      ),
    ];
    return this.specialCare;
  }

  private specialCare: readonly string[] | undefined;

  /** The schema of a tagged field (consent fields of forms that are not schemas have none). */
  schemaOf(field: Field): Schema {
    return this.schemas.get(field.schemaKey)!;
  }

  /** The field's declared purposes: its own `@purpose`, else its schema's; undefined when it has none. */
  declaredPurposes(field: Field): readonly Arg[] | undefined {
    return (field.purposes ?? this.schemaOf(field).purposes)?.args;
  }

  contextsOf(file: string): readonly CodeContext[] {
    return this.contextsByFile.get(file) ?? [];
  }

  /** The nearest enclosing code that carries `@purpose` (docs/annotations.md, "Contexts"). */
  contextAt(file: string, offset: number): CodeContext | undefined {
    return innermost(this.contextsOf(file), offset, (context) => context.purposes !== undefined);
  }

  /** The nearest enclosing code that carries `@basis`, if any. */
  basisAt(file: string, offset: number): CodeContext | undefined {
    return innermost(this.contextsOf(file), offset, (context) => context.basis !== undefined);
  }

  /** Every purpose id the code declares or serves, for a register made from the code. */
  purposeIds(): Set<string> {
    const ids = new Set<string>();
    const add = (args: readonly Arg[] | undefined) => {
      for (const arg of args ?? []) ids.add(arg.text);
    };
    for (const schema of this.schemas.values()) {
      add(schema.purposes?.args);
      for (const field of schema.fields) add(field.purposes?.args);
    }
    for (const contexts of this.contextsByFile.values()) for (const context of contexts) add(context.purposes?.args);
    return ids;
  }
}

function innermost(contexts: readonly CodeContext[], offset: number, accept: (context: CodeContext) => boolean): CodeContext | undefined {
  let best: CodeContext | undefined;
  for (const context of contexts) {
    if (!accept(context) || offset < context.span.start || offset >= context.span.end) continue;
    if (!best || context.span.end - context.span.start < best.span.end - best.span.start) best = context;
  }
  return best;
}
