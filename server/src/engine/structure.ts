import * as ts from 'typescript';
import { discover } from './discovery';
import type { Notice } from './finding';
import { moduleResolutionHost, inferredOptions, Project, projectDirectory, type ProjectSetup } from './project';
import { isInside, isSourceFile } from './paths';

/** The workspace's projects and which one analyses each file, as tsserver assigns files to projects. */
export interface Structure {
  readonly projects: readonly Project[];
  /** Every analysed source file, sorted, with the project that analyses it. */
  readonly owners: ReadonlyMap<string, Project>;
  readonly notices: readonly Notice[];
}

/** Config errors that are not worth telling: a solution-style `tsconfig.json` has no inputs by design. */
const quietConfigErrors = new Set([18003]);

export function buildStructure(root: string, setup: ProjectSetup): Structure {
  const found = discover(setup.host, root);
  const notices: Notice[] = [];
  const projects: Project[] = [];
  const parseHost: ts.ParseConfigFileHost = {
    ...moduleResolutionHost(setup.host, setup.documents),
    getCurrentDirectory: () => root,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => notices.push(configNotice(diagnostic, root)),
  };
  for (const configPath of found.configs) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, parseHost);
    if (!parsed) continue;
    for (const error of parsed.errors) if (!quietConfigErrors.has(error.code)) notices.push(configNotice(error, configPath));
    const options = { ...parsed.options, noEmit: true };
    const rootFiles = parsed.fileNames.map((file) => file.replace(/\\/g, '/'));
    projects.push(new Project(configPath, rootFiles, options, parsed.projectReferences ?? [], projectDirectory(configPath), setup));
  }

  const owners = new Map<string, Project>();
  const claimed = new Map<string, Project>();
  // Deeper configs come later in `found.configs`, so the nearest project that lists a file wins.
  for (const project of projects) for (const file of project.rootFiles) claimed.set(file, project);
  const inferredFiles: string[] = [];
  for (const file of found.sources) {
    const project = claimed.get(file);
    if (project) owners.set(file, project);
    else if (!projects.some((p) => isOutput(p, file))) inferredFiles.push(file);
  }
  for (const [file, project] of claimed) if (isSourceFile(file) && isInside(root, file) && !owners.has(file) && setup.documents.exists(file)) owners.set(file, project);
  if (inferredFiles.length > 0) {
    const inferred = new Project(undefined, inferredFiles, inferredOptions, [], root, setup);
    projects.push(inferred);
    for (const file of inferredFiles) owners.set(file, inferred);
  }
  return { projects, owners: new Map([...owners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), notices };
}

/** Build output of a project is not source, even when it is TypeScript. */
function isOutput(project: Project, file: string): boolean {
  const outDir = project.options.outDir?.replace(/\\/g, '/');
  return !!outDir && isInside(outDir, file);
}

function configNotice(diagnostic: ts.Diagnostic, fallback: string): Notice {
  return {
    file: diagnostic.file?.fileName ?? fallback,
    message: `project configuration: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
  };
}
