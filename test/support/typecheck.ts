/**
 * The TypeScript errors of a fixture's own files, as `tsc` would report them in the workspace the fixture
 * describes: each `tsconfig.json` of the fixture is a project checked with its own options, and the files no
 * project lists are checked together with the options the engine gives its inferred project. Fixtures are
 * meant to be code that compiles, so that a typo (an import of a name that is not there, say) cannot make a
 * "no findings" case pass by making the engine see nothing.
 */
import * as assert from 'node:assert/strict';
import { matchFiles as tsMatchFiles } from 'appi-guard-server/base/typescript-internals';
import { inferredOptions } from 'appi-guard-server/engine/project';
import ts from 'typescript';
import { root } from './fixture';
import { MemoryHost } from './memory-host';
import { type InstalledPackage, mountPackages } from './packages';

export interface TypeError {
  /** Path relative to the workspace root. */
  readonly file: string;
  /** 1-based, as an editor shows them. */
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

interface CheckProject {
  readonly options: ts.CompilerOptions;
  readonly rootFiles: readonly string[];
  readonly references: readonly ts.ProjectReference[];
  readonly directory: string;
}

/** The syntactic and semantic errors of the fixture's TypeScript files (declaration files included). */
export function typeErrors(files: ReadonlyMap<string, string>, packages: readonly InstalledPackage[] = []): TypeError[] {
  const host = new MemoryHost(Object.fromEntries(files));
  mountPackages(host, root, packages);
  const projects: CheckProject[] = [];
  for (const configPath of [...files.keys()].filter((file) => file.endsWith('/tsconfig.json')).sort(byDepth)) {
    // A config that cannot be read is the engine's notice to give, not a type error of the fixture.
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
      ...systemOf(host, root),
      onUnRecoverableConfigFileDiagnostic: () => {},
    });
    if (!parsed) continue;
    const directory = configPath.slice(0, configPath.lastIndexOf('/'));
    projects.push({
      options: { ...parsed.options, noEmit: true },
      rootFiles: parsed.fileNames,
      references: parsed.projectReferences ?? [],
      directory,
    });
  }
  // Each source file is checked by the project that owns it, as the engine assigns them: the nearest
  // enclosing project that lists it, else the deepest that lists it, else the inferred project.
  const owner = new Map<string, CheckProject>();
  const unclaimed: string[] = [];
  for (const file of [...files.keys()].filter((file) => isWorkspaceFile(file, files))) {
    const listing = projects.filter((project) => project.rootFiles.includes(file));
    const chosen = listing.filter((project) => file.startsWith(`${project.directory}/`)).at(-1) ?? listing.at(-1);
    if (chosen) owner.set(file, chosen);
    else unclaimed.push(file);
  }
  if (unclaimed.length > 0) {
    const inferred: CheckProject = { options: inferredOptions, rootFiles: unclaimed, references: [], directory: root };
    projects.push(inferred);
    for (const file of unclaimed) owner.set(file, inferred);
  }

  const errors = new Map<string, TypeError[]>();
  for (const project of projects) {
    if (project.rootFiles.length === 0) continue;
    const program = ts.createProgram({
      rootNames: project.rootFiles,
      options: project.options,
      projectReferences: project.references,
      host: compilerHost(host, project.directory, project.options),
    });
    for (const sourceFile of program.getSourceFiles()) {
      const file = sourceFile.fileName;
      // A declaration file (which no project owns) is checked by the first program that reads it.
      if (!files.has(file) || errors.has(file) || (owner.has(file) && owner.get(file) !== project)) continue;
      errors.set(file, [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(toTypeError));
    }
  }
  return [...files.keys()].flatMap((file) => errors.get(file) ?? []);
}

/**
 * Asserts that the fixture's files have exactly the TypeScript error codes `expected` (each at least once,
 * no other), by default none. Each error is shown with its place, so a failing fixture says where to look.
 */
export function assertTypeErrors(
  files: ReadonlyMap<string, string>,
  expected: readonly number[] = [],
  packages: readonly InstalledPackage[] = [],
): void {
  const errors = typeErrors(files, packages);
  const codes = [...new Set(errors.map((error) => error.code))].sort((a, b) => a - b);
  const wanted = [...new Set(expected)].sort((a, b) => a - b);
  if (codes.join() === wanted.join()) return;
  const listing = errors.map((error) => `  ${error.file}:${error.line}:${error.column} TS${error.code}: ${error.message}`).join('\n');
  assert.fail(
    `the fixture has TypeScript errors ${codes.map((c) => `TS${c}`).join(', ') || '(none)'}, expected ${wanted.map((c) => `TS${c}`).join(', ') || 'none'}:\n${listing}`,
  );
}

/**
 * What the engine reads: TypeScript files outside `node_modules`, declaration files included, except one
 * beside the code it was emitted from (`patient.d.ts` next to `patient.ts`).
 */
function isWorkspaceFile(file: string, files: ReadonlyMap<string, string>): boolean {
  if (!/\.[cm]?tsx?$/.test(file) || file.includes('/node_modules/')) return false;
  const stem = /^(.*)\.d\.[cm]?ts$/.exec(file)?.[1];
  return stem === undefined || !['.ts', '.tsx', '.mts', '.cts'].some((extension) => files.has(stem + extension));
}

function byDepth(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
}

function toTypeError(diagnostic: ts.Diagnostic): TypeError {
  const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return {
    file: diagnostic.file!.fileName.slice(root.length + 1),
    line: line + 1,
    column: character + 1,
    code: diagnostic.code,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
  };
}

/** The questions config parsing and module resolution ask, answered from the fixture (and TypeScript's libs). */
function systemOf(host: MemoryHost, directory: string) {
  const text = (file: string) => {
    const content = host.readFile(file, Number.POSITIVE_INFINITY);
    return typeof content === 'string' ? content : content instanceof Uint8Array ? new TextDecoder().decode(content) : undefined;
  };
  return {
    useCaseSensitiveFileNames: true,
    fileExists: (file: string) => host.fileExists(file),
    readFile: text,
    directoryExists: (dir: string) => host.directoryExists(dir),
    getDirectories: (dir: string) => [...host.entries(dir).directories],
    realpath: (path: string) => host.realpath(path),
    getCurrentDirectory: () => directory,
    readDirectory: (
      dir: string,
      extensions?: readonly string[],
      excludes?: readonly string[],
      includes?: readonly string[],
      depth?: number,
    ) => matchFiles(host, dir, extensions, excludes, includes, depth),
  };
}

/** TypeScript's glob matching over the fixture's folders (its own `matchFiles` is internal). */
function matchFiles(
  host: MemoryHost,
  dir: string,
  extensions?: readonly string[],
  excludes?: readonly string[],
  includes?: readonly string[],
  depth?: number,
): string[] {
  return tsMatchFiles(
    dir,
    extensions,
    excludes,
    includes,
    true,
    dir,
    depth,
    (path) => host.entries(path),
    (path) => host.realpath(path),
  );
}

/**
 * TypeScript's lib files, parsed once for every fixture of a test run, as tsserver's document registry shares
 * them: by file, language version and the options that change how a file is bound.
 */
const libFiles = new Map<string, ts.SourceFile>();
const libDirectory = ts
  .getDefaultLibFilePath({})
  .replace(/\\/g, '/')
  .replace(/\/[^/]*$/, '/');

function compilerHost(host: MemoryHost, directory: string, options: ts.CompilerOptions): ts.CompilerHost {
  const system = systemOf(host, directory);
  return {
    ...system,
    getSourceFile: (file, language) => {
      const key = [
        file,
        typeof language === 'object' ? language.languageVersion : language,
        options.module,
        options.strict,
        options.alwaysStrict,
      ].join('|');
      const cached = file.startsWith(libDirectory) ? libFiles.get(key) : undefined;
      if (cached) return cached;
      const content = system.readFile(file);
      const sourceFile = content === undefined ? undefined : ts.createSourceFile(file, content, language);
      if (sourceFile && file.startsWith(libDirectory)) libFiles.set(key, sourceFile);
      return sourceFile;
    },
    getDefaultLibFileName: () => ts.getDefaultLibFilePath(options),
    writeFile: () => {},
    getCanonicalFileName: (file) => file,
    getNewLine: () => '\n',
    useCaseSensitiveFileNames: () => true,
    // As tsserver and the engine do: a referenced project's sources, not its (unbuilt) declarations.
    ...{ useSourceOfProjectReferenceRedirect: () => true },
  };
}
