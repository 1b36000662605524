import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check, checkFix } from '../support/check';

/** A schema shared by most cases: declared for treatment and billing. */
const patient = `
//- model/patient.ts
/**
 * The clinic's patients (not a Personal Information File here: unregistered-file has its own tests).
 * @purpose treatment billing
 */
export interface Patient {
  id: string;
  /** @personal name */ name: string;
  /** @birthDate */ birthDate: string;
  /** @specialCare medical-history */ diagnosis: string;
  /** @personal contact @purpose treatment */ phone?: string;
}
`;

describe('use-beyond-purpose: reads', () => {
  it('reports reads beyond the declared purposes, and only those', async () => {
    await check(`${patient}
      //- app/campaign.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        return 'Dear ' + p.name + ', about your ' + p.diagnosis + ' ' + p.id;
        //                 ^^^^ use-beyond-purpose +fix
        //                                            ^^^^^^^^^ use-beyond-purpose +fix
      }

      /** @purpose treatment */
      export function chart(p: Patient) {
        return p.name + p.diagnosis + p.phone;
      }

      /** @purpose billing */
      export function invoice(p: Patient) {
        return p.name + p.phone;
        //                ^^^^^ use-beyond-purpose +fix
      }

      export function noContext(p: Patient) {
        return p.diagnosis;
      }
    `);
  });

  it('follows aliases, re-exports, generics, unions, intersections, optional chaining and literal element access', async () => {
    await check(`${patient}
      //- model/index.ts
      export * from './patient';
      export type { Patient as Person } from './patient';
      //- app/uses.ts
      import type { Person, Patient } from '../model/index';

      interface Visitor { name: string; diagnosis?: string }
      type Either = Patient | Visitor;
      type Both = Patient & { ward: string };
      type Short = Pick<Patient, 'name'>;

      /** Each form in a function of its own: reads of one field in one function are one finding. */
      /** @purpose marketing */
      export const generic = <T extends Patient>(t: T) => t.name;
      //                                                    ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const alias = (a: Person) => a.name;
      //                                    ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const union = (b: Either) => b.name;
      //                                    ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const intersection = (c: Both) => [c.diagnosis, c.ward];
      //                                          ^^^^^^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const picked = (d: Short) => d.name;
      //                                    ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const optional = (e: Patient | undefined) => e?.name;
      //                                                     ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const element = (f: Patient[]) => f[0]!.birthDate;
      //                                             ^^^^^^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const literal = (a: Person) => a['diagnosis'];
      //                                      ^^^^^^^^^^^ use-beyond-purpose +fix
    `);
  });

  it('reads destructuring in declarations and parameters, nested and renamed', async () => {
    await check(`${patient}
      //- app/destructure.ts
      import type { Patient } from '../model/patient';

      interface Visit { patient: Patient; room: string }

      /** @purpose marketing */
      export function greet({ name, id }: Patient, visit: Visit) {
        //                    ^^^^ use-beyond-purpose +fix
        const { diagnosis: d, ...others } = visit.patient;
        //      ^^^^^^^^^ use-beyond-purpose +fix
        const { patient: { birthDate } } = visit;
        //                 ^^^^^^^^^ use-beyond-purpose +fix
        return [name, id, d, others, birthDate];
      }
    `);
  });

  it('reads in JSX expressions', async () => {
    await check(`${patient}
      //- app/card.tsx
      import type { Patient } from '../model/patient';

      declare global { namespace JSX { interface IntrinsicElements { [name: string]: unknown } } }

      /** @purpose marketing */
      export function Card({ patient }: { patient: Patient }) {
        return <p title={patient.diagnosis}>{patient.name}</p>;
        //                       ^^^^^^^^^ use-beyond-purpose +fix
        //                                           ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('does not count writes as reads', async () => {
    await check(
      `${patient}
      //- app/writes.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function scrub(p: Patient) {
        p.name = '';
        delete p.phone;
        const fresh: Patient = { id: '1', name: 'n', birthDate: 'b', diagnosis: 'd' };
        p.name += '!';
        //^^^^ use-beyond-purpose +fix
        return fresh;
      }
    `,
      // Writing \`diagnosis\` acquires special care-required data: that rule's own tests say when it is reported.
      { severities: { 'special-care-consent': 'off' } },
    );
  });
});

describe('use-beyond-purpose: contexts', () => {
  it('takes the nearest context: method, class, arrow bound to a name, object method, file', async () => {
    await check(`${patient}
      //- app/contexts.ts
      /** @packageDocumentation
       * @purpose marketing
       */
      import type { Patient } from '../model/patient';

      export const top = (p: Patient) => p.name;
      //                                   ^^^^ use-beyond-purpose +fix

      /** @purpose treatment */
      export const arrow = (p: Patient) => p.diagnosis;

      /** @purpose treatment */
      export class Ward {
        admit(p: Patient) {
          return p.diagnosis;
        }
        /** @purpose marketing */
        promote(p: Patient) {
          return p.name;
          //       ^^^^ use-beyond-purpose +fix
        }
      }

      export const handlers = {
        /** @purpose billing */
        bill(p: Patient) {
          return p.name + p.diagnosis;
        },
        /** @purpose marketing */
        advertise: (p: Patient) => p.birthDate,
        //                           ^^^^^^^^^ use-beyond-purpose +fix
      };
    `);
  });

  it('allows uses under @basis on the function, an enclosing class, or the file', async () => {
    await check(`${patient}
      //- app/basis.ts
      import type { Patient } from '../model/patient';

      /**
       * @purpose statistics
       * @basis statistics aggregate counts for the prefecture
       */
      export function countByDiagnosis(ps: Patient[]) {
        return ps.map((p) => p.diagnosis);
      }

      /** @basis law Infectious Diseases Control Act Art. 12 */
      export class Notifier {
        /** @purpose public-health */
        report(p: Patient) {
          return p.name + p.diagnosis;
        }
      }

      /** @purpose statistics */
      export function noBasis(p: Patient) {
        return p.diagnosis;
        //       ^^^^^^^^^ use-beyond-purpose +fix
      }
      //- app/basis-file.ts
      /**
       * @file research extract
       * @basis academic-research ethics board approval 2026-14
       */
      import type { Patient } from '../model/patient';

      /** @purpose research */
      export const extract = (p: Patient) => p.diagnosis;
    `);
  });

  it('leaves uses of fields with no declared purpose to missing-purpose', async () => {
    await check(`
      export interface Resident {
      //               ^^^^^^^^ missing-purpose +fix
        /** @personal address */ address: string;
      }

      /** @purpose marketing */
      export function mail(r: Resident) {
        return r.address;
      }
    `);
  });

  it('uses a field-level @purpose over the schema one', async () => {
    await check(`${patient}
      //- app/narrow.ts
      import type { Patient } from '../model/patient';

      /** @purpose billing */
      export function call(p: Patient) {
        return p.phone;
        //       ^^^^^ use-beyond-purpose +fix
      }
    `);
  });
});

describe('use-beyond-purpose: escapes', () => {
  it('reports whole schema values passed to standard sinks and packages, naming the fields', async () => {
    await check(`${patient}
      //- app/escapes.ts
      import type { Patient } from '../model/patient';
      import { sendMail } from 'nodemailer';
      import axios from 'axios';

      /** @purpose marketing */
      export async function leak(p: Patient, list: Patient[], maybe: Patient | null, xhr: XMLHttpRequest) {
        console.log(p);
        //          ^ use-beyond-purpose +fix
        //          ^ personal-data-in-log +fix
        const body = JSON.stringify(list);
        //                          ^^^^ use-beyond-purpose +fix
        await fetch('/api', { method: 'POST', body });
        await fetch(p as unknown as RequestInfo);
        //          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
        sendMail(maybe);
        //       ^^^^^ use-beyond-purpose +fix
        await axios.post('/crm', p);
        //                       ^ use-beyond-purpose +fix
        window.postMessage(p, '*');
        //                 ^ use-beyond-purpose +fix
        xhr.send(p as unknown as string);
        //       ^^^^^^^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
        const copy = { ...p, campaign: 'spring' };
        //             ^^^^ use-beyond-purpose +fix
        return copy;
      }
      //- node_modules/nodemailer/index.d.ts
      export declare function sendMail(message: unknown): void;
      //- node_modules/axios/index.d.ts
      declare const axios: { post(url: string, data?: unknown): Promise<unknown> };
      export default axios;
    `);
  });

  it('does not count moves through the standard library, workspace functions, or matching contexts', async () => {
    await check(`${patient}
      //- app/moves.ts
      import type { Patient } from '../model/patient';

      function local(p: Patient) { return p.id; }

      /** @purpose marketing */
      export async function move(p: Patient, list: Patient[]) {
        const all = [...list, p];
        const byId = new Map(list.map((x) => [x.id, x]));
        const set = new Set([p]);
        await Promise.resolve(p);
        local(p);
        console.log(p.id, all.length, byId.size, set.size);
      }

      /** @purpose treatment */
      export function log(p: Patient) {
        console.log(p);
        //          ^ personal-data-in-log +fix
        return { ...p };
      }
    `);
  });

  it('names every field beyond purpose in one finding per escape', async () => {
    const { result } = await analyse(`${patient}
      //- app/one.ts
      import type { Patient } from '../model/patient';

      /** @purpose billing */
      export function dump(p: Patient) {
        console.error(p);
      }
    `);
    const findings = result.findings.filter((finding) => finding.ruleId === 'use-beyond-purpose');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.match(
      finding!.message,
      /^`dump` passes `Patient` values whole to console\.error for `billing`, using `phone` \(personal: contact\) \(declared for `treatment`\): beyond their purposes of use/,
    );
    assert.match(finding!.message, /APPI Art\. 18\(1\)/);
  });
});

describe('use-beyond-purpose: message and related locations', () => {
  it('names the field, its kind, its declared purposes, the context and the provision', async () => {
    const { result } = await analyse(`${patient}
      //- app/m.ts
      import type { Patient } from '../model/patient';
      /** @purpose marketing */
      export const promo = (p: Patient) => p.diagnosis;
    `);
    const [finding] = result.findings;
    assert.equal(
      finding!.message,
      '`Patient.diagnosis` (special care-required: medical-history) is declared for `treatment` and `billing`, but `promo` uses it for `marketing`: ' +
        'beyond its purpose of use (APPI Art. 18(1); for administrative organs Art. 61(2) and 69(1) (formerly Act No. 58 of 2003 Art. 3(2) and 8(1))).',
    );
    assert.deepEqual(
      finding!.related.map((r) => [r.file.replace('/ws/', ''), r.range.start.line, r.message]),
      [
        ['model/patient.ts', 8, '`Patient.diagnosis` is declared for `treatment` and `billing`.'],
        ['app/m.ts', 1, '`promo` serves `marketing`.'],
      ],
    );
  });
});

describe('use-beyond-purpose: fixes', () => {
  const register = `
    //- pi-register.yaml
    organization: Minato Ward Health Centre
    purposes:
      - id: treatment
        description: Treatment
      - id: billing
        description: Billing
        related: [treatment]
      - id: marketing
        description: Marketing
      - id: reminders
        description: Reminders
        related: [treatment]
  `;

  it('declares a related purpose on the schema, saying it is related', async () => {
    await checkFix(
      `
      //- model.ts
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      //- app.ts
      import type { Patient } from './model';
      /** @purpose reminders */
      export const remind = (p: Patient) => p.name;
      ${register}`,
      `
      //- model.ts
      /** @purpose treatment reminders */
      export interface Patient { /** @personal name */ name: string }
      //- app.ts
      import type { Patient } from './model';
      /** @purpose reminders */
      export const remind = (p: Patient) => p.name;
      ${register}`,
      { title: 'Declare purpose `reminders` on `Patient` (related to `treatment`' },
    );
  });

  it('declares an unrelated purpose, saying consent is needed, on the field tag when the field narrows', async () => {
    await checkFix(
      `
      //- model.ts
      /** @purpose treatment billing */
      export interface Patient {
        /** @personal contact @purpose billing */ phone: string;
      }
      //- app.ts
      import type { Patient } from './model';
      /** @purpose marketing */
      export const call = (p: Patient) => p.phone;
      ${register}`,
      `
      //- model.ts
      /** @purpose treatment billing marketing */
      export interface Patient {
        /** @personal contact @purpose billing marketing */ phone: string;
      }
      //- app.ts
      import type { Patient } from './model';
      /** @purpose marketing */
      export const call = (p: Patient) => p.phone;
      ${register}`,
      { title: "Declare purpose `marketing` on `Patient.phone` (not related to its purposes: needs the individual's consent)" },
    );
  });

  it('records a legal basis in a multi-line JSDoc, keeping its layout', async () => {
    await checkFix(
      `
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }

      export class Mailer {
        /**
         * Sends the spring campaign.
         * @purpose marketing
         */
        send(p: Patient) {
          return p.name;
        }
      }
      `,
      `
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }

      export class Mailer {
        /**
         * Sends the spring campaign.
         * @purpose marketing
         * @basis consent
         */
        send(p: Patient) {
          return p.name;
        }
      }
      `,
      { title: 'Record a legal basis on `send`' },
    );
  });

  it('suppresses with a reason placeholder above the use', async () => {
    await checkFix(
      `
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      /** @purpose marketing */
      export function f(p: Patient) {
        return p.name;
      }
      `,
      `
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- reason: 
        return p.name;
      }
      `,
      { title: 'Disable use-beyond-purpose for this line' },
    );
  });
});

describe('use-beyond-purpose: less noise', () => {
  it('reports reads of one field in one function and context once, at the first, with the others related', async () => {
    const { result } = await check(`${patient}
      //- app/letter.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function letter(p: Patient, list: Patient[]) {
        const greeting = 'Dear ' + p.name;
        //                           ^^^^ use-beyond-purpose +fix
        const names = list.map((q) => q.name);
        return greeting + p.name + names.join() + p.diagnosis;
        //                                          ^^^^^^^^^ use-beyond-purpose +fix
      }

      /** @purpose marketing */
      export const other = (p: Patient) => p.name;
      //                                     ^^^^ use-beyond-purpose +fix
    `);
    // `letter`'s finding names its two other reads of `name` (in the callback, and in the return); `other`'s none.
    const again = result.findings
      .filter((finding) => finding.message.startsWith('`Patient.name`'))
      .map((finding) => finding.related.filter((related) => related.message === 'Read again here, for the same purpose.').length);
    assert.deepEqual(again.sort(), [0, 2]);
  });

  it('does not count presence tests as uses', async () => {
    await check(`${patient}
      //- app/tests.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function tests(p: Patient, q?: Patient) {
        if (p.phone) return 1;
        const has = p.phone != null && typeof p.diagnosis === 'string' && !p.birthDate;
        if (q?.phone === undefined) return has ? 2 : 3;
        return p.phone && p.name;
        //                  ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('counts Object.values, Object.entries and for…in as reads of every field, and Object.assign as a spread', async () => {
    await check(`${patient}
      //- app/enumerate.ts
      import type { Patient } from '../model/patient';

      /** @purpose billing */
      export function dump(p: Patient) {
        const values = Object.values(p);
        //             ^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
        const keys: string[] = [];
        for (const key in p) keys.push(key);
      //^^^^^^^^^^^^^^^^^^^^ use-beyond-purpose +fix
        return [values, Object.entries({ id: p.id }), Object.assign({}, p), keys];
        //                                                              ^ use-beyond-purpose +fix
      }
    `);
  });

  it('finds records nested in what a sink receives, once, at the innermost sink; React hooks are not sinks', async () => {
    await check(`${patient}
      //- node_modules/react/index.d.ts
      export declare function useMemo<T>(make: () => T, deps: unknown[]): T;
      //- node_modules/some-sdk/index.d.ts
      export declare function createClient(): { send(value: unknown): void };
      //- app/nested.ts
      import { useMemo } from 'react';
      import { createClient } from 'some-sdk';
      import type { Patient } from '../model/patient';

      const client = createClient();

      /** @purpose billing */
      export async function share(p: Patient) {
        await fetch('/api', { method: 'POST', body: JSON.stringify({ patient: p }) });
        //                                                           ^^^^^^^^^^ use-beyond-purpose +fix
        client.send([p]);
        //          ^^^ use-beyond-purpose +fix
        return useMemo(() => p.id, [p]);
      }
    `);
  });
});

describe('use-beyond-purpose: nested fields', () => {
  it('names a field nested in the schema by its path', async () => {
    const { result } = await check(`
      //- model/resource.ts
      /** @purpose treatment */
      export interface PatientResource {
        id: string;
        person: { /** @personal name */ display: string; contact: { /** @personal contact */ phone: string } };
      }
      //- app/letter.ts
      import type { PatientResource } from '../model/resource';
      /** @purpose marketing */
      export const letter = (p: PatientResource) => [p.person.display, p.person.contact.phone];
      //                                                      ^^^^^^^ use-beyond-purpose +fix
      //                                                                                ^^^^^ use-beyond-purpose +fix
    `);
    const named = result.findings.map((finding) => /^`([^`]+)`/.exec(finding.message)?.[1]).sort();
    assert.deepEqual(named, ['PatientResource.person.contact.phone', 'PatientResource.person.display']);
  });
});
