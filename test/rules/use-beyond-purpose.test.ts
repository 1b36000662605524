import { describe, it } from 'node:test';
import { check } from '../support/check';

describe('use-beyond-purpose', () => {
  it('reports reads of tagged fields beyond their declared purposes', async () => {
    await check(`
      /**
       * @purpose treatment billing
       * @piFile "Patient Registry"
       */
      export interface Patient {
        /** @personal name */ name: string;
        /** @birthDate */ birthDate: string;
        /** @specialCare medical-history */ diagnosis: string;
      }

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return 'Dear ' + p.name + ', about your ' + p.diagnosis;
        //                 ^^^^ use-beyond-purpose +fix
        //                                            ^^^^^^^^^ use-beyond-purpose +fix
      }

      /** @purpose treatment */
      export function chart(p: Patient) {
        return p.name + p.diagnosis;
      }
    `);
  });
});
