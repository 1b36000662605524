import ts from 'typescript';
import type { Host } from '../base/host';
import { dirname } from '../base/paths';
import { matchFiles } from '../base/typescript-internals';
import type { Documents } from './documents';
import { jsDocParsingMode } from './registry';

/** Where TypeScript's checks for cancellation look; the workspace points it at the running request. */
interface CancellationSource {
  readonly current: { isCancellationRequested(): boolean } | undefined;
}

export interface ProjectSetup {
  readonly host: Host;
  readonly documents: Documents;
  readonly registry: ts.DocumentRegistry;
  readonly cancellation: CancellationSource;
}

/**
 * What the projects of one structure share while it stands (a file created or deleted, or a project or
 * package file changed, makes a new structure): every `tsconfig.json` parsed once, and what module
 * resolution learnt of `package.json` files. Without them TypeScript parses the referenced configs again,
 * globs included, and looks up every file's `package.json` scope again, on every program update.
 */
export interface SharedResolution {
  parsedConfig(configPath: string): ts.ParsedCommandLine | undefined;
  /**
   * Module resolutions of every project, as `tsc -b` shares them: kept per set of the options that affect
   * resolution (`update` picks the set), so a file that several projects compile is resolved once.
   */
  readonly resolutions: ts.ModuleResolutionCache;
}

/** Options for files that no `tsconfig.json` claims, close to what tsserver gives an inferred project. */
export const inferredOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * One TypeScript program — of one or more `tsconfig.json` projects that read code alike (see
 * `project-groups.ts`), or of the inferred project — served by a LanguageService over the workspace's
 * versioned documents, so that it is built once and then updated, never rebuilt.
 */
export class Project {
  readonly service: ts.LanguageService;

  constructor(
    /** The `tsconfig.json` paths it serves, or `inferred project`: for messages. */
    readonly name: string,
    readonly rootFiles: readonly string[],
    readonly options: ts.CompilerOptions,
    readonly references: readonly ts.ProjectReference[],
    readonly directory: string,
    setup: ProjectSetup,
    shared: SharedResolution,
  ) {
    this.service = ts.createLanguageService(languageServiceHost(this, setup, shared), setup.registry);
  }

  program(): ts.Program {
    const program = this.service.getProgram();
    if (!program) throw new Error(`no program for ${this.name}`);
    return program;
  }

  dispose(): void {
    this.service.dispose();
  }
}

/** tsserver's host also answers these (TypeScript reads them, though its public typings leave them out). */
interface SourceRedirectingHost extends ts.LanguageServiceHost {
  useSourceOfProjectReferenceRedirect(): boolean;
  getModuleResolutionCache(): ts.ModuleResolutionCache;
  setCompilerHost(host: ts.CompilerHost): void;
}

function languageServiceHost(project: Project, setup: ProjectSetup, shared: SharedResolution): SourceRedirectingHost {
  const { documents, host, cancellation } = setup;
  const fsHost = moduleResolutionHost(host, documents);
  // Kept across program updates, as tsserver's resolution cache is, so an edit re-resolves only the edited file's imports.
  const resolutions = shared.resolutions;
  // Resolve through the program's own host: with project references it maps outputs to their sources.
  let resolutionHost: ts.ModuleResolutionHost = fsHost;
  return {
    ...fsHost,
    getParsedCommandLine: (configPath) => shared.parsedConfig(configPath),
    setCompilerHost: (compilerHost) => {
      resolutionHost = compilerHost;
    },
    getModuleResolutionCache: () => resolutions,
    resolveModuleNameLiterals: (literals, containingFile, redirectedReference, options, containingSourceFile) => {
      // A referenced project's files are resolved with its options, which the reference names; the rest with this project's.
      if (!redirectedReference) resolutions.update(options);
      return literals.map((literal) =>
        ts.resolveModuleName(
          literal.text,
          containingFile,
          options,
          resolutionHost,
          resolutions,
          redirectedReference,
          ts.getModeForUsageLocation(containingSourceFile, literal, options),
        ),
      );
    },
    useCaseSensitiveFileNames: () => true,
    getCompilationSettings: () => project.options,
    getScriptFileNames: () => [...project.rootFiles],
    getProjectReferences: () => project.references,
    // Like tsserver: use the sources of referenced projects, not their (possibly unbuilt) declarations.
    useSourceOfProjectReferenceRedirect: () => true,
    getProjectVersion: () => String(documents.generation),
    jsDocParsingMode,
    getScriptVersion: (file) => String(documents.version(file)),
    getScriptSnapshot: (file) => documents.snapshot(file),
    getCurrentDirectory: () => project.directory,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    getCancellationToken: () => ({
      isCancellationRequested: () => cancellation.current?.isCancellationRequested() ?? false,
      throwIfCancellationRequested: () => {
        if (cancellation.current?.isCancellationRequested()) throw new ts.OperationCanceledException();
      },
    }),
  };
}

/** The file-system questions TypeScript asks while resolving modules and reading configs. */
export function moduleResolutionHost(host: Host, documents: Documents) {
  return {
    useCaseSensitiveFileNames: true,
    fileExists: (file: string) => documents.exists(file),
    readFile: (file: string) => documents.text(file),
    directoryExists: (dir: string) => host.directoryExists(dir),
    getDirectories: (dir: string) => [...host.entries(dir).directories],
    realpath: (path: string) => host.realpath(path),
    readDirectory: (
      root: string,
      extensions?: readonly string[],
      excludes?: readonly string[],
      includes?: readonly string[],
      depth?: number,
    ) =>
      matchFiles(
        root,
        extensions,
        excludes,
        includes,
        true,
        root,
        depth,
        (dir) => host.entries(dir),
        (path) => host.realpath(path),
      ),
  };
}

export function projectDirectory(configPath: string): string {
  return dirname(configPath);
}
