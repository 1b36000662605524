import type ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import type { Field, FieldKind, Tag } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { citationsFor, type Sector } from '../../base/provisions';
import { codeFileOf, entriesBySchema } from '../../register/files';
import type { Register } from '../../register/model';
import { fieldsAt } from './field-at';

/** Where something is written: a file and the span of it. */
export interface Place {
  readonly file: string;
  readonly span: Span;
}

/** What a hover says about one tagged field: plain data, worded by the face that shows it. */
export interface FieldFacts {
  readonly schema: string;
  readonly field: string;
  readonly kinds: readonly FieldKind[];
  /** The field's declaration: the tags are in its JSDoc. */
  readonly declaredAt: Place;
  /** Its purposes: the field's own `@purpose`, else its schema's; undefined when none is declared. */
  readonly purposes?: { readonly ids: readonly string[]; readonly from: 'field' | 'schema'; readonly at: Place };
  readonly parentalConsent: boolean;
  /** Its schema's Personal Information File and where the register lists it. */
  readonly file?: { readonly name: string; readonly entry?: Place; readonly registered: boolean };
  readonly provisions: readonly string[];
}

export interface HoverInfo {
  readonly span: Span;
  readonly fields: readonly FieldFacts[];
  /** The purposes of the code around a use (docs/annotations.md, "Contexts"); absent on declarations and outside any. */
  readonly context?: { readonly name: string; readonly ids: readonly string[]; readonly at: Place; readonly basis?: string };
}

export interface HoverOptions {
  readonly root: string;
  readonly registerPath: string;
  readonly register: Register | undefined;
}

export function hoverInfo(
  sourceFile: ts.SourceFile,
  program: ts.Program,
  catalogue: Catalogue,
  offset: number,
  options: HoverOptions,
): HoverInfo | undefined {
  const at = fieldsAt(sourceFile, program, catalogue, offset);
  if (!at) return undefined;
  const entryBySchema = entriesBySchema(options.register, catalogue, options.root);
  const facts = at.fields.map((field): FieldFacts => {
    const schema = catalogue.schemas.get(field.schemaKey);
    const purposes = field.purposes
      ? { tag: field.purposes, from: 'field' as const }
      : schema?.purposes && { tag: schema.purposes, from: 'schema' as const };
    const codeFile = schema && codeFileOf(schema, options.root);
    const entry = schema && entryBySchema.get(schema.key);
    return {
      schema: schema?.name ?? '',
      field: field.name,
      kinds: field.kinds,
      declaredAt: { file: field.file, span: field.nameSpan },
      ...(purposes && { purposes: { ids: ids(purposes.tag), from: purposes.from, at: { file: field.file, span: purposes.tag.span } } }),
      parentalConsent: field.parentalConsent,
      ...(codeFile && {
        file: {
          name: codeFile.name,
          registered: entry !== undefined,
          ...(entry && { entry: { file: options.registerPath, span: entry.anchor } }),
        },
      }),
      provisions: provisionsOf(field, options.register?.sector?.value),
    };
  });
  const code = at.declaration ? undefined : catalogue.contextAt(sourceFile.fileName, at.span.start);
  const basis = code && catalogue.basisAt(sourceFile.fileName, at.span.start)?.basis?.args[0]?.text;
  return {
    span: at.span,
    fields: facts,
    ...(code?.purposes && {
      context: { name: code.name, ids: ids(code.purposes), at: { file: code.file, span: code.purposes.span }, ...(basis && { basis }) },
    }),
  };
}

const ids = (tag: Tag): string[] => tag.args.map((arg) => arg.text);

/** What makes each kind of field what it is in law. */
function provisionsOf(field: Field, sector: Sector | undefined): string[] {
  const cited = new Set<string>();
  for (const kind of field.kinds) {
    switch (kind.tag) {
      case 'specialCare':
        cited.add('APPI Art. 2(3) (special care-required personal information)');
        break;
      case 'facial':
        cited.add('APPI Art. 2(2) with Cabinet Order Art. 1 (facial feature data)');
        break;
      case 'myNumber':
        cited.add('My Number Act (Act No. 27 of 2013) Art. 2(8), 19 and 20 (specific personal information)');
        break;
      default:
        cited.add('APPI Art. 2(1) (personal information)');
    }
  }
  if (field.kinds.length > 0) cited.add(`${citationsFor(sector).purposeOfUse} (purpose of use)`);
  return [...cited];
}
