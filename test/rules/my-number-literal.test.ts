import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIndividualNumber } from 'appi-guard-server/engine/queries/my-number-literals';
import { check } from '../support/check';

describe('my-number-literal', () => {
  it('reports literals that are valid Individual Numbers, plain, hyphenated or spaced, strings, templates and numbers', async () => {
    await check(`
      export const plain = '123456789018';
      //                   ^^^^^^^^^^^^^^ my-number-literal
      export const hyphens = "1234-5678-9018";
      //                     ^^^^^^^^^^^^^^^^ my-number-literal
      export const spaces = \`1234 5678 9018\`;
      //                    ^^^^^^^^^^^^^^^^ my-number-literal
      export const numeric = 123456789018;
      //                     ^^^^^^^^^^^^ my-number-literal
      export const zeroCheck = '000000000000';
      //                       ^^^^^^^^^^^^^^ my-number-literal
    `);
  });

  it('reports no literal with a wrong check digit, mixed separators, other lengths, or twelve digits inside a longer text', async () => {
    await check(`
      export const wrongCheckDigit = '123456789012';
      export const mixed = '1234-5678 9018';
      export const eleven = '12345678901';
      export const thirteen = '1234567890185';
      export const inside = 'ID 123456789018 of the order';
      export const decimal = 1234567890.18;
      export const id = 'A-123456789018';
    `);
  });

  it('computes the check digit as MIC Ordinance No. 85 of 2014 Art. 5 says', () => {
    assert.equal(isIndividualNumber('123456789018'), true);
    assert.equal(isIndividualNumber('123456789013'), false);
    // 11 digits summing to a remainder of 0 or 1 have the check digit 0.
    assert.equal(isIndividualNumber('000000000000'), true);
    assert.equal(isIndividualNumber('100000000001'), false);
  });
});
