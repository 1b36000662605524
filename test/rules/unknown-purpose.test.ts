import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check, checkFix } from '../support/check';

const register = `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  purposes:
    - id: treatment
      description: Providing medical treatment
    - id: billing
      description: Billing
    - id: marketing
      description: Marketing
`;

describe('unknown-purpose', () => {
  it('reports ids outside the catalogue on schemas, fields and code, at the id', async () => {
    await check(`
      //- model.ts
      /** @purpose treatment biling markting */
      //                     ^^^^^^ unknown-purpose +fix
      //                            ^^^^^^^^ unknown-purpose +fix
      export interface Patient {
        /** @personal name */ name: string;
        /** @personal contact @purpose markting */ phone: string;
        //                             ^^^^^^^^ unknown-purpose +fix
      }

      /** @purpose research */
      //           ^^^^^^^^ unknown-purpose
      export function study(p: Patient) {
        return p.name;
        //       ^^^^ use-beyond-purpose +fix
      }
      ${register}`);
  });

  it('checks nothing when there is no register, or the register has no purposes', async () => {
    await check(`
      /** @purpose anything-goes */
      export interface Patient { /** @personal name */ name: string }
    `);
    await check(`
      //- model.ts
      /** @purpose anything-goes */
      export interface Patient { /** @personal name */ name: string }
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      files: []
    `);
  });

  it('says which register and suggests the closest id', async () => {
    const { result } = await analyse(`
      //- model.ts
      /** @purpose treatmnt */
      export interface Patient { /** @personal name */ name: string }
      ${register}`);
    assert.match(
      result.findings[0]!.message,
      /^Purpose `treatmnt` is not in the purpose catalogue of pi-register\.yaml; did you mean `treatment`\?/,
    );
    assert.equal(result.findings[0]!.related[0]!.file, '/ws/pi-register.yaml');
  });

  it('replaces the id with the closest one', async () => {
    await checkFix(
      `
      //- model.ts
      /** @purpose treatment biling */
      export interface Patient { /** @personal name */ name: string }
      ${register}`,
      `
      //- model.ts
      /** @purpose treatment billing */
      export interface Patient { /** @personal name */ name: string }
      ${register}`,
      { title: 'Replace with `billing`' },
    );
  });
});
