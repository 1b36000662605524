/**
 * Loading a workspace the way tsserver does: `tsconfig.json` projects, project references, solution-style
 * roots, the inferred project for everything else, and the module resolution that links a use in one file
 * to a schema declared in another.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../support/check';
import { assertFindings, load } from './expect';

/** A schema declared for treatment, to be used for marketing from elsewhere. */
const patient = (path: string) => `
  //- ${path}
  /** @purpose treatment */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
  }
`;

describe('loading: tsconfig projects', () => {
  it('analyses the files a tsconfig.json includes, and the rest as the inferred project', async () => {
    const { result } = await check(`
      //- tsconfig.json
      { "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler" }, "include": ["src"] }
      ${patient('src/model/patient.ts')}
      //- src/app/campaign.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
      //- scripts/export.ts
      import type { Patient } from '../src/model/patient';

      /** @purpose marketing */
      export const exportAll = (p: Patient) => p.name;
      //                                         ^^^^ use-beyond-purpose +fix
    `);
    assert.deepEqual(result.notices, []);
    assert.deepEqual(result.files, ['/ws/scripts/export.ts', '/ws/src/app/campaign.ts', '/ws/src/model/patient.ts']);
  });

  it('resolves a use in one project to a schema declared in a project it references', async () => {
    await check(`
      //- model/tsconfig.json
      { "compilerOptions": { "composite": true, "rootDir": "src", "outDir": "dist" }, "include": ["src"] }
      ${patient('model/src/patient.ts')}
      //- app/tsconfig.json
      { "compilerOptions": { "strict": true }, "include": ["src"], "references": [{ "path": "../model" }] }
      //- app/src/campaign.ts
      import type { Patient } from '../../model/src/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it("resolves imports of a referenced project's unbuilt output to its sources, as tsserver does", async () => {
    await check(`
      //- model/tsconfig.json
      { "compilerOptions": { "composite": true, "rootDir": "src", "outDir": "dist" }, "include": ["src"] }
      ${patient('model/src/patient.ts')}
      //- app/tsconfig.json
      { "include": ["src"], "references": [{ "path": "../model" }] }
      //- app/src/campaign.ts
      import type { Patient } from '../../model/dist/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('loads a solution-style root tsconfig.json (no files, only references) without a notice', async () => {
    const { result } = await check(`
      //- tsconfig.json
      { "files": [], "references": [{ "path": "./model" }, { "path": "./app" }] }
      //- model/tsconfig.json
      { "compilerOptions": { "composite": true }, "include": ["**/*.ts"] }
      ${patient('model/patient.ts')}
      //- app/tsconfig.json
      { "include": ["**/*.ts"], "references": [{ "path": "../model" }] }
      //- app/campaign.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
    assert.deepEqual(result.notices, []);
    assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/model/patient.ts']);
  });

  it('lets files outside every project import a schema from a project', async () => {
    const { result } = await check(`
      //- model/tsconfig.json
      { "compilerOptions": { "composite": true }, "include": ["**/*.ts"] }
      ${patient('model/patient.ts')}
      //- tools/mailing.ts
      import { type Patient } from '../model/patient';

      /** @purpose marketing */
      export function mailing(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
    assert.deepEqual(result.files, ['/ws/model/patient.ts', '/ws/tools/mailing.ts']);
  });

  it('resolves path aliases (compilerOptions.paths) of the project that owns the file', async () => {
    await check(`
      //- tsconfig.json
      { "compilerOptions": { "baseUrl": ".", "paths": { "@model/*": ["model/*"] } } }
      ${patient('model/patient.ts')}
      //- app/campaign.ts
      import type { Patient } from '@model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('gives a file to the nearest project when two include it', async () => {
    // Only the nearer project has the path alias, so the use resolves (and is reported once) only if the
    // nearer project analyses it.
    await check(`
      //- tsconfig.json
      { "include": ["**/*.ts"] }
      ${patient('model/patient.ts')}
      //- app/tsconfig.json
      { "compilerOptions": { "baseUrl": ".", "paths": { "@model/*": ["../model/*"] } }, "include": ["**/*.ts"] }
      //- app/campaign.ts
      import type { Patient } from '@model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('prefers the project in an enclosing folder to a deeper one elsewhere that also includes the file', async () => {
    // tsserver looks for the tsconfig.json of a file in its folder and then upwards: `tools/tsconfig.json`
    // is deeper than the root one but does not enclose `app/`, so the root project owns `app/campaign.ts`.
    await check(`
      //- tsconfig.json
      { "compilerOptions": { "baseUrl": ".", "paths": { "@model/*": ["model/*"] } }, "include": ["app", "model"] }
      ${patient('model/patient.ts')}
      //- tools/tsconfig.json
      { "include": ["**/*.ts", "../app/**/*.ts"] }
      //- tools/lint.ts
      export const lint = 1;
      //- app/campaign.ts
      import type { Patient } from '@model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `);
  });
});

describe('loading: module resolution', () => {
  it('follows export *, renaming re-exports, import aliases, namespace imports and type aliases', async () => {
    await check(`
      ${patient('model/patient.ts')}
      //- model/index.ts
      export * from './patient';
      export { type Patient as Person } from './patient';
      //- model/people.ts
      export type { Person as Client } from './index';
      //- app/uses.ts
      import type { Patient as P } from '../model/index';
      import type { Client } from '../model/people';
      import type * as model from '../model/index';

      type Alias = P;

      // A function each: reads of one field in one function are one finding.
      /** @purpose marketing */
      export const viaExportStar = (a: P) => a.name;
      //                                       ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const viaRenamingReExport = (b: Client) => b.name;
      //                                                  ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const viaNamespace = (c: model.Person) => c.name;
      //                                                 ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const viaAlias = (d: Alias) => d.name;
      //                                      ^^^^ use-beyond-purpose +fix
    `);
  });

  it('analyses .tsx, .mts and .cts files', async () => {
    const { result } = await check(`
      //- model/patient.mts
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      //- app/card.tsx
      import type { Patient } from '../model/patient.mjs';

      declare global { namespace JSX { interface IntrinsicElements { [name: string]: unknown } } }

      /** @purpose marketing */
      export const Card = ({ p }: { p: Patient }) => <b>{p.name}</b>;
      //                                                   ^^^^ use-beyond-purpose +fix
      //- app/legacy.cts
      import type { Patient } from '../model/patient.mjs';

      /** @purpose marketing */
      export function legacy(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
      //- app/unannotated.cts
      /** @personal name */
      export const nothing = 1;
    `);
    assert.deepEqual(result.files, ['/ws/app/card.tsx', '/ws/app/legacy.cts', '/ws/app/unannotated.cts', '/ws/model/patient.mts']);
  });

  it('follows a workspace package linked into node_modules to its sources', async () => {
    const source = `
      //- packages/model/package.json
      { "name": "@clinic/model", "types": "./index.ts" }
      ${patient('packages/model/index.ts')}
      //- app/campaign.ts
      import type { Patient } from '@clinic/model';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `;
    // The fixture alone does not resolve `@clinic/model` (TS2307): the link below, as a package manager makes it, does.
    const { host, workspace } = load(source, { typeErrors: [2307] });
    // npm, yarn and pnpm workspaces link `node_modules/<name>` to the package's folder. (A MemoryHost folder
    // exists only where files are, so `node_modules/@clinic` needs one of its own.)
    host.link('/ws/node_modules/@clinic/model', '/ws/packages/model');
    host.write('/ws/node_modules/@clinic/.keep', '');
    const result = await workspace.analyseWorkspace();
    assertFindings(workspace, result, source);
    assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/packages/model/index.ts']);
  });

  it('keeps going past imports of packages that are not installed', async () => {
    const { result } = await check(
      `
      ${patient('model/patient.ts')}
      //- app/campaign.ts
      import type { Patient } from '../model/patient';
      import { send } from 'mailer';
      import * as missing from '@clinic/not-installed';
      import './polyfill-that-does-not-exist';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        missing.track(p.id);
        send(p);
        //   ^ use-beyond-purpose +fix
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
    `,
      { typeErrors: [2307, 2882] },
    );
    assert.deepEqual(result.notices, []);
  });
});

describe('loading: what is not analysed', () => {
  it('reports nothing in node_modules, even where a project includes it explicitly', async () => {
    const { result } = await check(`
      //- tsconfig.json
      { "include": ["src", "node_modules/vendored"] }
      //- node_modules/vendored/schema.ts
      export interface Unpurposed { /** @personal name */ name: string }
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      /** @purpose marketing */
      export const leak = (p: Patient) => p.name;
      //- node_modules/other/index.ts
      export interface Unpurposed { /** @personal name */ name: string }
      //- src/index.ts
      import type { Unpurposed } from '../node_modules/vendored/schema';
      export type Again = Unpurposed;
    `);
    assert.deepEqual(result.files, ['/ws/src/index.ts']);
  });

  it('reads declaration files for annotations, and reports them there', async () => {
    const { result } = await check(`
      //- types/patient.d.ts
      export interface Unpurposed { /** @personal name */ name: string }
      //               ^^^^^^^^^^ missing-purpose +fix
      /** @purpose marketing @purpose */
      //                     ^^^^^^^^ annotation-invalid
      export declare function leak(p: Unpurposed): string;
      //- types/globals.d.mts
      interface Unpurposed2 { /** @personal name */ name: string }
      //        ^^^^^^^^^^^ missing-purpose +fix
      //- types/styles.d.css.ts
      export interface Unpurposed3 { /** @personal name */ name: string }
      //               ^^^^^^^^^^^ missing-purpose +fix
      //- src/index.ts
      import type { Unpurposed } from '../types/patient';
      export type Again = Unpurposed;
    `);
    assert.deepEqual(result.files, ['/ws/src/index.ts', '/ws/types/globals.d.mts', '/ws/types/patient.d.ts', '/ws/types/styles.d.css.ts']);
  });
});

describe('loading: broken project configuration', () => {
  const campaign = `
    //- src/campaign.ts
    import type { Patient } from './patient';

    /** @purpose marketing */
    export function campaignFor(p: Patient) {
      return p.name;
      //       ^^^^ use-beyond-purpose +fix
    }
  `;

  it('tells a tsconfig.json that is not valid JSON, and still analyses its files', async () => {
    await check(
      `
      //- tsconfig.json
      { "compilerOptions": { "strict": true,, }, "include": ["src"
      ${patient('src/patient.ts')}
      ${campaign}
    `,
      {
        notices: [
          'tsconfig.json: project configuration: line 1, column 39: Property assignment expected.',
          "tsconfig.json: project configuration: line 1, column 61: ']' expected.",
        ],
      },
    );
  });

  it('tells a tsconfig.json whose extends target is missing, and still analyses its files', async () => {
    await check(
      `
      //- tsconfig.json
      { "extends": "./tsconfig.base.json", "include": ["src"] }
      ${patient('src/patient.ts')}
      ${campaign}
    `,
      { notices: ["tsconfig.json: project configuration: Cannot read file '/ws/tsconfig.base.json'."] },
    );
  });

  it('tells a tsconfig.json that extends a package that is not installed, and still analyses its files', async () => {
    await check(
      `
      //- tsconfig.json
      { "extends": "@tsconfig/node20/tsconfig.json", "include": ["src"] }
      ${patient('src/patient.ts')}
      ${campaign}
    `,
      { notices: ["tsconfig.json: project configuration: line 1, column 14: File '@tsconfig/node20/tsconfig.json' not found."] },
    );
  });

  it('tells a tsconfig.json that cannot be read, and analyses its files as the inferred project', async () => {
    await check(
      `
      ${patient('src/patient.ts')}
      ${campaign}
    `,
      {
        raw: { 'tsconfig.json': new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]) },
        notices: ["tsconfig.json: project configuration: Cannot read file '/ws/tsconfig.json'."],
      },
    );
  });
});
