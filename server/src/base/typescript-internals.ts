import ts from 'typescript';

/**
 * The four parts of TypeScript used here that its public typings leave out. Each is what TypeScript's own
 * tools use for the same job; the TypeScript version is pinned, and loading this file fails loudly if a
 * version ever lacks one, rather than analysing differently.
 */

type MatchFiles = (
  path: string,
  extensions: readonly string[] | undefined,
  excludes: readonly string[] | undefined,
  includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean,
  currentDirectory: string,
  depth: number | undefined,
  getFileSystemEntries: (path: string) => { files: readonly string[]; directories: readonly string[] },
  realpath: (path: string) => string,
) => string[];

type ParseIsolatedJSDocComment = (content: string, start: number, length: number) => { jsDoc: ts.JSDoc } | undefined;

type ResolvedModuleOf = (
  moduleSpecifier: ts.StringLiteralLike,
  sourceFile: ts.SourceFile,
) => ts.ResolvedModuleWithFailedLookupLocations | undefined;

const internals = ts as unknown as { matchFiles?: MatchFiles; parseIsolatedJSDocComment?: ParseIsolatedJSDocComment };

/** The include/exclude matcher `ts.sys.readDirectory` uses: how a host that is not `ts.sys` reads `tsconfig.json` globs as `tsc` does. */
export const matchFiles: MatchFiles = required(internals.matchFiles, 'matchFiles');

/** TypeScript's JSDoc parser on one comment of a text, in place: offsets are the text's, and no file is made around it. */
export const parseJSDocComment: ParseIsolatedJSDocComment = required(internals.parseIsolatedJSDocComment, 'parseIsolatedJSDocComment');

/**
 * The parser's table of the names a file uses — identifiers, property names, strings in element accesses
 * and module names — which TypeScript keeps on every source file.
 */
export function namesOf(sourceFile: ts.SourceFile): ReadonlyMap<string, string> {
  return (sourceFile as ts.SourceFile & { identifiers: ReadonlyMap<string, string> }).identifiers;
}

/**
 * How the program resolved one of a file's imports (undefined `resolvedModule`: it did not), as tsserver
 * asks it: the resolution the program was built with, without resolving again or asking the checker.
 */
export function resolvedModuleOf(
  program: ts.Program,
  moduleSpecifier: ts.StringLiteralLike,
  sourceFile: ts.SourceFile,
): ts.ResolvedModuleWithFailedLookupLocations | undefined {
  return (program as ts.Program & { getResolvedModuleFromModuleSpecifier: ResolvedModuleOf }).getResolvedModuleFromModuleSpecifier(
    moduleSpecifier,
    sourceFile,
  );
}

if (!(namesOf(ts.createSourceFile('check.ts', 'f()', ts.ScriptTarget.Latest)) instanceof Map))
  throw new Error('this TypeScript version keeps no identifiers table');
// A program of no files, which reads nothing: whether programs answer how they resolved an import.
required(
  (ts.createProgram({ rootNames: [], options: { noLib: true, types: [] } }) as { getResolvedModuleFromModuleSpecifier?: unknown })
    .getResolvedModuleFromModuleSpecifier,
  'Program.getResolvedModuleFromModuleSpecifier',
);

function required<T>(value: T | undefined, name: string): T {
  if (typeof value !== 'function') throw new Error(`this TypeScript version has no ${name}`);
  return value;
}
