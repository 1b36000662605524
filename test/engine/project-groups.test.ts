/**
 * Which `tsconfig.json` projects share one program: those that read code alike (the same options apart
 * from what they emit, the same `@types` folders). Each case is the projects, the folders that exist, and
 * the groups expected (config paths), with the references each group keeps.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Documents } from 'appi-guard-server/engine/documents';
import { type ConfiguredProject, groupProjects } from 'appi-guard-server/engine/project-groups';
import { createWorkspaceRegistry } from 'appi-guard-server/engine/registry';
import { buildStructure } from 'appi-guard-server/engine/structure';
import { Workspace } from 'appi-guard-server/engine/workspace';
import { rules } from 'appi-guard-server/rules/index';
import ts from 'typescript';
import { check } from '../support/check';
import { parseFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';
import { assertFindings } from './expect';

const base: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  lib: ['lib.es2022.d.ts'],
  noEmit: true,
};

function project(
  name: string,
  options: ts.CompilerOptions = {},
  references: readonly string[] = [],
  files = [`/ws/${name}/src/index.ts`],
): ConfiguredProject {
  return {
    configPath: `/ws/${name}/tsconfig.json`,
    rootFiles: files,
    options: { ...base, configFilePath: `/ws/${name}/tsconfig.json`, ...options },
    references: references.map((target) => ({ path: `/ws/${target}` })),
    directory: `/ws/${name}`,
  };
}

const emitting = (name: string) => ({
  composite: true,
  declaration: true,
  rootDir: `/ws/${name}/src`,
  outDir: `/ws/${name}/dist`,
  tsBuildInfoFile: `/ws/${name}/dist/.tsbuildinfo`,
});

const cases: readonly {
  name: string;
  projects: readonly ConfiguredProject[];
  folders?: readonly string[];
  groups: readonly { configs: readonly string[]; references: readonly string[] }[];
}[] = [
  {
    name: 'packages that differ only in what they emit share a program, with the references of all',
    projects: [
      project('model', emitting('model')),
      project('app', emitting('app'), ['model', 'vendor']),
      project('vendor', { strict: false }),
    ],
    groups: [
      { configs: ['model', 'app'], references: ['/ws/model/tsconfig.json', '/ws/vendor/tsconfig.json'] },
      { configs: ['vendor'], references: [] },
    ],
  },
  {
    name: 'another lib, paths or module setting is another program',
    projects: [
      project('a'),
      project('b', { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] }),
      project('c', { paths: { '@x/*': ['x/*'] } }),
      project('d', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
    ],
    groups: [
      { configs: ['a'], references: [] },
      { configs: ['b'], references: [] },
      { configs: ['c'], references: [] },
      { configs: ['d'], references: [] },
    ],
  },
  {
    name: 'a package with @types folders of its own is another program',
    projects: [project('a'), project('b'), project('c')],
    folders: ['/ws/node_modules/@types', '/ws/c/node_modules/@types'],
    groups: [
      { configs: ['a', 'b'], references: [] },
      { configs: ['c'], references: [] },
    ],
  },
  {
    name: 'a solution-style config with no files of its own gets no program',
    projects: [project('root', {}, ['a'], []), project('a')],
    groups: [{ configs: ['a'], references: [] }],
  },
  {
    name: 'a reference named by two members is kept once',
    projects: [project('a', {}, ['x']), project('b', {}, ['x'])],
    groups: [{ configs: ['a', 'b'], references: ['/ws/x/tsconfig.json'] }],
  },
];

describe('project groups', () => {
  for (const { name, projects, folders = [], groups } of cases) {
    it(name, () => {
      const found = groupProjects(projects, (dir) => folders.includes(dir));
      assert.deepEqual(
        found.map((group) => ({
          configs: group.members.map((member) => member.configPath.split('/')[2]!),
          references: group.references.map((reference) => ts.resolveProjectReferencePath(reference)),
        })),
        groups,
      );
      for (const group of found) assert.deepEqual(group.rootFiles, [...new Set(group.members.flatMap((member) => member.rootFiles))]);
    });
  }
});

/** A monorepo of two packages on one base config, and a script outside both (the inferred project). */
const monorepo = `
  //- tsconfig.base.json
  { "compilerOptions": { "strict": true, "composite": true, "module": "nodenext" } }
  //- model/tsconfig.json
  { "extends": "../tsconfig.base.json", "compilerOptions": { "outDir": "dist" }, "include": ["src"] }
  //- model/src/patient.ts
  export interface Patient { name: string }
  //- app/tsconfig.json
  { "extends": "../tsconfig.base.json", "compilerOptions": { "outDir": "dist" }, "include": ["src"], "references": [{ "path": "../model" }] }
  //- app/src/letter.ts
  import type { Patient } from '../../model/src/patient.js';
  export const letter = (p: Patient) => p.name;
  //- scripts/run.ts
  export {};
`;

describe('project groups in a workspace', () => {
  const cases = [
    {
      name: 'a run over the workspace shares one program between the packages',
      shareAlike: true,
      programs: [`${root}/app/tsconfig.json, ${root}/model/tsconfig.json`, 'inferred project'],
    },
    {
      name: "an editor's workspace keeps one program per package, as tsserver does",
      shareAlike: false,
      programs: [`${root}/app/tsconfig.json`, `${root}/model/tsconfig.json`, 'inferred project'],
    },
  ];
  for (const { name, shareAlike, programs } of cases) {
    it(name, () => {
      const host = new MemoryHost(Object.fromEntries(parseFixture(monorepo).files));
      const setup = { host, documents: new Documents(host), registry: createWorkspaceRegistry(), cancellation: { current: undefined } };
      const structure = buildStructure(root, setup, { shareAlike });
      assert.deepEqual(
        structure.projects.map((project) => project.name),
        programs,
      );
      // Every file is served by a program that holds it as a root, grouped or not.
      assert.deepEqual(
        [...structure.owners].map(([file, project]) => [file, project.rootFiles.includes(file)]),
        [
          [`${root}/app/src/letter.ts`, true],
          [`${root}/model/src/patient.ts`, true],
          [`${root}/scripts/run.ts`, true],
        ],
      );
      for (const project of structure.projects) project.dispose();
    });
  }
});

/**
 * Two packages alike; one declares a global in a script. Where they share a program (a CLI run) the other
 * package sees the global, and its use is checked; in an editor's workspace, as in tsserver, it does not.
 */
const sharedGlobal = (marker: string) => `
  //- tsconfig.base.json
  { "compilerOptions": { "strict": true, "module": "commonjs" } }
  //- desk/tsconfig.json
  { "extends": "../tsconfig.base.json", "compilerOptions": { "outDir": "dist" }, "include": ["src"] }
  //- desk/src/visitor.ts
  /** @purpose reception */
  export interface Visitor {
    /** @personal name */ name: string;
  }
  //- desk/src/session.ts
  declare var visitor: import('./visitor').Visitor;
  //- mail/tsconfig.json
  { "extends": "../tsconfig.base.json", "compilerOptions": { "outDir": "out" }, "include": ["src"] }
  //- mail/src/campaign.ts
  /** @purpose marketing */
  export const greeting = () => visitor.name;
${marker}
`;

describe('project groups: what a shared program sees', () => {
  it('a CLI run checks a use of a global that a package alike declares', async () => {
    // `tsc` checks mail/ on its own, where the global is unknown (TS2304): the case is that a shared program knows it.
    await check(sharedGlobal('  //                                    ^^^^ use-beyond-purpose +fix'), { typeErrors: [2304] });
  });

  it("an editor's workspace does not: the global is another project's", async () => {
    const source = sharedGlobal('');
    const workspace = new Workspace({ rules, root, host: new MemoryHost(Object.fromEntries(parseFixture(source).files)), edits: true });
    const result = await workspace.analyseWorkspace();
    assertFindings(workspace, result, source);
    workspace.dispose();
  });
});
