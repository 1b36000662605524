import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace } from '../support/cli';

const model = {
  'src/patient.ts': `
    /**
     * @purpose treatment billing
     * @piFile "Patient Registry"
     */
    export interface Patient {
      /** @personal name */ name: string;
      /** @specialCare medical-history */ diagnosis: string;
    }
  `,
  'src/staff.ts': `
    import { Entity } from 'typeorm';
    /** @purpose hr */
    @Entity()
    export class Staff { /** @personal name */ name!: string }
  `,
};

describe('register', () => {
  it('fills entries from Zod schemas, Drizzle tables and Prisma models, as from types', async () => {
    const root = workspace({
      'src/intake.ts': `
        import { z } from 'zod';
        /** @purpose treatment @piFile "Intake Forms" */
        export const Intake = z.object({ /** @personal name */ name: z.string() });
      `,
      'src/tables.ts': `
        import { pgTable, text } from 'drizzle-orm/pg-core';
        /** @purpose reminders */
        export const visitors = pgTable('visitors', { /** @personal contact */ phone: text('phone') });
      `,
      'prisma/schema.prisma': `
        /// @purpose billing
        model Invoice {
          id    Int    @id
          /// @personal address
          payer String
        }
      `,
    });
    const run = await runCli(['register', root, '--write']);
    assert.equal(run.status, 0, run.stderr);
    const written = fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8');
    assert.match(
      written,
      /- name: Intake Forms\n {4}schema: src\/intake\.ts#Intake\n(?: {4}.*\n)*? {4}purposes: \[treatment\]\n {4}recordedMatters: \[name\]/,
    );
    assert.match(
      written,
      /- name: visitors\n {4}schema: src\/tables\.ts#visitors\n(?: {4}.*\n)*? {4}purposes: \[reminders\]\n {4}recordedMatters: \[phone\]/,
    );
    assert.match(
      written,
      /- name: Invoice\n {4}schema: prisma\/schema\.prisma#Invoice\n(?: {4}.*\n)*? {4}purposes: \[billing\]\n {4}recordedMatters: \[payer\]/,
    );
  });

  it('creates the register with --write, and a second --write changes nothing', async () => {
    const root = workspace(model);
    const first = await runCli(['register', root, '--write']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /pi-register\.yaml: created with 2 entries/);
    const written = fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8');
    assert.match(written, /- name: Patient Registry\n {4}schema: src\/patient\.ts#Patient/);
    assert.match(written, /- name: Staff\n {4}schema: src\/staff\.ts#Staff/);
    const second = await runCli(['register', root, '--write']);
    assert.equal(second.status, 0);
    assert.match(second.stderr, /is in line with the code/);
    assert.equal(fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8'), written);
  });

  it('prints the implied register, keeping every entry and comment, and writes it idempotently', async () => {
    const register = [
      '# Our register',
      'organization: Centre   # the organ',
      'files:',
      '  # kept although the code does not know it',
      '  - name: Old Archive',
      '    purposes: [treatment]',
      '    exemption: deleted-within-one-year',
      '  - name: Patient Registry',
      '    purposes: [treatment]   # to be widened',
      '    exemption: experimental',
      '',
    ].join('\n');
    const root = workspace({ ...model, 'pi-register.yaml': register });
    const printed = await runCli(['register', root]);
    assert.equal(printed.status, 0, printed.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8'), register, 'printing writes nothing');
    assert.ok(
      printed.stdout.startsWith(register.replace('[treatment]   # to be widened', '[treatment, billing]   # to be widened').trimEnd()),
      printed.stdout,
    );
    assert.match(printed.stdout, /\n {2}- name: Staff\n/);
    const written = await runCli(['register', root, '--write']);
    assert.equal(written.status, 0);
    assert.equal(fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8'), printed.stdout);
    const again = await runCli(['register', root, '--write']);
    assert.match(again.stderr, /is in line with the code/);
    assert.equal(fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8'), printed.stdout);
  });

  it("adds the code's purposes that the catalogue lacks with a TODO description, which check then reports", async () => {
    const register = [
      'organization: Centre',
      'purposes:',
      '  - id: treatment',
      '    description: Providing medical treatment',
      'files: []',
      '',
    ].join('\n');
    const root = workspace({ ...model, 'pi-register.yaml': register });
    const written = await runCli(['register', root, '--write']);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /added the purposes 'billing', 'hr' with a TODO description to describe before publishing/);
    const text = fs.readFileSync(path.join(root, 'pi-register.yaml'), 'utf8');
    assert.ok(
      text.startsWith(
        [
          'organization: Centre',
          'purposes:',
          '  - id: treatment',
          '    description: Providing medical treatment',
          '  - id: billing',
          '    description: "TODO: what the purpose is, as published"',
          '  - id: hr',
          '    description: "TODO: what the purpose is, as published"',
          'files:',
          '',
        ].join('\n'),
      ),
      text,
    );
    const checked = await runCli(['check', root, '--format', 'json', '--exit-zero']);
    const incomplete = JSON.parse(checked.stdout).findings.filter(
      (finding: { ruleId: string; line: number }) => finding.ruleId === 'register-incomplete' && finding.line <= 8,
    );
    assert.deepEqual(
      incomplete.map((finding: { line: number }) => finding.line),
      [5, 7],
    );
    const again = await runCli(['register', root, '--write']);
    assert.match(again.stderr, /is in line with the code/);
  });

  it('keeps the byte-order mark and the encoding of the register it rewrites', async () => {
    const register = 'organization: Centre\nfiles:\n  - name: Patient Registry\n    purposes: [treatment]\n';
    const encodings: [string, Buffer, (bytes: Buffer) => string][] = [
      ['UTF-8 with a mark', Buffer.from([0xef, 0xbb, 0xbf]), (bytes) => bytes.subarray(3).toString('utf8')],
      ['UTF-16LE', Buffer.from([0xff, 0xfe]), (bytes) => bytes.subarray(2).toString('utf16le')],
      ['UTF-16BE', Buffer.from([0xfe, 0xff]), (bytes) => Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')],
    ];
    for (const [name, mark, decode] of encodings) {
      const body =
        name === 'UTF-16BE' ? Buffer.from(register, 'utf16le').swap16() : Buffer.from(register, name === 'UTF-16LE' ? 'utf16le' : 'utf8');
      const root = workspace(model);
      const file = path.join(root, 'pi-register.yaml');
      fs.writeFileSync(file, Buffer.concat([mark, body]));
      const written = await runCli(['register', root, '--write']);
      assert.equal(written.status, 0, `${name}: ${written.stderr}`);
      const bytes = fs.readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, mark.length)], [...mark], `${name}: the mark is kept`);
      const text = decode(bytes);
      assert.ok(text.startsWith('organization: Centre\nfiles:\n  - name: Patient Registry\n'), `${name}: ${text}`);
      assert.match(text, /purposes: \[treatment, billing\]/, name);
      assert.match(text, /- name: Staff\n/, name);
    }
  });

  it('refuses a register with YAML errors, and options that belong to check', async () => {
    const root = workspace({ ...model, 'pi-register.yaml': 'files: [unterminated\n' });
    const broken = await runCli(['register', root, '--write']);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /cannot update register 'pi-register\.yaml'/);
    const usage = await runCli(['register', root, '--format', 'json']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--format belongs to `appi-guard check`/);
  });
});
