import { type DocComment, type ModelDeclaration, parsePrismaSchema, type SchemaDeclaration } from '@loancrate/prisma-schema-parser';
import type { Span } from '../base/finding';
import { dirname, join, normalize } from '../base/paths';
import { fieldKind, find, merged, narrowingProblems, piFileName, validTags } from './extract';
import type { AnnotationProblem, DocAnchor, Field, FileAnnotations, Schema, Tag } from './model';
import { lineDocBlock } from './tags';

/**
 * A Prisma schema's annotations: the same tags as in TypeScript, in the `///` doc comments of its models
 * and their fields (SPEC §2, "Where fields can be declared"), read from the syntax tree of a maintained
 * parser of the Prisma schema language. A model with a tagged field is a schema and a Personal Information
 * File; findings about it are anchored in the `.prisma` file.
 */
export function extractPrismaAnnotations(file: string, text: string): FileAnnotations {
  const problems: AnnotationProblem[] = [];
  const schemas: Schema[] = [];
  let declarations: readonly SchemaDeclaration[];
  try {
    declarations = parsePrismaSchema(text).declarations;
  } catch (error) {
    problems.push({
      file,
      span: errorSpan(error, text),
      message: `The Prisma schema could not be read, so its annotations are not checked: ${firstLine(error)}`,
    });
    return { file, schemas, contexts: [], problems, consentFields: [] };
  }
  let pending: DocComment[] = [];
  for (const declaration of declarations) {
    if (declaration.kind === 'commentBlock') {
      pending = docComments(declaration.comments);
      continue;
    }
    if (declaration.kind === 'model' || declaration.kind === 'view' || declaration.kind === 'type') {
      const schema = readModel(file, text, declaration, pending, problems);
      if (schema) schemas.push(schema);
    }
    pending = [];
  }
  return { file, schemas, contexts: [], problems, consentFields: [] };
}

function readModel(
  file: string,
  text: string,
  model: ModelDeclaration,
  doc: readonly DocComment[],
  problems: AnnotationProblem[],
): Schema | undefined {
  const nameSpan = spanOf(model.name.location);
  if (!nameSpan || !model.location) return undefined;
  const key = `${file}#${nameSpan.start}`;
  const own = readTags(file, text, doc, model.location.start.offset, ['schema'], 'a model', problems);
  const fields: Field[] = [];
  const consentFields: Field[] = [];
  let pending: DocComment[] = [];
  for (const member of model.members) {
    if (member.kind === 'commentBlock') {
      pending = docComments(member.comments);
      continue;
    }
    if (member.kind === 'field' && member.location) {
      const fieldSpan = spanOf(member.name.location)!;
      const { tags, doc: fieldDoc } = readTags(file, text, pending, member.location.start.offset, ['field'], 'a field', problems);
      if (tags.length > 0) {
        const purposes = merged(tags, 'purpose');
        const field: Field = {
          key: `${file}#${fieldSpan.start}`,
          schemaKey: key,
          file,
          name: member.name.value,
          nameSpan: fieldSpan,
          kinds: tags.flatMap(fieldKind),
          parentalConsent: tags.some((tag) => tag.name === 'parentalConsent'),
          consent: tags.some((tag) => tag.name === 'consent'),
          doc: fieldDoc,
          ...(purposes && { purposes }),
        };
        if (field.kinds.length > 0) fields.push(field);
        else if (field.parentalConsent || field.consent) consentFields.push(field);
      }
    }
    pending = [];
  }
  if (fields.length === 0) return undefined;
  const purposes = merged(own.tags, 'purpose');
  if (purposes) problems.push(...narrowingProblems(file, fields, purposes));
  const piFile = find(own.tags, 'piFile');
  const minimumAge = find(own.tags, 'minimumAge');
  return {
    key,
    file,
    name: model.name.value,
    nameSpan,
    declaration: 'prisma',
    fields,
    consentFields,
    decorators: [],
    doc: own.doc,
    ...(purposes && { purposes }),
    ...(piFile && { piFile: piFileName(piFile) }),
    ...(minimumAge?.args[0] && { minimumAge: { value: Number(minimumAge.args[0].text), span: minimumAge.args[0].span } }),
  };
}

function readTags(
  file: string,
  text: string,
  comments: readonly DocComment[],
  declarationStart: number,
  places: readonly ('field' | 'schema')[],
  where: string,
  problems: AnnotationProblem[],
): { tags: Tag[]; doc: DocAnchor } {
  const lineStart = text.lastIndexOf('\n', declarationStart - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, declarationStart))![0];
  const starts = comments.flatMap((comment) => comment.location?.start.offset ?? []);
  const end = comments.at(-1)?.location?.end.offset;
  const block = end === undefined ? undefined : lineDocBlock(text, starts, end);
  const doc: DocAnchor = { insertAt: declarationStart, indent, style: 'line', ...(block && { block: { start: starts[0]!, end: end! } }) };
  return { tags: block ? validTags(file, block.tags, places, where, problems) : [], doc };
}

/** The `///` comments of a block of comments just before a declaration: other comments are not documentation. */
function docComments(comments: readonly { kind: string }[]): DocComment[] {
  return comments.filter((comment): comment is DocComment => comment.kind === 'docComment');
}

function spanOf(location: { start: { offset: number }; end: { offset: number } } | undefined): Span | undefined {
  return location && { start: location.start.offset, end: location.end.offset };
}

function errorSpan(error: unknown, text: string): Span {
  const location = (error as { location?: { start?: { offset?: number }; end?: { offset?: number } } }).location;
  const start = Math.min(location?.start?.offset ?? 0, text.length);
  return { start, end: Math.max(start, Math.min(location?.end?.offset ?? start, text.length)) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * Where the schema's `generator` blocks write the client (`output`, relative to the schema's folder): its
 * files are generated from the schema, so they are not read as the workspace's annotations, and the types
 * they declare are mapped back to the models. Without `output`, the client goes to `node_modules`.
 */
export function prismaClientOutputs(file: string, text: string): string[] {
  let declarations: readonly SchemaDeclaration[];
  try {
    declarations = parsePrismaSchema(text).declarations;
  } catch {
    return [];
  }
  return declarations.flatMap((declaration) => {
    if (declaration.kind !== 'generator') return [];
    const output = declaration.members.find((member) => member.kind === 'config' && member.name.value === 'output');
    const value = output?.kind === 'config' && output.value.kind === 'literal' ? output.value.value : undefined;
    return typeof value === 'string' ? [normalize(join(dirname(file), value))] : [];
  });
}
