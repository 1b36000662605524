import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRegister } from 'appi-guard-server/register/parse';
import { analyse, check } from '../support/check';

describe('register: shape', () => {
  it('reports every value of the wrong type at the value, and keeps reading the rest', async () => {
    await check(`
      //- pi-register.yaml
      organization: [Centre]
      #             ^^^^^^^^ register-invalid
      files:
        - name: Patients
          schema: patient.ts
      #           ^^^^^^^^^^ register-invalid
          section: { a: 1 }
      #            ^^^^^^^^ register-invalid
          purposes: treatment
      #             ^^^^^^^^^ register-invalid
          recordedMatters: [name, [nested]]
      #                           ^^^^^^^^ register-invalid
          specialCare: yes
      #                ^^^ register-invalid
          scope: Patients
          collectionMethod: Form
          recipients: none
      #               ^^^^ register-invalid
          requestOffice: Desk
        - just a word
      #   ^^^^^^^^^^^ register-invalid
    `);
  });

  it('follows aliases one step, and reads an entry reached twice once', async () => {
    await check(`
      //- pi-register.yaml
      organization: Centre
      office: &office Information Desk
      #@0 ^^^^^^ register-unknown-key
      files:
        - &staff
          name: Staff
          purposes: [hr]
          exemption: personnel
        - *staff
        - name: Patients
          section: Clinic
          purposes: &purposes [treatment]
          recordedMatters: *purposes
          specialCare: false
          scope: Patients
          collectionMethod: Form
          recipients: []
          requestOffice: *office
    `);
  });

  it('reads the model: entries, their items and the exemption default', () => {
    const register = parseRegister(
      'organization: C\nfiles:\n  - name: A\n    purposes: [x]\n    specialCare: true\n    exemption: mailing\n  - name: B\n',
    );
    assert.equal(register.organization?.value, 'C');
    assert.deepEqual(
      register.files?.map((entry) => [entry.name?.value, entry.exemption, entry.missing]),
      [
        ['A', 'mailing', []],
        [
          'B',
          'none',
          ['section', 'purposes', 'recordedMatters', 'scope', 'collectionMethod', 'specialCare', 'recipients', 'requestOffice'],
        ],
      ],
    );
    assert.equal(register.files?.[0]?.specialCare?.value, true);
  });
});

describe('register: hostile input', () => {
  it('stops at an alias bomb with a finding, at once', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
    const bomb = ['organization: Centre', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...levels, 'files: *l9'].join('\n');
    const start = Date.now();
    const register = parseRegister(bomb);
    assert.ok(Date.now() - start < 500, `took ${Date.now() - start} ms`);
    assert.equal(register.broken, true);
    assert.match(register.problems[0]!.message, /the alias `\*l\d` expands to more than .* nodes/);
  });

  it('reads deep nesting, huge scalars and invalid UTF-8 without throwing', async () => {
    for (const text of [
      '['.repeat(20_000) + ']'.repeat(20_000),
      `organization: ${'x'.repeat(2_000_000)}`,
      `a:\n${'  - '.repeat(3_000)}x`,
    ]) {
      const register = parseRegister(text);
      assert.ok(register.problems.length > 0 || register.organization !== undefined);
    }
    const { result } = await analyse('//- main.ts\nexport {};', {
      raw: { 'pi-register.yaml': Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]) },
    });
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['register-invalid'],
    );
  });

  it('survives seeded random and mutated registers: findings, never a throw or a hang', async () => {
    let seed = 20_260_407;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const base = [
      'organization: Centre',
      'purposes:',
      '  - id: treatment',
      '    related: [billing]',
      'files:',
      '  - &e name: Patients',
      '    schema: src/p.ts#Patient',
      '    purposes: [treatment]',
      '    recordedMatters: [name]',
      '    specialCare: true',
      '    exemption: none',
      '  - *e',
    ];
    const pieces = [
      '[',
      ']',
      '{',
      '}',
      ':',
      '- ',
      '*e',
      '&x ',
      '"',
      "'",
      '#',
      '\n',
      '  ',
      '\t',
      '?',
      '!!str ',
      '%',
      '~',
      'null',
      '123',
      'true',
      '\u0000',
      '\uFFFD',
      '<<: *e',
    ];
    const start = Date.now();
    for (let round = 0; round < 400; round++) {
      const lines = [...base];
      for (let edit = 0; edit < 1 + Math.floor(random() * 6); edit++) {
        const line = Math.floor(random() * lines.length);
        const at = Math.floor(random() * (lines[line]!.length + 1));
        lines[line] = lines[line]!.slice(0, at) + pick(pieces) + lines[line]!.slice(at + (random() < 0.3 ? 1 : 0));
      }
      const text = lines.join('\n');
      const register = parseRegister(text);
      if (round % 25 === 0) {
        // Through the engine too: every rule that reads the register, with a schema to compare against.
        const notices = register.broken
          ? ['pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed']
          : [];
        const { result } = await analyse(
          '//- src/p.ts\n/** @purpose treatment @piFile Patients */\nexport interface Patient { /** @specialCare disability */ name: string }',
          { raw: { 'pi-register.yaml': text }, notices },
        );
        assert.deepEqual(
          result.notices.filter((notice) => notice.message.includes('failed')),
          [],
          text,
        );
      }
      for (const problem of [...register.problems, ...register.unknownKeys]) {
        assert.ok(
          problem.span.start >= 0 && problem.span.end <= text.length && problem.span.start <= problem.span.end,
          `span inside the text: ${JSON.stringify(text)}`,
        );
      }
    }
    assert.ok(Date.now() - start < 10_000, `took ${Date.now() - start} ms`);
  });
});
