/**
 * Mistakes in annotations that used to pass without a word (issue: adopting the tool): a known tag in
 * another case or misspelt, purpose ids separated by commas, an argument where the tag takes none. Each
 * is `annotation-invalid` with a fix, instead of a schema that silently is not one.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

describe('annotation-invalid: mistakes in tags', () => {
  it('reports a known tag in another case or misspelt, and leaves documentation tags and other tags alone', async () => {
    await check(`
      /**
       * The patients.
       * @purposes treatment
      //@3 ^^^^^^^^^ annotation-invalid +fix
       * @pifile Patients
      //@3 ^^^^^^^ annotation-invalid +fix
       * @see the intake form
       * @remarks kept for five years
       * @team reception
       */
      export interface Patient {
        /** @Personal name */ name: string;
        //  ^^^^^^^^^ annotation-invalid +fix
        /** @specialcare medical-history */ history: string;
        //  ^^^^^^^^^^^^ annotation-invalid +fix
        /** @birthdate */ birthDate: string;
        //  ^^^^^^^^^^ annotation-invalid +fix
        /** @parentalconsent */ guardianConsent?: boolean;
        //  ^^^^^^^^^^^^^^^^ annotation-invalid +fix
        /** @param ignored on a field, and not ours */ note?: string;
      }
    `);
  });

  it('fixes the spelling of a tag', async () => {
    await checkFix(
      '/** @purpose treatment */\nexport interface Patient { /** @specialcare medical-history */ history: string }\n',
      '/** @purpose treatment */\nexport interface Patient { /** @specialCare medical-history */ history: string }\n',
      { title: 'Replace with `@specialCare`' },
    );
  });

  it('says that purpose ids are separated by spaces, and joins them so', async () => {
    await check(`
      /** @purpose treatment, billing */
      //           ^^^^^^^^^^^^^^^^^^ annotation-invalid +fix
      export interface Patient { /** @personal name */ name: string }
      //               ^^^^^^^ missing-purpose
    `);
    await checkFix(
      '/** @purpose treatment, billing */\nexport interface Patient { /** @personal name */ name: string }\n',
      '/** @purpose treatment billing */\nexport interface Patient { /** @personal name */ name: string }\n',
      { title: 'Replace with `treatment billing`' },
    );
  });

  it('reports one word after a tag that takes none, and leaves a description alone', async () => {
    await check(`
      /** @purpose treatment */
      export interface Patient {
        /** @birthDate 1990-01-01 */ birthDate: string;
        //             ^^^^^^^^^^ annotation-invalid +fix
        /** @facial Printed on the patient card at reception */ photo?: Uint8Array;
      }
    `);
    await checkFix(
      '/** @purpose treatment */\nexport interface Patient { /** @birthDate 1990-01-01 */ birthDate: string }\n',
      '/** @purpose treatment */\nexport interface Patient { /** @birthDate */ birthDate: string }\n',
      { title: 'Remove the argument' },
    );
  });

  it("says that arguments go on the tag's line, and moves one up when it is what the tag takes", async () => {
    await check(`
      /**
       * The patients.
       * @purpose
      //@3 ^^^^^^^^ annotation-invalid +fix
       *   treatment billing
       * @piFile
      //@3 ^^^^^^^ annotation-invalid +fix
       *   Patient Registry
       */
      export interface Patient {
      //               ^^^^^^^ missing-purpose
        /**
         * @specialCare
        //@5 ^^^^^^^^^^^^ annotation-invalid
         *   the history the patient tells at the desk
         */
        history: string;
        /** @personal name */ name: string;
      }
    `);
    await checkFix(
      '/**\n * @purpose\n *   treatment billing\n */\nexport interface Patient { /** @personal name */ name: string }\n',
      '/**\n * @purpose treatment billing\n */\nexport interface Patient { /** @personal name */ name: string }\n',
      { title: 'Move the argument onto the line of `@purpose`' },
    );
  });

  it("validates a type's own tags when every tag on its fields is misspelt", async () => {
    await check(`
      /**
       * @purpose treatment
       * @piFile
      //@3 ^^^^^^^ annotation-invalid
       * @minimumAge six
      //@15 ^^^ annotation-invalid
       */
      export interface Child {
        /** @specialcare medical-history */ history: string;
        //  ^^^^^^^^^^^^ annotation-invalid +fix
        /** @Personal */ name: string;
        //  ^^^^^^^^^ annotation-invalid +fix
      }
    `);
  });
});
