/**
 * Guards users write for `minor-facial-consent` (SPEC §4, "Collection"): a comparison of an `@age` field, or
 * of a call of an `@age` function, with a constant that establishes the individual is 16 or older guards
 * the branch where it holds; a `switch` on a consent value guards its `true` case.
 */
import { describe, it } from 'node:test';
import { check } from '../support/check';

const model = `
  //- model.ts
  /** @purpose checkups */
  export interface Child {
    /** @personal name */ name: string;
    /** @age */ ageYears: number;
    /** @birthDate */ birthDate: string;
    /** @facial */ photo?: Uint8Array;
    /** @parentalConsent */ guardianConsent?: boolean;
  }

  /** @age */
  export function ageOf(child: Child): number {
    return new Date().getFullYear() - Number(child.birthDate.slice(0, 4));
  }
`;

describe('minor-facial-consent: age checks and switch', () => {
  it('takes a comparison that establishes 16 or older as a check, on the branch where it holds', async () => {
    await check(`${model}
      //- photos.ts
      import { type Child, ageOf } from './model';

      /** @purpose checkups */
      export function atLeast(child: Child, photo: Uint8Array) {
        if (child.ageYears >= 16) child.photo = photo;
        if (child.ageYears > 15) child.photo = photo;
        if (16 <= child.ageYears) child.photo = photo;
        if (!(child.ageYears < 16)) child.photo = photo;
        if (ageOf(child) >= 16) child.photo = photo;
        if (child.ageYears >= 18) child.photo = photo;
      }

      /** @purpose checkups */
      export function earlyExit(child: Child, photo: Uint8Array) {
        if (child.ageYears < 16 && !child.guardianConsent) return;
        child.photo = photo;
      }

      /** @purpose checkups */
      export function eitherWay(child: Child, photo: Uint8Array) {
        if (child.ageYears >= 16 || child.guardianConsent) child.photo = photo;
      }
    `);
  });

  it('takes no other threshold, comparison or branch as a check', async () => {
    await check(`${model}
      //- photos.ts
      import type { Child } from './model';

      /** @purpose checkups */
      export function wrong(child: Child, photo: Uint8Array, limit: number) {
        if (child.ageYears >= 15) child.photo = photo;
        //                              ^^^^^ minor-facial-consent +fix
        if (child.ageYears > 14) child.photo = photo;
        //                             ^^^^^ minor-facial-consent +fix
        if (child.ageYears >= limit) child.photo = photo;
        //                                 ^^^^^ minor-facial-consent +fix
        if (child.ageYears < 16) child.photo = photo;
        //                             ^^^^^ minor-facial-consent +fix
        if (child.name.length >= 16) child.photo = photo;
        //                                 ^^^^^ minor-facial-consent +fix
      }
    `);
  });

  it('takes the true case of a switch on a consent value as a check, unless a case falls through into it', async () => {
    await check(`${model}
      //- photos.ts
      import type { Child } from './model';

      /** @purpose checkups */
      export function bySwitch(child: Child, photo: Uint8Array) {
        switch (child.guardianConsent) {
          case true:
            child.photo = photo;
            break;
          case false:
            child.photo = photo;
        //        ^^^^^ minor-facial-consent +fix
        }
        switch (child.guardianConsent) {
          case undefined:
          case true:
            child.photo = photo;
        //        ^^^^^ minor-facial-consent +fix
        }
      }
    `);
  });
});
