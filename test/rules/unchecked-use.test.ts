import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const on = { severities: { 'unchecked-use': 'info' } } as const;

const model = `
  //- model.ts
  /** @purpose treatment */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
    /** @specialCare medical-history */ diagnosis: string;
  }
`;

describe('unchecked-use', () => {
  it('is off by default: the places are counted, not reported', async () => {
    const { result } = await check(`
      ${model}
      //- app.ts
      export const greet = (row: any) => row.name;
    `);
    assert.equal(result.coverage.byKind['untyped-read'], 1);
  });

  it('reports reads of tagged names on untyped values, at the name, and none on typed values or of other names', async () => {
    await check(
      `
      ${model}
      //- app.ts
      import type { Patient } from './model';
      export function typed(p: Patient) { return p.name; }
      export function untyped(row: any) {
        const { diagnosis } = row;
        //      ^^^^^^^^^ unchecked-use +fix
        return row.name + row['diagnosis'] + diagnosis + row.id;
        //         ^^^^ unchecked-use +fix
        //                    ^^^^^^^^^^^ unchecked-use +fix
      }
    `,
      on,
    );
  });

  it('says why: type any, an unresolved import of a package, an error type', async () => {
    const { result } = await check(
      `
      ${model}
      //- app.ts
      import records from 'patient-records';
      export const fromAny = (row: any) => row.name;
      //                                       ^^^^ unchecked-use +fix
      export const fromPackage = () => records.latest().diagnosis;
      //                                                ^^^^^^^^^ unchecked-use +fix
      export const fromError = (row: Missing) => row.name;
      //                                             ^^^^ unchecked-use +fix
    `,
      { ...on, typeErrors: [2304, 2307] },
    );
    assert.deepEqual(
      result.findings.map((finding) => [finding.severity, finding.message]),
      [
        [
          'info',
          '`name` is read on a value of type `any`: possibly personal information (`Patient.name` is tagged), not checked. Give the value its type so that its uses are checked.',
        ],
        [
          'info',
          "`diagnosis` is read on a value imported from 'patient-records', which is not installed: possibly personal information (`Patient.diagnosis` is tagged), not checked. Install the package (or declare its types) so that its uses are checked.",
        ],
        [
          'info',
          '`name` is read on a value whose type TypeScript could not resolve: possibly personal information (`Patient.name` is tagged), not checked. Fix the type error so that its uses are checked.',
        ],
      ],
    );
    assert.ok(result.findings.every((finding) => finding.provision === undefined));
  });

  it('reports at the severity set, and a suppression with a reason silences it', async () => {
    await check(
      `
      ${model}
      //- app.ts
      export function legacy(row: any) {
        // appi-guard-disable-next-line unchecked-use -- the legacy export is typed in issue 42
        return row.name;
        //         ^^^^ unchecked-use +fix (suppressed)
      }
      export const other = (row: any) => row.name;
      //                                     ^^^^ unchecked-use +fix
    `,
      { severities: { 'unchecked-use': 'warning' } },
    );
  });

  it('offers to disable it for the line', async () => {
    await checkFix(
      `
      ${model}
      //- app.ts
      export const greet = (row: any) => row.name;
    `,
      `
      ${model}
      //- app.ts
      // appi-guard-disable-next-line unchecked-use -- reason: 
      export const greet = (row: any) => row.name;
    `,
      { title: 'Disable unchecked-use for this line', rule: 'unchecked-use' },
      on,
    );
  });
});
