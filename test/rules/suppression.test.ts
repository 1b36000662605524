import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, check, checkFix } from '../support/check';

const schema = `
  /** @purpose treatment */
  export interface Patient { /** @personal name */ name: string; /** @specialCare treatment */ plan: string }
`;

describe('suppression', () => {
  it('suppresses the named rule on the next line, and keeps the finding visible as suppressed', async () => {
    await check(`${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- the newsletter opt-in covers names (consent form 12)
        const a = p.name;
        //          ^^^^ use-beyond-purpose +fix (suppressed)
        const b = p.plan;
        //          ^^^^ use-beyond-purpose +fix
        return a + b;
      }
    `);
  });

  it('reports a suppression without a reason, and still suppresses', async () => {
    await check(`${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose
     // ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ suppression +fix
        return p.name;
        //       ^^^^ use-beyond-purpose +fix (suppressed)
      }
    `);
  });

  it('reports a suppression that suppresses nothing, and unknown rule ids', async () => {
    await check(`${schema}
      /** @purpose treatment */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- kept from an old campaign
     // ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ suppression +fix
        const a = p.name;
        // appi-guard-disable-next-line use-beyond-purpos -- typo
        //                              ^^^^^^^^^^^^^^^^^ suppression +fix
        const b = p.plan;
        // appi-guard-disable-next-line -- no rule
     // ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ suppression
        return a + b;
      }
    `);
  });

  it('takes several rules, and ignores look-alikes in strings and templates', async () => {
    await check(`${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose, missing-purpose -- both reviewed
        const a = p.name + p.plan;
        //          ^^^^ use-beyond-purpose +fix (suppressed)
        //                   ^^^^ use-beyond-purpose +fix (suppressed)
        return a;
      }

      /** @purpose marketing */
      export function g(p: Patient) {
        const s = '// appi-guard-disable-next-line use-beyond-purpose -- not a comment';
        const t = \`x \${s}
      // appi-guard-disable-next-line use-beyond-purpose -- not a comment either\`;
        return s + t + p.name;
        //               ^^^^ use-beyond-purpose +fix
      }
    `);
  });

  it('suppresses a group of reads with its first', async () => {
    await check(`${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- the letter's greeting, reviewed
        const greeting = p.name;
        //                 ^^^^ use-beyond-purpose +fix (suppressed)
        return greeting + p.name;
      }
    `);
  });

  it('removes an unused suppression with its line', async () => {
    await checkFix(
      `${schema}
      /** @purpose treatment */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- stale
        return p.name;
      }
      `,
      `${schema}
      /** @purpose treatment */
      export function f(p: Patient) {
        return p.name;
      }
      `,
      { title: 'Remove the unused suppression' },
    );
  });

  it('adds a reason placeholder, after a bare `--` too', async () => {
    for (const ending of ['', ' --  ']) {
      await checkFix(
        `${schema}
        /** @purpose marketing */
        export function f(p: Patient) {
          // appi-guard-disable-next-line use-beyond-purpose${ending}
          return p.name;
        }
        `,
        `${schema}
        /** @purpose marketing */
        export function f(p: Patient) {
          // appi-guard-disable-next-line use-beyond-purpose -- reason: ${ending ? '  ' : ''}
          return p.name;
        }
        `,
        { title: 'Add a reason' },
      );
    }
  });

  it('replaces an unknown rule id with the closest one', async () => {
    await checkFix(
      `${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpos -- reviewed
        return p.name;
      }
      `,
      `${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- reviewed
        return p.name;
      }
      `,
      { title: 'Replace with `use-beyond-purpose`' },
    );
  });

  it('hides nothing from json: the suppressed finding keeps its reason', async () => {
    const { result } = await analyse(`${schema}
      /** @purpose marketing */
      export function f(p: Patient) {
        // appi-guard-disable-next-line use-beyond-purpose -- consent form 12
        return p.name;
      }
    `);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.suppressed]),
      [['use-beyond-purpose', { reason: 'consent form 12' }]],
    );
  });
});
