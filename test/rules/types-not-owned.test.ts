/**
 * A project tags the types of packages it cannot edit in its own declaration files: a module augmentation
 * (`declare module 'fhir/r4b'`), a global one (`declare global { namespace fhir { … } }`) or a plain
 * interface merge re-declares a property with a tag, and that field is tagged wherever the merged type is
 * used (SPEC §2, "Where fields can be declared"). The FHIR types are the real ones from the npm registry.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const r4b = ['@types/fhir'];
/** The STU3 release of `@types/fhir`, which declares the global namespace `fhir`. */
const stu3 = [{ name: '@types/fhir', installedAs: '@types/fhir-stu3' }];

const r4bTags = `
  //- src/types/fhir.d.ts
  import type { HumanName } from 'fhir/r4b';

  declare module 'fhir/r4b' {
    /** @purpose treatment */
    interface Patient {
      /** @personal name */ name?: HumanName[] | undefined;
      /** @birthDate */ birthDate?: string | undefined;
    }
  }
`;

const register = `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  purposes:
    - id: treatment
      description: Treatment
    - id: marketing
      description: Marketing
`;

describe('types not owned: tags in declaration files', () => {
  it('tags a package type through a module augmentation, with its purposes', async () => {
    await check(
      `${r4bTags}
      //- src/letters.ts
      import type { Patient } from 'fhir/r4b';

      /** @purpose marketing */
      export function greeting(p: Patient) {
        return \`Dear \${p.name?.[0]?.family}, born \${p.birthDate}, \${p.gender}\`;
        //               ^^^^ use-beyond-purpose +fix
        //                                            ^^^^^^^^^ use-beyond-purpose +fix
      }

      /** @purpose treatment */
      export function chart(p: Patient) {
        return [p.name, p.birthDate];
      }
      `,
      { packages: r4b },
    );
  });

  it('tags the global namespace of a package through a global augmentation or a plain merge', async () => {
    await check(
      `
      //- tsconfig.json
      { "compilerOptions": { "strict": true, "noEmit": true, "types": ["fhir"] } }
      //- src/types/augment.d.ts
      export {};
      declare global {
        namespace fhir {
          /** @purpose treatment */
          interface Patient {
            /** @personal name */ name?: HumanName[];
          }
        }
      }
      //- src/types/merge.d.ts
      declare namespace fhir {
        /** @purpose treatment */
        interface Patient {
          /** @birthDate */ birthDate?: date;
        }
      }
      //- src/letters.ts
      /** @purpose marketing */
      export function greeting(p: fhir.Patient) {
        return [p.name, p.birthDate, p.gender];
        //        ^^^^ use-beyond-purpose +fix
        //                ^^^^^^^^^ use-beyond-purpose +fix
      }
      `,
      { packages: stu3 },
    );
  });

  it('reports what is wrong with the augmenting declaration there', async () => {
    await check(
      `
      //- src/types/fhir.d.ts
      import type { HumanName } from 'fhir/r4b';

      declare module 'fhir/r4b' {
        interface Patient {
      //          ^^^^^^^ missing-purpose
          /** @personal name */ name?: HumanName[] | undefined;
          /** @specialCare illness */ birthDate?: string | undefined;
      //                   ^^^^^^^ annotation-invalid
        }
      }
      `,
      { packages: r4b },
    );
  });

  it('declares a new purpose on the augmenting declaration', async () => {
    const code = `
      //- src/letters.ts
      import type { Patient } from 'fhir/r4b';

      /** @purpose marketing */
      export const greeting = (p: Patient) => p.name;
      ${register}`;
    await checkFix(
      `${r4bTags}${code}`,
      `${r4bTags.replace('@purpose treatment', '@purpose treatment marketing')}${code}`,
      {
        title: 'Declare purpose `marketing` on `Patient`',
      },
      { packages: r4b },
    );
  });

  it('does not read a declaration file emitted beside its code, or into the outDir of a project', async () => {
    await check(`
      //- tsconfig.json
      { "compilerOptions": { "strict": true, "declaration": true, "outDir": "dist" }, "include": ["src"] }
      //- src/model.ts
      /** @purpose treatment @piFile Patients */
      export interface Patient { /** @personal name */ name: string }
      //               ^^^^^^^ unregistered-file +fix
      //- dist/model.d.ts
      /** @purpose treatment @piFile Patients */
      export interface Patient { /** @personal name */ name: string }
      //- scripts/model.ts
      /** @purpose treatment @piFile Visitors */
      export interface Visitor { /** @personal name */ name: string }
      //               ^^^^^^^ unregistered-file +fix
      //- scripts/model.d.ts
      /** @purpose treatment @piFile Visitors */
      export interface Visitor { /** @personal name */ name: string }
    `);
  });
});
