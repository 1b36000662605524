import ts from 'typescript';
import { prismaClientOutputs } from '../annotations/prisma';
import type { Unchecked } from '../base/coverage';
import type { Notice, Range } from '../base/finding';
import { dirname, isDeclarationFile, isInside, isNodeModules, isTypeScriptFile, relative } from '../base/paths';
import { discover, walkedPath } from './discovery';
import { inferredOptions, moduleResolutionHost, Project, type ProjectSetup, projectDirectory, type SharedResolution } from './project';
import { type ConfiguredProject, groupProjects } from './project-groups';

/** The workspace's projects and which one analyses each file, as tsserver assigns files to projects. */
export interface Structure {
  readonly projects: readonly Project[];
  /** Every analysed source file, sorted, with the project that analyses it. */
  readonly owners: ReadonlyMap<string, Project>;
  readonly notices: readonly Notice[];
  /** What of the configuration could not be followed (README, "What a clean run means"): configs that extend what is not there, projects not loaded. */
  readonly unchecked: readonly Unchecked[];
  /** Every `tsconfig.json` and every config it extends: a change to any of them changes the projects. */
  readonly configFiles: ReadonlySet<string>;
  /** Every Prisma schema of the workspace, sorted: read for annotations, and analysed by the rules that read only those. */
  readonly prismaSchemas: readonly string[];
  /** Folders the Prisma schemas' generators write their clients to: code generated from a schema, not analysed. */
  readonly prismaClients: readonly string[];
}

/** Config errors that are not worth telling: a solution-style `tsconfig.json` has no inputs by design. */
const quietConfigErrors = new Set([18003]);

export interface StructureOptions {
  /**
   * Projects that read code alike share one program (`project-groups.ts`): for a run over the whole
   * workspace. An editor's workspace keeps one program per project, as tsserver does, so that an edit
   * updates a package's program, not its group's.
   */
  readonly shareAlike: boolean;
}

export function buildStructure(root: string, setup: ProjectSetup, options: StructureOptions): Structure {
  const { shareAlike } = options;
  const found = discover(setup.host, root);
  const sources = new Set(found.sources);
  // A generator's `output` in the workspace (`src/generated/prisma`) holds code generated from the schema:
  // it stays in the programs, for the types it declares, but is not the workspace's own code to analyse.
  const prismaClients = found.prismaSchemas.flatMap((file) => prismaClientOutputs(file, setup.documents.text(file) ?? ''));
  const generated = (file: string) => prismaClients.some((dir) => isInside(dir, file));
  // A workspace may be untrusted: its links do not get the tool to read the rest of the disk.
  const outside = new Set(found.outside);
  setup.documents.refuse(outside, 'a link to a file outside the workspace, not read');
  // A config's globs may cross a folder link and list a file under the link's name: use the path the walk
  // found it at, so that one file is one source file, owned by one project.
  const canonical = (file: string) => (sources.has(file) ? file : (walkedPath(setup.host, root, file) ?? file));
  const notices: Notice[] = found.outside.map((file) => ({ file, message: 'skipped: a link to a file outside the workspace, not read' }));
  const unchecked: Unchecked[] = found.outside.map((file) => ({
    kind: 'incomplete-analysis',
    file,
    reason: 'a link to a file outside the workspace, not read',
  }));
  const configured: ConfiguredProject[] = [];
  let unreadable = root;
  let unrecoverable = '';
  const parseHost: ts.ParseConfigFileHost = {
    ...moduleResolutionHost(setup.host, setup.documents),
    getCurrentDirectory: () => root,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      notices.push(configNotice(diagnostic, unreadable));
      unrecoverable = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    },
  };
  const configFiles = new Set(found.configs);
  const parsedConfigs = new Map<string, ts.ParsedCommandLine | undefined>();
  const parse = (configPath: string) => {
    // A config that cannot be read at all is told against its own path, not the workspace's.
    unreadable = configPath;
    if (!parsedConfigs.has(configPath))
      parsedConfigs.set(configPath, ts.getParsedCommandLineOfConfigFile(configPath, undefined, parseHost));
    return parsedConfigs.get(configPath);
  };
  const shared: SharedResolution = {
    // A referenced config outside the workspace's own is parsed when a program first asks for it, then kept.
    parsedConfig: (configPath) => parse(configPath.replace(/\\/g, '/')),
    resolutions: ts.createModuleResolutionCache(root, (name) => name),
  };
  for (const configPath of found.configs) {
    unrecoverable = '';
    const parsed = parse(configPath);
    if (!parsed) {
      unchecked.push({ kind: 'project-not-loaded', file: configPath, reason: unrecoverable || 'it cannot be read' });
      continue;
    }
    const configFile = parsed.options.configFile as ts.TsConfigSourceFile | undefined;
    for (const extended of configFile?.extendedSourceFiles ?? []) configFiles.add(extended.replace(/\\/g, '/'));
    // TypeScript keeps JSON syntax errors on the parsed file, apart from `errors`; `tsc` reports both.
    const errors = ts.getConfigFileParsingDiagnostics(parsed);
    for (const error of errors) if (!quietConfigErrors.has(error.code)) notices.push(configNotice(error, configPath));
    unchecked.push(...missingExtends(configPath, configFile, errors, setup.documents));
    const options = { ...parsed.options, noEmit: true };
    const rootFiles = [...new Set(parsed.fileNames.map((file) => canonical(file.replace(/\\/g, '/'))))].filter(
      (file) => !outside.has(file),
    );
    configured.push({
      configPath,
      rootFiles,
      options,
      references: parsed.projectReferences ?? [],
      directory: projectDirectory(configPath),
    });
  }

  // Which config owns each file, as tsserver decides it; then the program that serves that config's group.
  const owning = new Map<string, ConfiguredProject>();
  const claimed = new Map<string, ConfiguredProject[]>();
  for (const project of configured) for (const file of project.rootFiles) claimed.set(file, [...(claimed.get(file) ?? []), project]);
  const inferredFiles: string[] = [];
  for (const file of found.sources) {
    if (generated(file)) continue;
    const candidates = claimed.get(file);
    if (candidates) owning.set(file, nearest(candidates, file));
    else if (!configured.some((p) => isOutput(p, file)) && !isEmittedBeside(file, sources)) inferredFiles.push(file);
  }
  // Files a project lists that the walk does not see (in dot-folders, say), except dependencies (a project
  // may compile a vendored package from `node_modules`, but its code is not the workspace's) and files
  // that only look inside the root because a glob followed a link out of it.
  const realRoot = setup.host.realpath(root);
  for (const [file, candidates] of claimed) {
    if (
      owning.has(file) ||
      generated(file) ||
      !isTypeScriptFile(file) ||
      !isInside(root, file) ||
      isNodeModules(file) ||
      !setup.documents.exists(file)
    )
      continue;
    const real = setup.host.realpath(file);
    if (real !== file && !isInside(realRoot, real)) continue;
    owning.set(file, nearest(candidates, file));
  }
  const projects: Project[] = [];
  const servedBy = new Map<ConfiguredProject, Project>();
  for (const group of groupProjects(configured, (dir) => setup.host.directoryExists(dir), shareAlike)) {
    const project = new Project(group.name, group.rootFiles, group.options, group.references, group.directory, setup, shared);
    projects.push(project);
    for (const member of group.members) servedBy.set(member, project);
  }
  const owners = new Map<string, Project>();
  for (const [file, config] of owning) owners.set(file, servedBy.get(config)!);
  if (inferredFiles.length > 0) {
    const inferred = new Project('inferred project', inferredFiles, inferredOptions, [], root, setup, shared);
    projects.push(inferred);
    for (const file of inferredFiles) owners.set(file, inferred);
  }
  return {
    projects,
    owners: new Map([...owners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    notices,
    unchecked,
    configFiles,
    prismaSchemas: found.prismaSchemas,
    prismaClients,
  };
}

/** TypeScript's "File '{0}' not found.", which it gives for an `extends` that names a package not installed. */
const fileNotFound = 6053;

/**
 * The configs a `tsconfig.json` extends, directly or through another, that cannot be found or read: a
 * relative one TypeScript lists among the files it extends (and could not read), a package's at the
 * `extends` value it could not resolve. The project is then built without their options.
 */
function missingExtends(
  configPath: string,
  configFile: ts.TsConfigSourceFile | undefined,
  errors: readonly ts.Diagnostic[],
  documents: { exists(file: string): boolean; text(file: string): string | undefined },
): Unchecked[] {
  const found: Unchecked[] = [];
  for (const extended of configFile?.extendedSourceFiles ?? []) {
    const file = extended.replace(/\\/g, '/');
    if (documents.text(file) === undefined)
      found.push({
        kind: 'missing-extends',
        file: configPath,
        extends: relative(dirname(configPath), file),
        ...rangeOfExtends(configFile),
      });
  }
  for (const error of errors) {
    const { file, start, length } = error;
    if (error.code !== fileNotFound || !file || start === undefined || length === undefined) continue;
    const value = extendsValue(file as ts.TsConfigSourceFile);
    if (!value || start < value.getStart(file) || start >= value.end) continue;
    const { line, character } = file.getLineAndCharacterOfPosition(start);
    const end = file.getLineAndCharacterOfPosition(start + length);
    found.push({
      kind: 'missing-extends',
      file: file.fileName.replace(/\\/g, '/'),
      extends: file.text.slice(start, start + length).replace(/^"|"$/g, ''),
      range: { start: { offset: start, line, character }, end: { offset: start + length, line: end.line, character: end.character } },
    });
  }
  return found;
}

/** The `extends` value of a config's top-level object. */
function extendsValue(configFile: ts.TsConfigSourceFile): ts.Expression | undefined {
  const statement = configFile.statements[0];
  const object = statement && ts.isObjectLiteralExpression(statement.expression) ? statement.expression : undefined;
  for (const property of object?.properties ?? [])
    if (ts.isPropertyAssignment(property) && ts.isStringLiteral(property.name) && property.name.text === 'extends')
      return property.initializer;
  return undefined;
}

function rangeOfExtends(configFile: ts.TsConfigSourceFile | undefined): { range?: Range } {
  const value = configFile && extendsValue(configFile);
  if (!configFile || !value) return {};
  const at = (offset: number) => ({ offset, ...configFile.getLineAndCharacterOfPosition(offset) });
  return { range: { start: at(value.getStart(configFile)), end: at(value.end) } };
}

/**
 * The project that owns a file several projects list, as tsserver picks it: the nearest `tsconfig.json` in
 * the file's folder or above it; when none of them encloses the file, the deepest. Candidates come in
 * discovery order (shallow configs first), so among equals the later, deeper one wins.
 */
function nearest(candidates: readonly ConfiguredProject[], file: string): ConfiguredProject {
  let best = candidates[candidates.length - 1]!;
  let bestDepth = -1;
  for (const project of candidates) {
    const depth = isInside(project.directory, file) ? project.directory.split('/').length : -1;
    if (depth >= bestDepth) [best, bestDepth] = [project, depth];
  }
  return best;
}

/** Build output of a project is not source, even when it is TypeScript: its `outDir` and `declarationDir`. */
function isOutput(project: ConfiguredProject, file: string): boolean {
  return [project.options.outDir, project.options.declarationDir].some((dir) => !!dir && isInside(dir.replace(/\\/g, '/'), file));
}

/**
 * A declaration file beside the code it was emitted from (`patient.d.ts` next to `patient.ts`), which
 * repeats the code's annotations: as in a project, where TypeScript lists the code and not the `.d.ts`.
 */
function isEmittedBeside(file: string, sources: ReadonlySet<string>): boolean {
  if (!isDeclarationFile(file)) return false;
  const stem = file.replace(/\.d\.([cm]?)ts$/, '');
  return ['.ts', '.tsx', '.mts', '.cts'].some((extension) => sources.has(stem + extension));
}

/** A config error, with its line and column when it has one: a notice has no range of its own. */
function configNotice(diagnostic: ts.Diagnostic, fallback: string): Notice {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const { file, start } = diagnostic;
  if (!file || start === undefined) return { file: fallback, message: `project configuration: ${text}` };
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return { file: file.fileName, message: `project configuration: line ${line + 1}, column ${character + 1}: ${text}` };
}
