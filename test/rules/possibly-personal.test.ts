/**
 * `possibly-personal`: untagged fields whose names look like personal information, of the types that count
 * (schemas, types that declare a purpose, types that code with a purpose handles), with the tag that fits.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

describe('possibly-personal', () => {
  it('suggests the fitting tag for English, romanised and Japanese names in a schema, and leaves tagged and other fields alone', async () => {
    const { result } = await check(`
      /** @purpose treatment */
      export interface Patient {
        id: string;
        /** @personal name */ name: string;
        emailAddress: string;
      //^^^^^^^^^^^^ possibly-personal +fix
        seinengappi: string;
      //^^^^^^^^^^^ possibly-personal +fix
        '住所': string;
      //^^^^ possibly-personal +fix
        faceImage?: Uint8Array;
      //^^^^^^^^^ possibly-personal +fix
        kojinBango: string;
      //^^^^^^^^^^ possibly-personal +fix
        /** @notPersonal the ward's shared inbox */ replyTo: string;
        /** @notPersonal the desk's own line */ phone: string;
        createdAt: string;
        fileName: string;
      }
    `);
    assert.deepEqual(
      result.findings.map((finding) => (finding.data as { own: { tag: string } }).own.tag),
      ['@personal contact', '@birthDate', '@personal address', '@facial', '@myNumber'],
    );
    assert.equal(
      result.findings[0]!.message,
      '`Patient.emailAddress` looks like contact details (`emailAddress`), in a schema with tagged fields: tag it `@personal contact`, ' +
        'or `@notPersonal` if it is not personal information (APPI Art. 2(1) to 2(3) (what personal information is)).',
    );
    assert.equal(result.findings[0]!.severity, 'hint');
  });

  it('suggests in a type that declares a purpose, or that code with a purpose handles elsewhere, and nowhere else', async () => {
    const { result } = await check(`
      //- model/applicant.ts
      export interface Applicant { fullName: string; notes: string }
      //                           ^^^^^^^^ possibly-personal +fix
      /** @purpose billing */
      export interface Payer { address: string; total: number }
      //                       ^^^^^^^ possibly-personal +fix
      //- model/product.ts
      export interface Product { name: string; address: string; price: number }
      export interface Draft { fullName: string }
      //- welfare/review.ts
      import type { Applicant } from '../model/applicant';
      import type { Draft } from '../model/product';
      /** @purpose welfare */
      export function review(applicants: readonly Applicant[]): number {
        return applicants.length;
      }
      // No purpose here: a draft handled by code without one is not suggested.
      export const keep = (draft: Draft) => draft;
    `);
    const related = result.findings[0]!.related[0]!;
    assert.equal(related.file, '/ws/welfare/review.ts');
    assert.equal(related.message, '`Applicant` is handled here by `review`, which has a purpose of use.');
  });

  it('names a field of a nested type literal by its path, and never suggests the types of packages', async () => {
    await check(`
      //- node_modules/@clinic/types/index.d.ts
      export interface Visitor { fullName: string }
      //- model.ts
      import type { Visitor } from '@clinic/types';
      /** @purpose treatment */
      export interface Referral {
        /** @personal name */ doctor: string;
        person: { birthDate: string; ward: string };
        //        ^^^^^^^^^ possibly-personal +fix
      }
      /** @purpose treatment */
      export const greet = (v: Visitor) => v;
    `);
  });

  it('leaves a misspelt tag to annotation-invalid, and reports @notPersonal beside a field tag', async () => {
    await check(`
      /** @purpose treatment */
      export interface Patient {
        /** @personal name */ name: string;
        /** @Personal */ email: string;
        //  ^^^^^^^^^ annotation-invalid +fix
        /** @personal contact @notPersonal */ phone: string;
        //                    ^^^^^^^^^^^^ annotation-invalid
      }
    `);
  });

  it('tags the field with the tag that fits, every suggested field of the type, or marks it @notPersonal', async () => {
    const before = `/** @purpose treatment */
export interface Patient {
  /** @personal name */ name: string;
  email: string;
  /** Taken at the desk. */
  dob: string;
}
`;
    await checkFix(before, before.replace('  email: string;', '  /** @personal contact */\n  email: string;'), {
      title: 'Tag `email` `@personal contact`',
    });
    await checkFix(
      before,
      before
        .replace('  email: string;', '  /** @personal contact */\n  email: string;')
        .replace('Taken at the desk. */', 'Taken at the desk. @birthDate */'),
      { title: 'Tag every suggested field of `Patient` (2)' },
    );
    await checkFix(before, before.replace('  email: string;', '  /** @notPersonal */\n  email: string;'), {
      title: 'Mark `email` `@notPersonal`',
    });
    const inline = '/** @purpose treatment */\nexport interface Patient { /** @personal name */ name: string; email: string }\n';
    await checkFix(inline, inline.replace(' email: string', ' /** @personal contact */ email: string'), {
      title: 'Tag `email` `@personal contact`',
    });
  });
});
