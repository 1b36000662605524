import ts from 'typescript';

/** A `tsconfig.json` project as its config describes it, before programs are made for it. */
export interface ConfiguredProject {
  readonly configPath: string;
  readonly rootFiles: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly references: readonly ts.ProjectReference[];
  readonly directory: string;
}

/** One program's worth of configured projects: their files and their references together. */
export interface ProjectGroup {
  readonly name: string;
  readonly members: readonly ConfiguredProject[];
  readonly rootFiles: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly references: readonly ts.ProjectReference[];
  readonly directory: string;
}

/**
 * Options that say only what a project emits, or where its config is: they change no type and no module
 * resolution, and so no finding.
 */
const emitOnly = new Set([
  'configFilePath',
  'configFile',
  'composite',
  'incremental',
  'tsBuildInfoFile',
  'noEmit',
  'emitDeclarationOnly',
  'declaration',
  'declarationMap',
  'declarationDir',
  'outDir',
  'rootDir',
  'sourceMap',
  'inlineSourceMap',
  'inlineSources',
  'sourceRoot',
  'mapRoot',
  'removeComments',
  'newLine',
  'emitBOM',
  'stripInternal',
]);

/**
 * Groups the projects that read code alike — the same compiler options apart from what they emit, and the
 * same `@types` folders — so that each group is served by one program. A monorepo's packages usually
 * extend one base config and reference one another: each package's program then holds most of the files
 * of the packages it references again, and parsing their imports, resolving them and binding the checker
 * over them was done once per program (about a tenth of a cold run at 10,000 files). Projects that read
 * code differently (another `lib`, `paths`, `strict`, module setting) keep programs of their own, as
 * tsserver gives every project. Config order is kept, so the same workspace always groups the same way.
 *
 * With `shareAlike` false every project is a group of its own. That is what an editor wants: after an edit a
 * program is updated at a cost that grows with all of its files, and a package's program is smaller than
 * its group's.
 */
export function groupProjects(
  projects: readonly ConfiguredProject[],
  directoryExists: (dir: string) => boolean,
  shareAlike = true,
): ProjectGroup[] {
  const groups = new Map<string, ConfiguredProject[]>();
  for (const project of projects) {
    if (project.rootFiles.length === 0) continue;
    const key = shareAlike ? readingKey(project, directoryExists) : project.configPath;
    groups.set(key, [...(groups.get(key) ?? []), project]);
  }
  return [...groups.values()].map((members) => {
    // References between members stay: through them, an import of a member's (unbuilt) output is read
    // from its sources, as tsserver reads it.
    const references = new Map<string, ts.ProjectReference>();
    for (const reference of members.flatMap((member) => member.references)) {
      const target = ts.resolveProjectReferencePath(reference).replace(/\\/g, '/');
      if (!references.has(target)) references.set(target, reference);
    }
    return {
      name: members.map((member) => member.configPath).join(', '),
      members,
      rootFiles: [...new Set(members.flatMap((member) => member.rootFiles))],
      options: members[0]!.options,
      references: [...references.values()],
      directory: members[0]!.directory,
    };
  });
}

function readingKey(project: ConfiguredProject, directoryExists: (dir: string) => boolean): string {
  const options = Object.entries(project.options)
    .filter(([name]) => !emitOnly.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const typeRoots = (ts.getEffectiveTypeRoots(project.options, { getCurrentDirectory: () => project.directory }) ?? []).filter(
    directoryExists,
  );
  return JSON.stringify([options, typeRoots]);
}
