import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check } from '../support/check';

const code = `
  //- model.ts
  /** @purpose treatment */
  export interface Patient { /** @personal name */ name: string }
`;

/** What a register with YAML errors also gives: a notice that its purpose ids are not checked. */
const yamlErrors = {
  notices: ['pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed'],
};

describe('register-invalid', () => {
  it('reports YAML syntax errors and duplicate keys at the offending node, and checks no ids against it', async () => {
    await check(
      `${code}
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      organization: again
      #@0 ^^^^^^^^^^^^ register-invalid
      purposes:
        - id: billing
          description: Billing
    `,
      yamlErrors,
    );
    await check(
      `${code}
      //- pi-register.yaml
      organization: "unterminated
      purposes: []
      #           ^ register-invalid
    `,
      yamlErrors,
    );
  });

  it('reports a register of the wrong shape, and purposes without an id, keeping the rest', async () => {
    await check(`${code}
      //- pi-register.yaml
      - organization: Minato Ward Health Centre
      #@0 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ register-invalid
    `);
    await check(`${code}
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      purposes: treatment
      #         ^^^^^^^^^ register-invalid
    `);
    await check(`
      //- model.ts
      /** @purpose treatment billing */
      //                     ^^^^^^^ unknown-purpose
      export interface Patient { /** @personal name */ name: string }
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      purposes:
        - id: treatment
          description: Treatment
        - description: Claims to insurers
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ register-invalid
    `);
  });

  it('says that purpose ids are not checked while the register is broken', async () => {
    const { result } = await analyse(
      `${code}
      //- pi-register.yaml
      purposes: [treatment
    `,
      yamlErrors,
    );
    assert.deepEqual(
      result.notices.map((n) => n.message),
      ['the register has YAML errors: purpose ids are not checked against it until they are fixed'],
    );
  });
});
