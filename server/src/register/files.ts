import type { Catalogue } from '../annotations/catalogue';
import type { Schema } from '../annotations/model';
import { relative } from '../base/paths';
import type { FileEntry, Register } from './model';

/**
 * Personal Information Files in the code (docs/annotations.md, "Personal Information Files"): schemas with
 * `@piFile`, ORM entities, Drizzle tables and Prisma models with tagged fields. Entities are recognised by their decorator's
 * import, tables by their builder's, syntactically, so that a workspace whose dependencies are not installed
 * reads the same.
 */
export interface CodeFile {
  readonly schema: Schema;
  /** `@piFile`, else the table's SQL name, else the entity's class name. */
  readonly name: string;
  /** `path#TypeName`, the path relative to the workspace root: what an entry's `schema` says. */
  readonly reference: string;
  /** Every purpose the schema declares, its fields' narrowing ones included, in order of appearance. */
  readonly purposes: readonly string[];
  readonly recordedMatters: readonly string[];
  readonly specialCare: boolean;
}

function isEntity(schema: Schema): boolean {
  return schema.decorators.some(
    (decorator) => decorator.name === 'Entity' && decorator.module !== undefined && /typeorm|mikro-orm/.test(decorator.module),
  );
}

export function codeFileOf(schema: Schema, root: string): CodeFile | undefined {
  if (!schema.piFile && !isEntity(schema) && schema.declaration !== 'drizzle' && schema.declaration !== 'prisma') return undefined;
  return describeSchema(schema, root, fileNameOf(schema));
}

function fileNameOf(schema: Schema): string {
  return schema.piFile?.text ?? schema.tableName ?? schema.name;
}

export function codeFiles(catalogue: Catalogue, root: string): CodeFile[] {
  return [...catalogue.schemas.values()].flatMap((schema) => codeFileOf(schema, root) ?? []);
}

function describeSchema(schema: Schema, root: string, name: string): CodeFile {
  const purposes = new Set<string>(schema.purposes?.args.map((arg) => arg.text) ?? []);
  for (const field of schema.fields) for (const arg of field.purposes?.args ?? []) purposes.add(arg.text);
  return {
    schema,
    name,
    reference: `${relative(root, schema.file)}#${schema.name}`,
    purposes: [...purposes],
    recordedMatters: [...new Set(schema.fields.map((field) => field.path ?? field.name))],
    specialCare: schema.fields.some((field) => field.kinds.some((kind) => kind.tag === 'specialCare')),
  };
}

/** Where each entry and each file of the code stand against each other. */
export interface Matching {
  /** The code's file for each entry that has one: by `schema` when it resolves, else by `name`. */
  readonly fileOf: ReadonlyMap<FileEntry, CodeFile>;
  /** Entries whose `schema` names no schema of the workspace. */
  readonly unresolved: readonly FileEntry[];
  /** Files of the code that no entry names, by `name` or by `schema`. */
  readonly unregistered: readonly CodeFile[];
}

export function matchRegister(register: Register | undefined, catalogue: Catalogue, root: string): Matching {
  const files = codeFiles(catalogue, root);
  const entries = register?.files ?? [];
  const byReference = new Map<string, CodeFile>();
  for (const schema of catalogue.schemas.values()) {
    const file = codeFileOf(schema, root) ?? describeSchema(schema, root, fileNameOf(schema));
    byReference.set(file.reference, file);
  }
  const fileOf = new Map<FileEntry, CodeFile>();
  const unresolved: FileEntry[] = [];
  const registered = new Set<Schema>();
  for (const entry of entries) {
    const bySchema = entry.schema && byReference.get(entry.schema.value);
    if (entry.schema && !bySchema) unresolved.push(entry);
    const byName = entry.name && files.find((file) => file.name === entry.name!.value);
    const file = bySchema || byName;
    if (file) fileOf.set(entry, file);
    for (const matched of [bySchema, byName]) if (matched) registered.add(matched.schema);
  }
  return { fileOf, unresolved, unregistered: files.filter((file) => !registered.has(file.schema)) };
}

export type Difference =
  | { readonly item: 'purposes'; readonly code: readonly string[]; readonly entry: readonly string[] }
  | { readonly item: 'recordedMatters'; readonly missing: readonly string[] }
  | { readonly item: 'specialCare'; readonly code: boolean }
  | { readonly item: 'schema'; readonly reference: string };

/** What an entry says that the code contradicts; only items the entry states are compared. */
export function differences(entry: FileEntry, matching: Matching): Difference[] {
  const found: Difference[] = [];
  const file = matching.fileOf.get(entry);
  if (matching.unresolved.includes(entry)) found.push({ item: 'schema', reference: file?.reference ?? entry.schema!.value });
  if (!file) return found;
  if (entry.purposes) {
    const stated = entry.purposes.items.map((item) => item.value);
    if (!sameSet(stated, file.purposes) && file.purposes.length > 0) found.push({ item: 'purposes', code: file.purposes, entry: stated });
  }
  if (entry.recordedMatters) {
    const stated = new Set(entry.recordedMatters.items.map((item) => item.value));
    const missing = file.recordedMatters.filter((name) => !stated.has(name));
    if (missing.length > 0) found.push({ item: 'recordedMatters', missing });
  }
  if (entry.specialCare && entry.specialCare.value !== file.specialCare) found.push({ item: 'specialCare', code: file.specialCare });
  return found;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

const matchings = new WeakMap<Catalogue, { register: Register | undefined; root: string; value: Matching }>();

/** `matchRegister`, once per catalogue and register: every source file's rules ask the same question. */
function matchingOf(register: Register | undefined, catalogue: Catalogue, root: string): Matching {
  const cached = matchings.get(catalogue);
  if (cached && cached.register === register && cached.root === root) return cached.value;
  const value = matchRegister(register, catalogue, root);
  matchings.set(catalogue, { register, root, value });
  return value;
}

/** The register entry that lists each schema's Personal Information File, by schema key. */
export function entriesBySchema(register: Register | undefined, catalogue: Catalogue, root: string): Map<string, FileEntry> {
  return new Map([...matchingOf(register, catalogue, root).fileOf].map(([entry, file]) => [file.schema.key, entry]));
}
