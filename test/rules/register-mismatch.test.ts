import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const patient = (purposes: string) => `
  //- src/patient.ts
  /**
   * @purpose ${purposes}
   * @piFile "Patient Registry"
   */
  export interface Patient {
    /** @personal name */ name: string;
    /** @specialCare medical-history */ diagnosis: string;
  }
`;

const head = `
  //- pi-register.yaml
  organization: Centre
  purposes: [{ id: treatment, description: Treatment }, { id: billing, description: Billing }]
  files:
`;

describe('register-mismatch', () => {
  it('reports an entry whose purposes, recorded matters or special care differ, at both ends', async () => {
    const { result } = await check(`
      //- src/patient.ts
      /**
       * @purpose treatment billing
       * @piFile "Patient Registry"
       */
      export interface Patient {
      //               ^^^^^^^ register-mismatch +fix
        /** @personal name */ name: string;
        /** @specialCare medical-history */ diagnosis: string;
      }
      ${head}
        - name: Patient Registry
      #         ^^^^^^^^^^^^^^^^ register-mismatch +fix
          purposes: [treatment]
          recordedMatters: [name]
          specialCare: false
          exemption: experimental
    `);
    const [inCode, inRegister] = result.findings;
    assert.equal(
      inRegister!.message,
      "The register entry `Patient Registry` disagrees with the code: its purposes are `treatment`, `Patient`'s are `treatment`, `billing`; " +
        'its `recordedMatters` leave out `diagnosis`; it says `specialCare: false`, but `Patient` has special care-required fields. ' +
        'The register is corrected as soon as a file changes (APPI Art. 74(1) and 75 with Cabinet Order Art. 20 (formerly Act No. 58 of 2003 Art. 10(1) and 11)).',
    );
    assert.deepEqual(
      inCode!.related.map((r) => [r.file, r.range.start.line]),
      [['/ws/pi-register.yaml', 4]],
    );
    assert.deepEqual(
      inRegister!.related.map((r) => [r.file, r.range.start.line]),
      [['/ws/src/patient.ts', 4]],
    );
  });

  it('compares only what the entry states, and the purposes as sets', async () => {
    await check(`${patient('treatment billing')}${head}
        - name: Patient Registry
          purposes: [billing, treatment]
          exemption: mailing
    `);
  });

  it('names the recorded matters of nested fields by their path', async () => {
    const nested = `
      //- src/referral.ts
      /**
       * @purpose treatment
       * @piFile Referrals
       */
      export interface Referral {
      //               ^^^^^^^^ register-mismatch +fix
        person: { /** @personal name */ display: string };
        /** @specialCare medical-history */ summary: string;
      }
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Referrals
      #         ^^^^^^^^^ register-mismatch +fix
          purposes: [treatment]
          recordedMatters: [display, summary]
          exemption: experimental
    `;
    const { result } = await check(nested);
    assert.match(result.findings[1]!.message, /its `recordedMatters` leave out `person\.display`/);
    await check(nested.replace('[display, summary]', '[person.display, summary]').replace(/^.*register-mismatch \+fix\n/gm, ''));
  });

  it('reports a schema reference that resolves to no schema of the workspace', async () => {
    await check(`
      //- src/patient.ts
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Archive
      #         ^^^^^^^ register-mismatch
          schema: src/archive.ts#Archive
          purposes: [treatment]
          exemption: deleted-within-one-year
    `);
  });

  it('brings an entry in line, changing only the values that differ', async () => {
    const registerWith = (purposes: string, matters: string, care: string) => `${patient('treatment billing')}
      //- pi-register.yaml
      # The register.
      organization: Centre
      common: &common [name]   # shared
      files:
        - name: Patient Registry   # the main file
          purposes: ${purposes}
          recordedMatters: ${matters}
          specialCare: ${care}   # checked by the officer
          exemption: experimental
    `;
    await checkFix(
      registerWith("[treatment, 'marketing']  # two", '*common', 'false'),
      registerWith('[treatment, billing]  # two', '[name, diagnosis]', 'true'),
      { title: 'Bring the register entry `Patient Registry` in line' },
    );
    const block = (purpose: string, matters: string) => `${patient('treatment billing')}
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Patient Registry
          purposes:
            - treatment   # first
            - ${purpose}
          recordedMatters:
            - name${matters}
          specialCare: true
          exemption: experimental
    `;
    await checkFix(block('marketing', ''), block('billing', '\n            - diagnosis'), { title: 'Bring' });
  });

  it('points a schema reference that does not resolve at the schema found by name', async () => {
    const entry = (schema: string) => `${patient('treatment')}${head}
        - name: Patient Registry
          schema: ${schema}
          purposes: [treatment]
          exemption: experimental
    `;
    await checkFix(entry('src/old/patient.ts#Patient'), entry('src/patient.ts#Patient'), { title: 'Bring' });
  });
});
