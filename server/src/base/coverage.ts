import type { Range } from './finding';

/**
 * What a run could not check (README, "What a clean run means"), as plain data beside the findings, so that a run that finds nothing
 * does not look like a run that saw nothing. The engine counts it for every file it analyses, whichever
 * rules are on; the faces show it (the CLI's summary, `json`, SARIF, the editor's status item).
 */
export type UncheckedKind =
  /** A read of a tagged field's name on a value whose type is `any`, an error type, or from an unresolved import. */
  | 'untyped-read'
  /** A use of a tagged field in code that no context reaches (counted over the whole workspace). */
  | 'unreached-use'
  /** An import of a package that is not installed. */
  | 'missing-package'
  /** A `tsconfig.json` whose `extends` cannot be found (or read). */
  | 'missing-extends'
  /** A `tsconfig.json` project that could not be loaded at all. */
  | 'project-not-loaded'
  /** A Prisma schema with tagged models whose client has not been generated: its models' uses cannot be found. */
  | 'missing-prisma-client'
  /** A file not analysed, or not by every rule: too large, not text, not a regular file, too deeply nested, a rule that failed. */
  | 'incomplete-analysis';

/** The kinds in the order reports list them. */
export const uncheckedKinds: readonly UncheckedKind[] = [
  'untyped-read',
  'unreached-use',
  'missing-package',
  'missing-extends',
  'project-not-loaded',
  'missing-prisma-client',
  'incomplete-analysis',
];

/** Why a read could not be checked. */
export type UntypedCause =
  | { readonly type: 'any' }
  | { readonly type: 'error' }
  /** The value comes from an import whose module does not resolve (`module` as written). */
  | { readonly type: 'unresolved-import'; readonly module: string };

interface Place {
  /** Absolute path, forward slashes: the file read, the importing file, or the `tsconfig.json`. */
  readonly file: string;
  /** Where in the file; absent when the item is about the whole file. */
  readonly range?: Range;
}

export type Unchecked =
  | (Place & { readonly kind: 'untyped-read'; readonly range: Range; readonly name: string; readonly cause: UntypedCause })
  | (Place & { readonly kind: 'unreached-use'; readonly range: Range; readonly name: string })
  | (Place & { readonly kind: 'missing-package'; readonly range: Range; readonly package: string })
  | (Place & { readonly kind: 'missing-extends'; readonly extends: string })
  | (Place & { readonly kind: 'project-not-loaded'; readonly reason: string })
  | (Place & { readonly kind: 'missing-prisma-client'; readonly output: string })
  | (Place & { readonly kind: 'incomplete-analysis'; readonly reason: string });

/** A run's coverage: every place it could not check, and how many of each kind. */
export interface Coverage {
  /** Every item, the workspace's own (configurations, projects) first, then file by file. */
  readonly unchecked: readonly Unchecked[];
  readonly total: number;
  readonly byKind: Readonly<Record<UncheckedKind, number>>;
}

export function coverageOf(unchecked: readonly Unchecked[]): Coverage {
  const byKind = Object.fromEntries(uncheckedKinds.map((kind) => [kind, 0])) as Record<UncheckedKind, number>;
  for (const item of unchecked) byKind[item.kind]++;
  return { unchecked, total: unchecked.length, byKind };
}

/** One item as a clause, for reports and the editor's list (the file is said apart). */
export function describeUnchecked(item: Unchecked): string {
  switch (item.kind) {
    case 'untyped-read':
      return `\`${item.name}\` is read on ${causeText(item.cause)}: possibly personal information, not checked`;
    case 'unreached-use':
      return `\`${item.name}\` is used in code that no context reaches: not checked`;
    case 'missing-package':
      // `node:` modules are declared by @types/node, which a project may also leave out of its `types`.
      return `'${item.package}' is not installed${item.package.startsWith('@types/') ? " (or not among the project's `types`)" : ''}: what this file takes from it is not checked`;
    case 'missing-extends':
      return `extends '${item.extends}', which cannot be found: the project is checked without the options it would give`;
    case 'project-not-loaded':
      return `the project could not be loaded (${item.reason}): its files are checked as files of no project, with default options`;
    case 'missing-prisma-client':
      return `its client has not been generated (no ${item.output}; run \`prisma generate\`): the uses of its models are not found`;
    case 'incomplete-analysis':
      return `the file was not fully analysed: ${item.reason}`;
  }
}

/** What the value a read is on was, as a phrase: `a value of type \`any\``. */
export function causeText(cause: UntypedCause): string {
  switch (cause.type) {
    case 'any':
      return 'a value of type `any`';
    case 'error':
      return 'a value whose type TypeScript could not resolve';
    case 'unresolved-import':
      return isBare(cause.module)
        ? `a value imported from '${cause.module}', which is not installed`
        : `a value imported from '${cause.module}', which does not resolve`;
  }
}

/** A module specifier that names a package, not a file: neither relative nor absolute. */
export function isBare(specifier: string): boolean {
  return !/^(?:\.\.?(?:\/|$)|\/|[a-zA-Z]:[\\/])/.test(specifier);
}

/** The package a bare module specifier names: `@scope/name` or `name`; `node:` modules come with `@types/node`. */
export function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return '@types/node';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
