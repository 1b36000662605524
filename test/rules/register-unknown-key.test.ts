import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

describe('register-unknown-key', () => {
  it('warns about keys the format does not know, suggesting the closest', async () => {
    await check(`
      //- pi-register.yaml
      organization: Centre
      retention: 5 years
      #@0 ^^^^^^^^^ register-unknown-key
      files:
        - name: Staff
          purposes: [hr]
          exemption: personnel
          recordedMatter: [name]
      #   ^^^^^^^^^^^^^^ register-unknown-key +fix
    `);
  });

  it('renames a misspelt key', async () => {
    await checkFix(
      `
      //- pi-register.yaml
      organization: Centre
      purposes:
        - id: hr
          descripton: Personnel   # kept
      `,
      `
      //- pi-register.yaml
      organization: Centre
      purposes:
        - id: hr
          description: Personnel   # kept
      `,
      { title: 'Rename to `description`' },
    );
  });
});
