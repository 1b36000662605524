import type { Catalogue } from '../../annotations/catalogue';
import type { FileAnnotations } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { codeFileOf, entriesBySchema } from '../../register/files';
import type { Register } from '../../register/model';
import type { Place } from './hover-info';

/** What a schema's code lens says: its purposes, and whether the register lists its file. */
export interface SchemaLens {
  readonly schemaKey: string;
  readonly schema: string;
  /** The schema's name: where the lens stands. */
  readonly span: Span;
  readonly purposes: readonly string[];
  /** Absent for schemas that are not Personal Information Files. */
  readonly file?: { readonly name: string; readonly status: RegisterStatus; readonly entry?: Place };
}

/** `unknown` when the register cannot be read well enough to say which files it lists. */
type RegisterStatus = 'registered' | 'unregistered' | 'unknown';

export interface LensOptions {
  readonly root: string;
  readonly registerPath: string;
  readonly register: Register | undefined;
}

export function schemaLenses(annotations: FileAnnotations, catalogue: Catalogue, options: LensOptions): SchemaLens[] {
  if (annotations.schemas.length === 0) return [];
  const entryBySchema = entriesBySchema(options.register, catalogue, options.root);
  return annotations.schemas.map((schema) => {
    const codeFile = codeFileOf(schema, options.root);
    const entry = entryBySchema.get(schema.key);
    const purposes = new Set(schema.purposes?.args.map((arg) => arg.text) ?? []);
    for (const field of schema.fields) for (const arg of field.purposes?.args ?? []) purposes.add(arg.text);
    return {
      schemaKey: schema.key,
      schema: schema.name,
      span: schema.nameSpan,
      purposes: [...purposes],
      ...(codeFile && {
        file: {
          name: codeFile.name,
          status: statusOf(entry !== undefined, options.register),
          ...(entry && { entry: { file: options.registerPath, span: entry.anchor } }),
        },
      }),
    };
  });
}

function statusOf(listed: boolean, register: Register | undefined): RegisterStatus {
  if (listed) return 'registered';
  return register && !register.entriesKnown ? 'unknown' : 'unregistered';
}
