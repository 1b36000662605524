import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../support/check';

const code = `
  //- model.ts
  /** @purpose treatment */
  export interface Visitor { /** @personal name */ name: string }
`;

describe('register-incomplete', () => {
  it('reports each entry once, naming every missing item, at its name or its first line', async () => {
    const { result } = await check(`${code}
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Visitors
      #         ^^^^^^^^ register-incomplete
          purposes: [treatment]
          recordedMatters: []
          section: "TODO: section in charge"
          recipients: []
        - purposes: [treatment]
      #   ^^^^^^^^^^^^^^^^^^^^^ register-incomplete
          exemption: mailing
    `);
    assert.equal(
      result.findings[0]!.message,
      'The entry `Visitors` does not state `section`, `recordedMatters`, `scope`, `collectionMethod`, `specialCare`, `requestOffice`. ' +
        'Each file is notified with these items (APPI Art. 74(1) (formerly Act No. 58 of 2003 Art. 10(1))).',
    );
    assert.match(result.findings[1]!.message, /^Entry 2 of `files` does not state `name`\./);
  });

  it('reports an unknown exemption, which exempts nothing', async () => {
    const { result } = await check(`${code}
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Visitors
      #         ^^^^^^^^ register-incomplete
          purposes: [treatment]
          exemption: personal
    `);
    assert.match(
      result.findings[0]!.message,
      /its exemption `personal` is not one of `national-security`, .*`fewer-than-threshold` \(APPI Art\. 74\(2\)/,
    );
  });

  it('reports a catalogue purpose without a description, or still described as TODO, at its id', async () => {
    const { result } = await check(`${code}
      //- pi-register.yaml
      organization: Centre
      purposes:
        - id: treatment
          description: Providing medical treatment
        - id: billing
      #       ^^^^^^^ register-incomplete
        - id: reminders
      #       ^^^^^^^^^ register-incomplete
          description: "TODO: what the purpose is, as published"
        - { id: research, description: '' }
      #         ^^^^^^^^ register-incomplete
      files: []
    `);
    assert.equal(
      result.findings[0]!.message,
      'The purpose `billing` has no description: the register publishes each purpose of use in words the individuals can read ' +
        '(APPI Art. 74(1) (formerly Act No. 58 of 2003 Art. 10(1))). Describe it before the register is published.',
    );
    assert.match(result.findings[1]!.message, /^The purpose `reminders` is still described as `TODO`:/);
  });

  it('reports a register without an organization', async () => {
    await check(`${code}
      //- pi-register.yaml
      files: []
      #@0 ^^^^^ register-incomplete
    `);
  });

  it('accepts a complete entry, and an exempt one with only name, purposes and exemption', async () => {
    await check(`${code}
      //- pi-register.yaml
      organization: Centre
      files:
        - name: Visitors
          section: Reception
          purposes: [treatment]
          recordedMatters: [name]
          specialCare: false
          scope: Visitors of the centre
          collectionMethod: Visitor book
          recipients: []
          requestOffice: Reception desk
          exemption: none
        - name: Staff
          purposes: [treatment]
          exemption: personnel
    `);
  });
});
