import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check, checkFix } from '../support/check';

/** Declared for treatment and billing; helpers with no context of their own read it. */
const patient = `
//- model/patient.ts
/** @purpose treatment billing */
export interface Patient {
  id: string;
  /** @personal name */ name: string;
  /** @birthDate */ birthDate: string;
  /** @specialCare medical-history */ diagnosis: string;
}
`;

const helpers = `
//- app/format.ts
import type { Patient } from '../model/patient';

export function formatName(p: Patient) {
  return p.name.toUpperCase();
}
export function label(p: Patient) {
  return formatName(p) + ' ' + p.id;
}
export const diagnosisOf = (p: Patient) => p.diagnosis;
export function unused(p: Patient) {
  return p.birthDate;
}
`;

describe('use-beyond-purpose: reached uses', () => {
  it('follows calls into helpers one and two levels deep, once per call site, at the call', async () => {
    await check(`${patient}${helpers}
      //- app/letter.ts
      import type { Patient } from '../model/patient';
      import { formatName, label } from './format';

      /** @purpose marketing */
      export function letter(p: Patient) {
        const greeting = formatName(p);
        //               ^^^^^^^^^^^^^ use-beyond-purpose +fix
        return greeting + label(p) + formatName(p);
        //                ^^^^^^^^ use-beyond-purpose +fix
        //                           ^^^^^^^^^^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('follows functions passed by name, .call, .apply, .bind, new and JSX components', async () => {
    await check(`${patient}${helpers}
      //- app/card.tsx
      import type { Patient } from '../model/patient';
      import { diagnosisOf, formatName } from './format';

      declare global { namespace JSX { interface IntrinsicElements { [name: string]: unknown } } }

      function PatientName({ patient }: { patient: Patient }) {
        return <b>{patient.name}</b>;
      }

      class Letter {
        readonly text: string;
        constructor(p: Patient) {
          this.text = p.diagnosis;
        }
      }

      /** @purpose marketing */
      export function Mailing({ all, first }: { all: Patient[]; first: Patient }) {
        const names = all.map(formatName);
        //                    ^^^^^^^^^^ use-beyond-purpose +fix
        const called = diagnosisOf.call(null, first) + diagnosisOf.apply(null, [first]);
        //             ^^^^^^^^^^^ use-beyond-purpose +fix
        //                                             ^^^^^^^^^^^ use-beyond-purpose +fix
        const bound = formatName.bind(null, first);
        //            ^^^^^^^^^^ use-beyond-purpose +fix
        const letter = new Letter(first);
        //             ^^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
        return <div title={names.join() + called + bound() + letter.text}><PatientName patient={first} /></div>;
        //                                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('checks a helper against each context that reaches it, and not one that its fields serve', async () => {
    await check(`${patient}${helpers}
      //- app/uses.ts
      import type { Patient } from '../model/patient';
      import { label } from './format';

      /** @purpose marketing */
      export const advertise = (p: Patient) => label(p);
      //                                       ^^^^^^^^ use-beyond-purpose +fix

      /** @purpose research */
      export const study = (p: Patient) => label(p);
      //                                   ^^^^^^^^ use-beyond-purpose +fix

      /** @purpose treatment */
      export const chart = (p: Patient) => label(p);
    `);
  });

  it('stops at code with a context of its own, and checks nothing that no context reaches', async () => {
    await check(`${patient}
      //- app/boundary.ts
      import type { Patient } from '../model/patient';

      /** @purpose treatment */
      export function chartName(p: Patient) {
        return p.name;
      }
      function viaBoundary(p: Patient) {
        return chartName(p);
      }
      function unreached(p: Patient) {
        return p.diagnosis;
      }

      /** @purpose marketing */
      export function advertise(p: Patient) {
        return viaBoundary(p) + chartName(p);
      }
    `);
  });

  it('allows the use when @basis is on the context, a function on the path, or around the read', async () => {
    await check(`${patient}
      //- app/basis.ts
      import type { Patient } from '../model/patient';

      /** @basis consent the individual agreed to letters */
      function agreed(p: Patient) {
        return p.name;
      }
      /** @basis consent letters were agreed */
      function between(p: Patient) {
        return plain(p);
      }
      function plain(p: Patient) {
        return p.diagnosis;
      }

      /** @purpose marketing */
      export function letters(p: Patient) {
        return agreed(p) + between(p);
      }

      /**
       * @purpose marketing
       * @basis consent asked at sign-up
       */
      export function consented(p: Patient) {
        return plain(p);
      }

      /** @purpose marketing */
      export function direct(p: Patient) {
        return plain(p);
        //     ^^^^^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('counts records escaping in a helper, and logs them there too', async () => {
    await check(`${patient}
      //- app/send.ts
      import type { Patient } from '../model/patient';

      function keep(p: Patient) {
        localStorage.setItem('patient', JSON.stringify(p));
      }
      function trace(p: Patient) {
        console.log(p);
        //          ^ personal-data-in-log +fix
      }

      /** @purpose marketing */
      export function remember(p: Patient) {
        keep(p);
      //^^^^^^^ use-beyond-purpose +fix
        trace(p);
      //^^^^^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('ends in a cycle of calls, and follows no deeper than 8 levels', async () => {
    const chain = Array.from({ length: 10 }, (_, index) =>
      index === 9
        ? 'function level9(p: Patient): string { return p.name; }'
        : `function level${index}(p: Patient): string { return level${index + 1}(p); }`,
    ).join('\n');
    await check(`${patient}
      //- app/deep.ts
      import type { Patient } from '../model/patient';

      function ping(p: Patient, n: number): string { return n > 0 ? pong(p, n - 1) : p.diagnosis; }
      function pong(p: Patient, n: number): string { return ping(p, n); }
      ${chain}
      function level2b(p: Patient): string { return level3b(p); }
      function level3b(p: Patient): string { return level4b(p); }
      function level4b(p: Patient): string { return level5b(p); }
      function level5b(p: Patient): string { return level6b(p); }
      function level6b(p: Patient): string { return level7b(p); }
      function level7b(p: Patient): string { return level8b(p); }
      function level8b(p: Patient): string { return p.name; }

      /** @purpose marketing */
      export function far(p: Patient) {
        return ping(p, 2) + level0(p) + level2b(p);
        //     ^^^^^^^^^^ use-beyond-purpose +fix
        //                              ^^^^^^^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('names the path and the fields in the message, relates the reads, and gives the path step by step', async () => {
    const { result } = await analyse(`${patient}${helpers}
      //- app/letter.ts
      import type { Patient } from '../model/patient';
      import { label } from './format';

      /** @purpose marketing */
      export function letter(p: Patient) {
        return label(p);
      }
    `);
    const [finding, ...rest] = result.findings;
    assert.equal(rest.length, 0);
    assert.match(
      finding!.message,
      /^`letter` \(marketing\) → `label` → `formatName` → reads `Patient\.name` \(personal: name\), declared for `treatment` and `billing`: beyond its purpose of use \(APPI Art\. 18\(1\)/,
    );
    const where = (location: { file: string; range: { start: { line: number } }; message: string }) =>
      `${location.file.split('/').slice(-2).join('/')}:${location.range.start.line + 1} ${location.message}`;
    assert.deepEqual(finding!.path?.map(where), [
      'app/letter.ts:6 `letter` calls `label`',
      'app/format.ts:7 `label` calls `formatName`',
      'app/format.ts:4 `formatName` uses `Patient.name`',
    ]);
    assert.deepEqual(finding!.related.map(where), [
      'app/format.ts:4 `formatName` reads `Patient.name` here, reached from `letter`.',
      'model/patient.ts:4 `Patient.name` is declared for `treatment` and `billing`.',
      'app/letter.ts:4 `letter` serves `marketing`.',
    ]);
  });

  it('declares the purpose on the schema from the call', async () => {
    await checkFix(
      `${patient}
      //- app/letter.ts
      import type { Patient } from '../model/patient';
      const nameOf = (p: Patient) => p.name;
      /** @purpose marketing */
      export const letter = (p: Patient) => nameOf(p);
      `,
      `
      //- model/patient.ts
      /** @purpose treatment billing marketing */
      export interface Patient {
        id: string;
        /** @personal name */ name: string;
        /** @birthDate */ birthDate: string;
        /** @specialCare medical-history */ diagnosis: string;
      }
      //- app/letter.ts
      import type { Patient } from '../model/patient';
      const nameOf = (p: Patient) => p.name;
      /** @purpose marketing */
      export const letter = (p: Patient) => nameOf(p);
      `,
      { title: 'Declare purpose `marketing` on `Patient`' },
    );
  });
});
