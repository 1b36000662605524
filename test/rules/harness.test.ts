/**
 * The fixture harness itself: a fixture that is broken in a way the engine keeps quiet about (a typo in an
 * import, an undefined name, a notice) must fail the case, not pass it as "no findings".
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFindings, load } from '../engine/expect';
import { analyse, check, checkFix } from '../support/check';
import { parseFixture } from '../support/fixture';
import { typeErrors } from '../support/typecheck';

const patient = `
  //- model/patient.ts
  /** @purpose treatment */
  export interface Patient { /** @personal name */ name: string }
`;

describe('harness: TypeScript errors in a fixture', () => {
  it('fails a case whose import names a type that is not there, though the engine finds nothing', async () => {
    const typo = `${patient}
      //- app/campaign.ts
      import type { Pateint } from '../model/patient';
      /** @purpose marketing */
      export const greet = (p: Pateint) => p.name;
    `;
    await assert.rejects(check(typo), /TS2724.*app\/campaign\.ts:1:15/s);
    await assert.rejects(analyse(typo), /TS2724/);
    assert.throws(() => load(typo), /TS2724/);
  });

  it('fails on undefined names, implicit any and syntax errors', async () => {
    await assert.rejects(check('/** @purpose marketing */\nexport const greet = () => patient.name;'), /TS2304/);
    await assert.rejects(check('/** @purpose marketing */\nexport const greet = (p) => p.name;'), /TS7006/);
    await assert.rejects(check('export const x = {', { notices: ['main.ts: has syntax errors: findings may be incomplete'] }), /TS1005/);
  });

  it('passes a case that says which errors it has, and fails it when they are not there', async () => {
    await check('export const x = {', { typeErrors: [1005], notices: ['main.ts: has syntax errors: findings may be incomplete'] });
    await assert.rejects(check('export const x = 1;', { typeErrors: [1005] }), /expected TS1005/);
  });

  it('fails checkFix on a fixture that does not type-check, before looking for the fix', async () => {
    const before = `${patient}
      //- app/campaign.ts
      import type { Patient } from '../model/patient';
      /** @purpose marketing */
      export const greet = (p: Patient) => p.name + missing;
    `;
    await assert.rejects(checkFix(before, before, { title: 'Record a legal basis' }), /TS2304/);
  });

  it("checks each project's files with its own options, and the rest with the inferred project's", () => {
    const files = parseFixture(`
      //- loose/tsconfig.json
      { "compilerOptions": { "strict": false } }
      //- loose/old.ts
      export function greet(p) { return p.name; }
      //- strict.ts
      export function greet(p) { return p.name; }
    `).files;
    assert.deepEqual(
      typeErrors(files).map((error) => [error.file, error.line, error.code]),
      [['strict.ts', 1, 7006]],
    );
  });
});

describe('harness: notices', () => {
  it('fails a case whose analysis gives a notice it does not expect, and passes one that says so', async () => {
    const raw = { 'app/latin1.ts': Buffer.from('// Caf\u00e9\n', 'latin1') };
    await assert.rejects(check(patient, { raw }), /notices the case does not expect/);
    await check(patient, { raw, notices: ['app/latin1.ts: skipped: not UTF-8 or UTF-16 text'] });
  });

  it('fails an engine test whose result has a notice it does not expect', async () => {
    const { workspace } = load(`${patient}
      //- pi-register.yaml
      purposes: [treatment
    `);
    const result = await workspace.analyseWorkspace();
    const expected = `${patient}
      //- pi-register.yaml
      purposes: [treatment
      #                   ^ register-invalid
    `;
    assert.throws(() => assertFindings(workspace, result, expected), /notices the case does not expect/);
    assertFindings(workspace, result, expected, {
      notices: ['pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed'],
    });
  });
});

describe('harness: markers', () => {
  it('fails a marker that names a rule that does not exist', async () => {
    await assert.rejects(
      check(`${patient}
        //- app/campaign.ts
        import type { Patient } from '../model/patient';
        /** @purpose marketing */
        export const greet = (p: Patient) => p.name;
        //                                     ^^^^ use-beyond-purpse +fix
      `),
      /markers name rules that do not exist[\s\S]*use-beyond-purpse/,
    );
  });
});
