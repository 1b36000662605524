/**
 * `appi-guard suggest`: the fields whose names look personal, per type, with the tag that fits; `--write`
 * tags them, keeping everything else, and a second run changes nothing. On the sample clinic it proposes
 * the untagged forms' fields and nothing already tagged or plainly not personal.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace } from '../support/cli';

const repository = path.resolve(__dirname, '../../..');

describe('suggest', () => {
  it('lists the suggestions per type, tags them with --write, and a second --write changes nothing', async () => {
    const root = workspace({
      'tsconfig.json': '{ "include": ["**/*.ts"] }',
      'model.ts': `
        /** @purpose treatment */
        export interface Patient {
          id: string;
          /** @personal name */ name: string;
          /** Where the letters go. */
          homeAddress: string;
          '生年月日': string;
          /** @notPersonal the ward's shared inbox */ email: string;
        }
        export interface Product { name: string; price: number }
      `,
    });
    const listed = await runCli(['suggest', root]);
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(
      listed.stdout,
      [
        'model.ts',
        '  Patient',
        `    ${'homeAddress:6'.padEnd(28)} @personal address`,
        `    ${'生年月日:7'.padEnd(28)} @birthDate`,
        '',
        '2 fields in 1 type look like personal information.',
        'Review them, then tag them with `appi-guard suggest --write` (or mark a field `@notPersonal`).',
        '',
      ].join('\n'),
    );
    const written = await runCli(['suggest', root, '--write']);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /tagged 2 fields in 1 file/);
    const text = fs.readFileSync(path.join(root, 'model.ts'), 'utf8');
    assert.match(text, /\/\*\* Where the letters go\. @personal address \*\/\n\s+homeAddress: string;/);
    assert.match(text, /\/\*\* @birthDate \*\/\n\s+'生年月日': string;/);
    const again = await runCli(['suggest', root, '--write']);
    assert.equal(again.stdout, 'No untagged field looks like personal information.\n');
    assert.equal(fs.readFileSync(path.join(root, 'model.ts'), 'utf8'), text);
  });

  it('proposes on the sample clinic only the untagged fields of the forms its code handles', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-suggest-'));
    try {
      fs.cpSync(path.join(repository, 'samples/clinic'), copy, { recursive: true });
      const run = await runCli(['suggest', copy]);
      const proposed = run.stdout
        .split('\n')
        .filter((line) => line.startsWith('    '))
        .map((line) => line.trim().replace(/:\d+\s+/, ' '));
      assert.deepEqual(proposed, [
        'name @personal name',
        'nameKana @personal name',
        'birthDate @birthDate',
        'address @personal address',
        'phone @personal contact',
        'email @personal contact',
        'name @personal name',
        'birthDate @birthDate',
        'phone @personal contact',
        'myNumber @myNumber',
        'childName @personal name',
        'birthDate @birthDate',
        'guardianName @personal name',
        'guardianPhone @personal contact',
        'name @personal name',
        'birthDate @birthDate',
        'guardianName @personal name',
        'guardianTel @personal contact',
      ]);
      assert.deepEqual(
        run.stdout.split('\n').filter((line) => /^ {2}\S/.test(line)),
        ['  IntakeForm', '  StarterSheet', '  EnrolmentForm', '  LegacyChildRow'],
      );
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
