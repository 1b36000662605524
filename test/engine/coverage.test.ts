/**
 * What a run could not check (README, "What a clean run means"), counted by the engine for every file whichever rules are on: reads
 * of tagged fields' names on untyped values, packages that are not installed, and the configuration it
 * could not follow.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Unchecked } from 'appi-guard-server/base/coverage';
import { rules } from 'appi-guard-server/rules/index';
import { analyse, type CheckOptions } from '../support/check';
import { root } from '../support/fixture';
import { generatePrismaClient } from '../support/prisma';

const model = `
  //- model.ts
  /** @purpose treatment */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
    /** @specialCare medical-history */ diagnosis: string;
    /** @parentalConsent */ guardianConsent?: boolean;
  }
`;

/** Each item as `file:line:column kind what (why)`, 1-based, the file relative to the root. */
function shown(items: readonly Unchecked[]): string[] {
  return items.map((item) => {
    const at = item.range ? `:${item.range.start.line + 1}:${item.range.start.character + 1}` : '';
    const what =
      item.kind === 'untyped-read'
        ? `${item.name} (${item.cause.type === 'unresolved-import' ? `unresolved ${item.cause.module}` : item.cause.type})`
        : item.kind === 'missing-package'
          ? item.package
          : item.kind === 'missing-extends'
            ? item.extends.replace(`${root}/`, '')
            : item.kind === 'project-not-loaded' || item.kind === 'incomplete-analysis'
              ? item.reason
              : item.kind === 'missing-prisma-client'
                ? item.output.replace(`${root}/`, '')
                : item.name;
    return `${item.file.slice(root.length + 1)}${at} ${item.kind} ${what}`;
  });
}

async function coverage(source: string, options: CheckOptions = {}) {
  return (await analyse(source, options)).result.coverage;
}

describe('coverage: reads on untyped values', () => {
  it('counts reads of tagged names on `any`, by property, element access and destructuring, and nothing typed', async () => {
    const { unchecked, total, byKind } = await coverage(`
      ${model}
      //- app.ts
      import type { Patient } from './model';
      /** @purpose treatment */
      export function typed(p: Patient) { return p.name + p['diagnosis']; }
      export function untyped(row: any) {
        const { diagnosis } = row;
        return row.name + row['name'] + diagnosis + row.id + row.other;
      }
      export function written(row: any) { row.name = 'x'; delete row.diagnosis; return row.guardianConsent; }
      export const parsed = (text: string) => JSON.parse(text).name;
    `);
    assert.deepEqual(shown(unchecked), [
      'app.ts:5:11 untyped-read diagnosis (any)',
      'app.ts:6:14 untyped-read name (any)',
      'app.ts:6:25 untyped-read name (any)',
      'app.ts:9:58 untyped-read name (any)',
    ]);
    assert.equal(total, 4);
    assert.equal(byKind['untyped-read'], 4);
  });

  it('says when the value comes from an import that does not resolve, or has an error type', async () => {
    const { unchecked } = await coverage(
      `
      ${model}
      //- app.ts
      import lib from 'patients-api';
      import * as records from '@clinic/records/v2';
      export const fromLib = () => lib.current().name;
      export const fromRecords = () => records.latest.diagnosis;
      export function broken(p: Missing) { return p.name; }
    `,
      { typeErrors: [2304, 2307] },
    );
    assert.deepEqual(shown(unchecked), [
      'app.ts:1:17 missing-package patients-api',
      'app.ts:2:26 missing-package @clinic/records',
      'app.ts:3:44 untyped-read name (unresolved patients-api)',
      'app.ts:4:49 untyped-read diagnosis (unresolved @clinic/records/v2)',
      'app.ts:5:47 untyped-read name (error)',
    ]);
  });

  it('counts only in files that mention a tagged name, and whichever rules are on', async () => {
    const off = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off' as const]));
    const { unchecked } = await coverage(
      `
      ${model}
      //- quiet.ts
      export const shout = (row: any) => row.title.toUpperCase();
      //- loud.ts
      export const greet = (row: any) => row.name;
    `,
      { severities: off },
    );
    assert.deepEqual(shown(unchecked), ['loud.ts:1:40 untyped-read name (any)']);
  });
});

describe('coverage: packages', () => {
  it('counts imports of packages that are not installed, not installed or declared ones, files or path aliases', async () => {
    const { unchecked } = await coverage(
      `
      //- tsconfig.json
      { "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@app/*": ["src/*"] } }, "include": ["src", "types"] }
      //- node_modules/installed/package.json
      { "name": "installed", "types": "index.d.ts" }
      //- node_modules/installed/index.d.ts
      export declare const version: string;
      //- types/ambient.d.ts
      declare module 'declared-here';
      //- src/app.ts
      import { version } from 'installed';
      import anything from 'declared-here';
      import mailer from 'nodemailer';
      import type { Transport } from 'nodemailer/lib/smtp';
      export { send } from '@mail/client';
      import { gone } from '@app/gone';
      import { alsoGone } from './gone';
      export const all = [version, anything, mailer, gone, alsoGone] as const;
      export type T = Transport;
    `,
      { typeErrors: [2307] },
    );
    assert.deepEqual(shown(unchecked), [
      'src/app.ts:3:20 missing-package nodemailer',
      'src/app.ts:4:32 missing-package nodemailer',
      'src/app.ts:5:22 missing-package @mail/client',
    ]);
  });
});

describe('coverage: configuration', () => {
  const source = `
    ${model}
    //- app.ts
    export const id = 1;
  `;

  it('counts a tsconfig.json whose extends is missing, or names a package that is not installed; the notices stay', async () => {
    const { unchecked } = await coverage(
      `
      //- tsconfig.json
      { "extends": "./tsconfig.base.json", "include": ["*.ts"] }
      //- pkg/tsconfig.json
      { "extends": ["@tsconfig/node20/tsconfig.json"], "include": ["*.ts"] }
      //- pkg/index.ts
      export const two = 2;
      ${source}
    `,
      {
        notices: [
          "tsconfig.json: project configuration: Cannot read file '/ws/tsconfig.base.json'.",
          "pkg/tsconfig.json: project configuration: line 1, column 15: File '@tsconfig/node20/tsconfig.json' not found.",
        ],
      },
    );
    assert.deepEqual(shown(unchecked), [
      'tsconfig.json:1:14 missing-extends tsconfig.base.json',
      'pkg/tsconfig.json:1:15 missing-extends @tsconfig/node20/tsconfig.json',
    ]);
  });

  it('counts a project that could not be loaded; its files are still analysed', async () => {
    const { result } = await analyse(source, {
      raw: { 'tsconfig.json': new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]) },
      notices: ["tsconfig.json: project configuration: Cannot read file '/ws/tsconfig.json'."],
    });
    assert.deepEqual(shown(result.coverage.unchecked), ["tsconfig.json project-not-loaded Cannot read file '/ws/tsconfig.json'."]);
    assert.deepEqual(result.files, ['/ws/app.ts', '/ws/model.ts']);
  });
});

describe('coverage: uses no context reaches', () => {
  it('counts uses in code no context reaches (called by nothing, only by such code, at top level), whichever rules are on', async () => {
    const { unchecked, byKind } = await coverage(
      `
      ${model}
      //- helpers.ts
      import type { Patient } from './model';
      export function label(p: Patient) { return p.name; }
      export function orphan(p: Patient) { return p.diagnosis; }
      export const registry = new Map<string, Patient>();
      export const names = [...registry.values()].map((p) => p.name);
      //- chart.ts
      import type { Patient } from './model';
      import { label } from './helpers';
      /** @purpose treatment */
      export const chart = (p: Patient) => label(p) + p.diagnosis;
      //- loose.ts
      import type { Patient } from './model';
      import { orphan } from './helpers';
      export function unpurposed(p: Patient) { return orphan(p) + p.name; }
    `,
      { severities: Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off' as const])) },
    );
    assert.deepEqual(shown(unchecked), [
      'helpers.ts:3:47 unreached-use diagnosis',
      'helpers.ts:5:58 unreached-use name',
      'loose.ts:3:63 unreached-use name',
    ]);
    assert.equal(byKind['unreached-use'], 3);
  });
});

describe('coverage: Prisma clients', () => {
  const off = Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off' as const]));
  const schema = (generator: string) => `
    //- prisma/schema.prisma
    ${generator}
    /// @purpose treatment
    model Patient {
      id   Int    @id
      /// @personal name
      name String
    }
    //- pi-register.yaml
    organization: Minato Ward Health Centre
    files:
      - name: Patient
        exemption: experimental
        purposes: [treatment]
  `;
  const output = 'generator client {\n      provider = "prisma-client"\n      output   = "../src/generated/prisma"\n    }';

  it('counts a schema with tagged models whose client has not been generated, where its generator writes it', async () => {
    const { unchecked } = await coverage(schema(output), { severities: off });
    assert.deepEqual(shown(unchecked), ['prisma/schema.prisma missing-prisma-client src/generated/prisma']);
    const legacy = await coverage(schema('generator client {\n      provider = "prisma-client-js"\n    }'), { severities: off });
    assert.deepEqual(shown(legacy.unchecked), ['prisma/schema.prisma missing-prisma-client node_modules/.prisma/client']);
  });

  it('counts nothing once the client is generated, or for a schema without tagged models', async () => {
    const folder = generatePrismaClient(
      `generator client {\n  provider = "prisma-client"\n  output   = "../src/generated/prisma"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n\nmodel Patient {\n  id Int @id\n  /// @personal name\n  name String\n}\n`,
    );
    const generated = await coverage(schema(output), {
      severities: off,
      packages: ['@prisma/client', { at: 'src/generated/prisma', folder }],
    });
    assert.deepEqual(shown(generated.unchecked), []);
    const untagged = await coverage(schema(output).replace('/// @personal name', ''), { severities: off });
    assert.deepEqual(shown(untagged.unchecked), []);
  });
});
