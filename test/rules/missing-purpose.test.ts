import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

describe('missing-purpose', () => {
  it('reports schemas whose tagged fields have no declared purpose, at the schema name', async () => {
    await check(`
      export interface Resident {
      //               ^^^^^^^^ missing-purpose +fix
        /** @personal name */ name: string;
        /** @myNumber */ myNumber: string;
      }

      /** @purpose welfare */
      export interface Household {
        /** @personal address */ address: string;
      }

      export type Visit = {
      //          ^^^^^ missing-purpose +fix
        /** @personal name */ visitor: string;
        /** @purpose treatment @specialCare treatment */ note: string;
      };

      export class Applicant {
      //           ^^^^^^^^^ missing-purpose +fix
        /** @age */ age = 0;
      }

      /** @purpose hiring */
      export class Candidate {
        /** @personal name */ name = '';
      }

      /** No tagged field: not a schema, nothing to declare. */
      export interface Settings {
        theme: string;
      }
    `);
  });

  it('finds tagged fields in nested type literals and unions of type literals', async () => {
    await check(`
      export type Contact =
      //          ^^^^^^^ missing-purpose +fix
        | { kind: 'phone'; /** @personal contact */ phone: string }
        | { kind: 'mail'; /** @personal contact */ mail: string };

      /** @purpose treatment */
      export interface Chart {
        owner: {
          /** @personal name */ name: string;
        };
      }
    `);
  });

  it('adds @purpose with a catalogue id', async () => {
    const register = `
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      purposes:
        - id: treatment
          description: Treatment
        - id: billing
          description: Billing
    `;
    await checkFix(
      `
      //- model.ts
      export interface Resident {
        /** @personal name */ name: string;
      }
      ${register}`,
      `
      //- model.ts
      /** @purpose billing */
      export interface Resident {
        /** @personal name */ name: string;
      }
      ${register}`,
      { title: 'Declare purpose `billing` on `Resident`' },
    );
  });

  it('without a catalogue, offers the purposes the code already names, in an existing block', async () => {
    await checkFix(
      `
      /**
       * Residents of the ward.
       */
      export interface Resident {
        /** @personal name */ name: string;
      }

      /** @purpose welfare */
      export function visit(r: Resident) {
        return r.name;
      }
      `,
      `
      /**
       * Residents of the ward.
       * @purpose welfare
       */
      export interface Resident {
        /** @personal name */ name: string;
      }

      /** @purpose welfare */
      export function visit(r: Resident) {
        return r.name;
      }
      `,
      { title: 'Declare purpose `welfare` on `Resident`' },
    );
  });
});
