import type { Catalogue } from '../../annotations/catalogue';
import type { FileAnnotations } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { relative } from '../../base/paths';
import { codeFiles } from '../../register/files';
import type { Register } from '../../register/model';
import type { Place } from './hover-info';

export interface DefinitionOptions {
  readonly root: string;
  readonly registerPath: string;
  readonly register: Register | undefined;
}

/**
 * Go-to-definition between the code and the register: from `@piFile` to the file's entry, from a purpose id
 * to the catalogue's purpose; from an entry's `schema` (or `name`) to the schema, from an entry's purpose to
 * the catalogue's.
 */
export function definitionsInSource(annotations: FileAnnotations, offset: number, options: DefinitionOptions): Place[] {
  const register = options.register;
  if (!register) return [];
  for (const schema of annotations.schemas) {
    if (schema.piFile && inside(schema.piFile.span, offset)) {
      const name = schema.piFile.text;
      return (register.files ?? []).flatMap((entry) =>
        entry.name?.value === name ? [{ file: options.registerPath, span: entry.anchor }] : [],
      );
    }
  }
  const purposeArgs = [
    ...annotations.schemas.flatMap((schema) => [schema.purposes, ...schema.fields.map((field) => field.purposes)]),
    ...annotations.contexts.map((context) => context.purposes),
  ].flatMap((tag) => tag?.args ?? []);
  const arg = purposeArgs.find((candidate) => inside(candidate.span, offset));
  return arg ? purposeDefinition(arg.text, register, options.registerPath) : [];
}

export function definitionsInRegister(register: Register, catalogue: Catalogue, offset: number, options: DefinitionOptions): Place[] {
  for (const entry of register.files ?? []) {
    if (entry.schema && inside(entry.schema.span, offset)) {
      const reference = entry.schema.value;
      return [...catalogue.schemas.values()]
        .filter((schema) => `${relative(options.root, schema.file)}#${schema.name}` === reference)
        .map((schema) => ({ file: schema.file, span: schema.nameSpan }));
    }
    if (entry.name && inside(entry.name.span, offset)) {
      const name = entry.name.value;
      return codeFiles(catalogue, options.root)
        .filter((file) => file.name === name)
        .map((file) => ({ file: file.schema.file, span: file.schema.nameSpan }));
    }
    const purpose = entry.purposes?.items.find((item) => inside(item.span, offset));
    if (purpose) return purposeDefinition(purpose.value, register, options.registerPath);
  }
  return [];
}

function purposeDefinition(id: string, register: Register, registerPath: string): Place[] {
  return (register.purposes ?? []).flatMap((entry) => (entry.id === id ? [{ file: registerPath, span: entry.span }] : []));
}

const inside = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;
