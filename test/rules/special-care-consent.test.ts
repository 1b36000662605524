/**
 * `special-care-consent`: a business acquires special care-required data only with the individual's prior
 * consent (APPI Art. 20(2)); the guards are those of `minor-facial-consent`, with `@consent` as the check.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const model = `
  //- model.ts
  /** @purpose treatment */
  export interface Anamnesis {
    /** @personal name */ name: string;
    /** @specialCare medical-history */ history?: string;
    /** @consent */ consented?: boolean;
  }
`;

const register = (sector: string) => `
  //- pi-register.yaml
  organization: Minato Clinic
  ${sector}
  purposes:
    - id: treatment
      description: Treatment
`;

describe('special-care-consent', () => {
  it('reports a collection with no consent check, and none guarded by a consent field, a consent function or a switch', async () => {
    await check(`${model}
      //- intake.ts
      import type { Anamnesis } from './model';

      /** @purpose treatment */
      export function unguarded(form: Anamnesis, history: string): Anamnesis {
        return { ...form, history };
        //                ^^^^^^^ special-care-consent +fix
      }

      /** @purpose treatment */
      export function guarded(form: Anamnesis, history: string): Anamnesis {
        if (!form.consented) throw new Error('no consent');
        return { ...form, history };
      }

      /** @consent */
      export function hasConsented(form: Anamnesis): boolean {
        return form.consented === true;
      }

      /** @purpose treatment */
      export function byFunction(form: Anamnesis, history: string): Anamnesis {
        return hasConsented(form) ? { ...form, history } : form;
      }

      /** @purpose treatment */
      export function bySwitch(form: Anamnesis, history: string): Anamnesis {
        switch (form.consented) {
          case true:
            return { ...form, history };
          default:
            return form;
        }
      }
      ${register('sector: business')}`);
  });

  it('is allowed by a @basis other than statistics, and does not apply to administrative organs', async () => {
    const code = `${model}
      //- intake.ts
      import type { Anamnesis } from './model';

      /**
       * @purpose treatment
       * @basis vital-interest the patient is unconscious
       */
      export function emergency(form: Anamnesis, history: string): Anamnesis {
        return { ...form, history };
      }

      /**
       * @purpose treatment
       * @basis statistics
       */
      export function survey(form: Anamnesis, history: string): Anamnesis {
        return { ...form, history };
        //                ^^^^^^^ special-care-consent +fix
      }
    `;
    await check(`${code}${register('')}`);
    await check(
      `${code.replace('        //                ^^^^^^^ special-care-consent +fix\n', '')}${register('sector: administrative-organ')}`,
    );
  });

  it('inserts an early-exit consent check, adding a @consent field to a schema that has none', async () => {
    const visitCode = (schema: string, body: string) => `
      //- model.ts
      /** @purpose treatment */
      export interface Visit {
        /** @specialCare treatment */ note: string;${schema}
      }
      //- intake.ts
      import type { Visit } from './model';
      /** @purpose treatment */
      export function record(visit: Visit, note: string) {
        ${body}visit.note = note;
      }
      ${register('sector: business')}`;
    await checkFix(
      visitCode('', ''),
      visitCode(
        '\n        /** @consent */ consent?: boolean;',
        "if (visit.consent !== true) throw new Error('Consent of the individual is required to acquire special care-required data');\n        ",
      ),
      { title: "Require the individual's consent before collecting `note`" },
    );
  });
});
