/**
 * `my-number-scope`: an Individual Number may be declared for and used in the My Number affairs only (the
 * catalogue's `myNumberAffair`), whatever the individual consents to; only `vital-interest` widens that.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const register = `
  //- pi-register.yaml
  organization: Minato Ward
  purposes:
    - id: payroll
      description: Salaries and withholding tax slips
      myNumberAffair: taxation
    - id: benefits
      description: Benefits
      myNumberAffair: social-security
    - id: newsletter
      description: The staff newsletter
    - id: tax-refunds
      description: Refunds of local tax
`;

const employee = (purposes: string, field = '') => `
  //- model.ts
  /** @purpose ${purposes} */
  export interface Employee {
    id: string;
    /** @myNumber${field} */ individualNumber: string;
    /** @personal name */ name: string;
  }
`;

describe('my-number-scope: declarations', () => {
  it("reports a purpose of an Individual Number's declaration that is not an affair, on the schema or the field", async () => {
    await check(`
      //- model.ts
      /** @purpose payroll newsletter */
      //                   ^^^^^^^^^^ my-number-scope +fix
      export interface Employee {
        /** @myNumber */ individualNumber: string;
        /** @personal name */ name: string;
      }
      /** @purpose payroll tax-refunds */
      export interface Dependant {
        /** @myNumber @purpose payroll tax-refunds */ individualNumber: string;
        //                             ^^^^^^^^^^^ my-number-scope +fix
      }
      ${register}`);
  });

  it('says nothing without a catalogue to tell the affairs by', async () => {
    await check(employee('payroll newsletter'));
  });
});

describe('my-number-scope: uses', () => {
  it('reports a use in code serving a purpose that is not an affair, instead of use-beyond-purpose, whatever its @basis but vital-interest', async () => {
    await check(`${employee('payroll')}
      //- app.ts
      import type { Employee } from './model';

      /** @purpose newsletter */
      export const byline = (e: Employee) => \`\${e.name} (\${e.individualNumber})\`;
      //                                          ^^^^ use-beyond-purpose +fix
      //                                                     ^^^^^^^^^^^^^^^^ my-number-scope

      /**
       * @purpose newsletter
       * @basis consent the employee agreed
       */
      export const consented = (e: Employee) => e.individualNumber;
      //                                          ^^^^^^^^^^^^^^^^ my-number-scope

      /**
       * @purpose newsletter
       * @basis vital-interest to reach the family in an emergency
       */
      export const emergency = (e: Employee) => e.individualNumber;

      /** @purpose payroll */
      export const slip = (e: Employee) => e.individualNumber;

      /** @purpose benefits */
      export const claim = (e: Employee) => e.individualNumber;
      //                                      ^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
      ${register}`);
  });

  it('reports an Individual Number reached through a helper at the call, and one sent away as provided', async () => {
    const { result } = await check(`${employee('payroll')}
      //- format.ts
      import type { Employee } from './model';
      export const numberOf = (e: Employee) => e.individualNumber;
      //- app.ts
      import type { Employee } from './model';
      import { numberOf } from './format';

      /** @purpose newsletter */
      export const footer = (e: Employee) => numberOf(e);
      //                                     ^^^^^^^^^^^ my-number-scope

      /** @purpose newsletter */
      export const share = (e: Employee) => JSON.stringify(e);
      //                                                   ^ my-number-scope
      //                                                   ^ use-beyond-purpose +fix
      ${register}`);
    const shared = result.findings.find((finding) => finding.ruleId === 'my-number-scope' && finding.message.includes('leaves'));
    if (!shared?.message.includes('My Number Act Art. 9 (scope of use); My Number Act Art. 19 (provision)'))
      throw new Error(`an escape cites Art. 19: ${shared?.message}`);
  });
});

describe('my-number-scope: fixes', () => {
  it("narrows the field to the schema's affairs, or removes the purpose from the field's own list", async () => {
    await checkFix(
      `${employee('payroll newsletter')}${register}`,
      `${employee('payroll newsletter').replace('/** @myNumber */', '/** @myNumber @purpose payroll */')}${register}`,
      { title: 'Declare `individualNumber` for `payroll` only' },
    );
    await checkFix(
      `${employee('payroll newsletter', ' @purpose payroll newsletter')}${register}`,
      `${employee('payroll newsletter', ' @purpose payroll')}${register}`,
      { title: "Remove `newsletter` from `individualNumber`'s purposes" },
    );
  });

  it('marks a purpose as an affair only where its id or description names one', async () => {
    await checkFix(
      `${employee('payroll tax-refunds')}${register}`,
      `${employee('payroll tax-refunds')}${register.replace('    - id: tax-refunds', '    - id: tax-refunds\n      myNumberAffair: taxation')}`,
      { title: 'Mark `tax-refunds` as the My Number affair `taxation` in the register' },
    );
  });
});
