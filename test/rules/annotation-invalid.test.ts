import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check, checkFix } from '../support/check';

describe('annotation-invalid', () => {
  it('reports bad and missing arguments at the tag or the argument', async () => {
    await check(`
      /**
       * @purpose
      // ^^^^^^^^ annotation-invalid
       * @minimumAge adult
      //             ^^^^^ annotation-invalid
       * @piFile
      // ^^^^^^^ annotation-invalid
       */
      export interface Resident {
      //               ^^^^^^^^ missing-purpose +fix
        /** @specialCare medical */ history: string;
        //               ^^^^^^^ annotation-invalid +fix
        /** @specialCare clinical */ other: string;
        //               ^^^^^^^^ annotation-invalid
        /** @specialCare checkup */ results: string;
        //               ^^^^^^^ annotation-invalid +fix
        /** @specialCare */ notes: string;
        //  ^^^^^^^^^^^^ annotation-invalid
        /** @personal name */ name: string;
      }

      /** @purpose 2fast */
      //           ^^^^^ annotation-invalid
      export function f() {}

      /** @basis consnt */
      //         ^^^^^^ annotation-invalid +fix
      export function g() {}

      /** @piFile "Patient Registry */
      //          ^^^^^^^^ annotation-invalid
      export interface Patient { /** @purpose treatment @personal */ name: string }
    `);
  });

  it('reports tags where they mean nothing', async () => {
    await check(`
      /** @personal name */
      //  ^^^^^^^^^ annotation-invalid
      export function lookup() {}

      /** @basis consent */
      //  ^^^^^^ annotation-invalid
      export interface Patient {
        /** @piFile Registry @personal name @purpose treatment */ name: string;
        //  ^^^^^^^ annotation-invalid
      }
    `);
  });

  it("reports a field's @purpose that is not among its schema's", async () => {
    await check(`
      /** @purpose treatment billing */
      export interface Patient {
        /** @personal contact @purpose billing marketing */ phone: string;
        //                                     ^^^^^^^^^ annotation-invalid
        /** @personal name @purpose treatment */ name: string;
      }
    `);
  });

  it('ignores unknown tags, and reports a known tag in another case as a misspelling', async () => {
    await check(`
      /** @Personal @remarks anything @purpose treatment */
      //  ^^^^^^^^^ annotation-invalid +fix
      export interface Patient { /** @PERSONAL @see other */ name: string }
      //                             ^^^^^^^^^ annotation-invalid +fix
    `);
  });

  it('lists the allowed values in the message', async () => {
    const { result } = await analyse(`
      /** @purpose treatment */
      export interface Patient { /** @specialCare medical */ history: string }
    `);
    assert.match(
      result.findings[0]!.message,
      /^`medical` is not a category for `@specialCare`: use one of `race`, `creed`, .*`juvenile-procedure`\. Did you mean `medical-history`\?$/,
    );
  });

  it('replaces a misspelt category with the closest one', async () => {
    await checkFix(
      `
      /** @purpose treatment */
      export interface Patient { /** @specialCare checkup */ results: string }
      `,
      `
      /** @purpose treatment */
      export interface Patient { /** @specialCare checkup-result */ results: string }
      `,
      { title: 'Replace with `checkup-result`' },
    );
  });
});
