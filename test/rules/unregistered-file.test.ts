import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, applyEdits, check, checkFix, findFix } from '../support/check';
import { dedent } from '../support/fixture';

/** The register's text after the fix: for texts a fixture cannot write, such as a final line break. */
async function fixedRegister(source: string, title: string): Promise<string | undefined> {
  const { workspace, result, fixture } = await analyse(source);
  const files = new Map(fixture.files);
  applyEdits(files, findFix(workspace, result.findings, { title }).edits);
  return files.get('/ws/pi-register.yaml');
}

const patient = `
  //- src/model/patient.ts
  /**
   * @purpose treatment billing
   * @piFile "Patient Registry"
   */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
    /** @specialCare medical-history */ diagnosis: string;
  }
`;

/** TypeORM, installed: the declarations of the decorators the fixtures use, for standard decorators. */
const typeorm = `
  //- node_modules/typeorm/index.d.ts
  export declare function Entity(name?: string): (target: Function, context: ClassDecoratorContext) => void;
  export declare function Column(): (target: undefined, context: ClassFieldDecoratorContext) => void;
`;

const register = (files: string) => `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  purposes:
    - id: treatment
      description: Treatment
    - id: billing
      description: Billing
  files:
${files}
`;

const complete = `
      section: Medical Affairs Division
      purposes: [treatment, billing]
      recordedMatters: [name, diagnosis]
      specialCare: true
      scope: Patients of the centre
      collectionMethod: Intake form
      recipients: []
      requestOffice: Medical Affairs Division`;

describe('unregistered-file', () => {
  it('reports a @piFile schema when there is no register at all', async () => {
    await check(`
      //- src/model/patient.ts
      /**
       * @purpose treatment
       * @piFile "Patient Registry"
       */
      export interface Patient { /** @personal name */ name: string }
      //               ^^^^^^^ unregistered-file +fix
    `);
  });

  it('reports a file the register does not list, by name or by schema', async () => {
    await check(`
      //- src/model/patient.ts
      /** @purpose treatment @piFile "Patient Registry" */
      export interface Patient { /** @personal name */ name: string }
      //               ^^^^^^^ unregistered-file +fix
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Staff Register
      #         ^^^^^^^^^^^^^^ register-mismatch
          schema: src/model/staff.ts#Staff
          purposes: [treatment]
          exemption: personnel
    `);
  });

  it('accepts a file listed by name, or by schema under another name', async () => {
    await check(`${patient}${register(`    - name: Patient Registry${complete}`)}`);
    await check(`${patient}${register(`    - name: Patients (renamed)\n      schema: src/model/patient.ts#Patient${complete}`)}`);
  });

  it('ignores schemas that are not Personal Information Files', async () => {
    await check(`
      //- model.ts
      /** @purpose treatment */
      export interface Visitor { /** @personal name */ name: string }
    `);
  });

  it('says nothing while the register cannot be read', async () => {
    await check(
      `${patient}
      //- pi-register.yaml
      files: [unterminated
      #@20 ^ register-invalid
    `,
      { notices: ['pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed'] },
    );
  });

  it('adds an entry filled from the code to the register, in the layout of the entries there', async () => {
    await checkFix(
      `${patient}${register(`    # the staff
    - name: Staff Register   # personnel
      purposes: [treatment]
      exemption: personnel

    - name: Mailing List
      purposes: [billing]
      exemption: mailing`)}`,
      `${patient}${register(`    # the staff
    - name: Staff Register   # personnel
      purposes: [treatment]
      exemption: personnel

    - name: Mailing List
      purposes: [billing]
      exemption: mailing

    - name: Patient Registry
      schema: src/model/patient.ts#Patient
      section: "TODO: section in charge"
      purposes: [treatment, billing]
      recordedMatters: [name, diagnosis]
      specialCare: true
      scope: "TODO: scope of individuals recorded"
      collectionMethod: "TODO: collection method"
      recipients: ["TODO: routine recipients outside the organ, or an empty list"]
      requestOffice: "TODO: office that accepts requests for disclosure, correction and suspension"`)}`,
      { title: 'Add `Patient Registry` to the register' },
    );
  });

  it('adds the first entry under an empty or missing `files`', async () => {
    const entry = (dash: string, key: string) =>
      [
        `${dash}- name: Patient Registry`,
        `${key}schema: src/model/patient.ts#Patient`,
        `${key}section: "TODO: section in charge"`,
        `${key}purposes: [treatment, billing]`,
        `${key}recordedMatters: [name, diagnosis]`,
        `${key}specialCare: true`,
        `${key}scope: "TODO: scope of individuals recorded"`,
        `${key}collectionMethod: "TODO: collection method"`,
        `${key}recipients: ["TODO: routine recipients outside the organ, or an empty list"]`,
        `${key}requestOffice: "TODO: office that accepts requests for disclosure, correction and suspension"`,
      ].join('\n');
    const head = `${patient}\n//- pi-register.yaml\norganization: Centre # the organ\n`;
    await checkFix(`${head}files: []   # none yet`, `${head}files:   # none yet\n${entry('  ', '    ')}`, { title: 'Add' });
    await checkFix(`${head}files:   # none yet`, `${head}files:   # none yet\n${entry('  ', '    ')}`, { title: 'Add' });
    await checkFix(`${head}files: ~`, `${head}files:\n${entry('  ', '    ')}`, { title: 'Add' });
    const todo = 'description: "TODO: what the purpose is, as published"';
    assert.equal(
      await fixedRegister(`${head}purposes: []   # none yet`, 'Add'),
      `organization: Centre # the organ\npurposes:   # none yet\n  - id: treatment\n    ${todo}\n  - id: billing\n    ${todo}\n` +
        `files:\n${entry('  ', '    ')}\n`,
    );
  });

  it("adds the entry's purposes that the catalogue lacks to it, to be described, in its layout", async () => {
    const staff = `
      //- src/model/staff.ts
      /**
       * @purpose payroll treatment
       * @piFile Staff
       */
      export interface Staff { /** @personal name */ name: string }
      //- pi-register.yaml
    `;
    const head = "organization: Centre\npurposes:\n  - id: treatment\n    description: Treatment   # the clinic's\n\n";
    const before = `${head}  - id: billing\n    description: Billing\nfiles: []\n`;
    const fixed = await fixedRegister(
      `${dedent(staff)}\n${before}`,
      'Add `Staff` to the register pi-register.yaml, and `payroll` to its purposes',
    );
    assert.ok(
      fixed?.startsWith(
        `${head}  - id: billing\n    description: Billing\n\n  - id: payroll\n    description: "TODO: what the purpose is, as published"\nfiles:\n  - name: Staff\n`,
      ),
      fixed,
    );
    // A flow catalogue gets them in flow; none is started where the register has no catalogue.
    const flow = await fixedRegister(
      `${dedent(staff)}\norganization: Centre\npurposes: [{ id: treatment, description: Treatment }]\nfiles: []\n`,
      'Add',
    );
    assert.match(
      flow ?? '',
      /^organization: Centre\npurposes: \[\{ id: treatment, description: Treatment \}, \{ id: payroll, description: "TODO: what the purpose is, as published" \}\]\n/,
    );
    const none = await fixedRegister(`${dedent(staff)}\norganization: Centre\nfiles: []\n`, 'Add `Staff` to the register pi-register.yaml');
    assert.match(none ?? '', /^organization: Centre\nfiles:\n {2}- name: Staff\n/);
  });

  it('creates the register when there is none, with the catalogue and an entry per file', async () => {
    const code = `${patient}${typeorm}
      //- src/model/staff.ts
      import { Entity, Column } from 'typeorm';
      /** @purpose staff-management */
      @Entity()
      export class StaffMember {
        /** @personal name */ @Column() name!: string;
      }
      //- app.ts
      /** @purpose reminders */
      export function remind() {}`;
    const created = `
      # Personal Information File Register (APPI Art. 75; formerly Act No. 58 of 2003 Art. 11).
      # Written by appi-guard from the code: replace every TODO before the register is published.
      organization: "TODO: the administrative organ"
      purposes:
        - id: treatment
          description: "TODO: what the purpose is, as published"
        - id: billing
          description: "TODO: what the purpose is, as published"
        - id: staff-management
          description: "TODO: what the purpose is, as published"
        - id: reminders
          description: "TODO: what the purpose is, as published"
      files:
        - name: Patient Registry
          schema: src/model/patient.ts#Patient
          section: "TODO: section in charge"
          purposes: [treatment, billing]
          recordedMatters: [name, diagnosis]
          specialCare: true
          scope: "TODO: scope of individuals recorded"
          collectionMethod: "TODO: collection method"
          recipients: ["TODO: routine recipients outside the organ, or an empty list"]
          requestOffice: "TODO: office that accepts requests for disclosure, correction and suspension"
        - name: StaffMember
          schema: src/model/staff.ts#StaffMember
          section: "TODO: section in charge"
          purposes: [staff-management]
          recordedMatters: [name]
          specialCare: false
          scope: "TODO: scope of individuals recorded"
          collectionMethod: "TODO: collection method"
          recipients: ["TODO: routine recipients outside the organ, or an empty list"]
          requestOffice: "TODO: office that accepts requests for disclosure, correction and suspension"
    `;
    assert.equal(await fixedRegister(code, 'Create the register pi-register.yaml'), `${dedent(created)}\n`);
  });
});

describe('unregistered-file: entities', () => {
  it('recognises @Entity from typeorm, @mikro-orm/core, or a module named after them, without the dependency installed', async () => {
    await check(
      `
      //- entities.ts
      import { Entity } from 'typeorm';
      import { Entity as MikroEntity } from '@mikro-orm/core';
      import * as orm from 'my-typeorm-helpers';

      /** @purpose treatment */
      @Entity()
      export class Patient { /** @personal name */ name!: string }
      //           ^^^^^^^ unregistered-file +fix

      /** @purpose treatment */
      @MikroEntity()
      export class Visit { /** @personal name */ visitor!: string }
      //           ^^^^^ unregistered-file +fix

      /** @purpose treatment */
      @orm.Entity()
      export class Resident { /** @personal name */ name!: string }
      //           ^^^^^^^^ unregistered-file +fix
    `,
      { typeErrors: [2307] },
    );
  });

  it('ignores entities without tagged fields, and decorators named Entity from elsewhere', async () => {
    await check(`${typeorm}
      //- entities.ts
      import { Entity } from 'typeorm';
      import { Entity as Other } from './decorators';
      /** @purpose treatment */
      @Entity()
      export class Room { number!: string }
      /** @purpose treatment */
      @Other()
      export class Guest { /** @personal name */ name!: string }
      //- decorators.ts
      export const Entity = () => <T>(target: T) => target;
    `);
  });

  it('names an entity by its class, or by @piFile when it has one', async () => {
    await check(`${typeorm}
      //- entities.ts
      import { Entity } from 'typeorm';
      /** @purpose treatment @piFile Patient Registry */
      @Entity()
      export class PatientEntity { /** @personal name */ name!: string }
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Patient Registry
          purposes: [treatment]
          exemption: fewer-than-threshold
    `);
  });
});
