/**
 * What a run could not check (README, "What a clean run means"), in each face of the command line: the text summary's paragraph,
 * `json`'s `coverage`, SARIF's run properties and notifications, and `--strict`'s exit status.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { type CliRun, runCli, tidy, workspace } from '../support/cli';
import { validate } from '../support/sarif-validator';

/** A project whose base config is missing, a package that is not installed, and untyped reads of tagged names. */
const loose = {
  'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true }, "include": ["src"] }',
  'src/model.ts': `
    /** @purpose treatment */
    export interface Patient {
      id: string;
      /** @personal name */ name: string;
      /** @specialCare medical-history */ diagnosis: string;
    }
  `,
  'src/intake.ts': `
    import { parse } from 'csv-parse/sync';
    export const names = (text: string) => parse(text).map((row: { id: string }) => row.id + parse(text).name);
  `,
  'src/legacy.ts': `
    export const label = (p: any) => p.name + ' ' + p['diagnosis'];
  `,
};

const paragraph = [
  'Not checked: 5 places (each one in --format json):',
  "  3 reads of a tagged field's name on a value typed `any`, an error type or an unresolved import",
  '  1 import of packages that are not installed: csv-parse',
  '  1 tsconfig.json file whose extends cannot be found',
  'In src/intake.ts (2), src/legacy.ts (2), tsconfig.json (1).',
  '',
].join('\n');

describe('check: what was not checked', () => {
  const root = workspace(loose);
  let text: CliRun;
  let json: CliRun;
  let log: Sarif.Log;
  const sarif = path.join(root, 'report.sarif');

  before(async () => {
    let run: CliRun;
    [text, json, run] = await Promise.all([
      runCli(['check', root]),
      runCli(['check', root, '--format', 'json']),
      runCli(['check', root, '--format', 'sarif', '--output', sarif]),
    ]);
    assert.equal(run.status, 0, run.stderr);
    log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
  });

  it('text: says after the summary what was not checked, by kind, and the files with the most', () => {
    assert.equal(text.stdout, `No findings in 3 files.\n\n${paragraph}`);
    assert.equal(text.status, 0, 'without --strict, only error findings fail a run');
    assert.match(text.stderr, /^appi-guard: note: tsconfig\.json: project configuration: Cannot read file/);
  });

  it('json: every place under coverage, file by file, with the totals by kind', () => {
    const { coverage } = JSON.parse(json.stdout);
    assert.equal(coverage.total, 5);
    assert.deepEqual(coverage.byKind, {
      'untyped-read': 3,
      'unreached-use': 0,
      'missing-package': 1,
      'missing-extends': 1,
      'project-not-loaded': 0,
      'missing-prisma-client': 0,
      'incomplete-analysis': 0,
    });
    assert.deepEqual(
      coverage.files.map((entry: { file: string; count: number; unchecked: { kind: string; line?: number; column?: number }[] }) => [
        entry.file,
        entry.count,
        entry.unchecked.map((item) => `${item.line}:${item.column} ${item.kind}`),
      ]),
      [
        ['src/intake.ts', 2, ['1:23 missing-package', '2:102 untyped-read']],
        ['src/legacy.ts', 2, ['1:36 untyped-read', '1:51 untyped-read']],
        ['tsconfig.json', 1, ['1:14 missing-extends']],
      ],
    );
    const read = coverage.files[1].unchecked[0];
    assert.deepEqual(
      { name: read.name, cause: read.cause, message: read.message },
      {
        name: 'name',
        cause: { type: 'any' },
        message: '`name` is read on a value of type `any`: possibly personal information, not checked',
      },
    );
    assert.equal(coverage.files[0].unchecked[1].cause.module, 'csv-parse/sync');
  });

  it('sarif: the coverage in the run properties, a notification per kind with its places, and a valid log', async () => {
    const run = log.runs[0]!;
    const coverage = run.properties!.coverage as { total: number; files: { file: string; count: number }[] };
    assert.equal(coverage.total, 5);
    assert.deepEqual(coverage.files, [
      { file: 'src/intake.ts', count: 2 },
      { file: 'src/legacy.ts', count: 2 },
      { file: 'tsconfig.json', count: 1 },
    ]);
    const notifications = run.invocations![0]!.toolExecutionNotifications!.filter((n) => n.descriptor?.id?.startsWith('not-checked/'));
    assert.deepEqual(
      notifications.map((n) => [n.descriptor!.id, n.level, n.locations!.length]),
      [
        ['not-checked/untyped-read', 'note', 3],
        ['not-checked/missing-package', 'note', 1],
        ['not-checked/missing-extends', 'note', 1],
      ],
    );
    assert.equal(notifications[1]!.message.text, 'Not checked: 1 import of packages that are not installed: csv-parse.');
    const ids = run.tool.driver.notifications!.map((descriptor) => descriptor.id);
    for (const notification of notifications) assert.equal(ids[notification.descriptor!.index!], notification.descriptor!.id);
    assert.deepEqual((await validate([sarif])).get(sarif) ?? [], []);
  });

  it('--strict exits 1 when anything was not checked; --exit-zero still reports without failing', async () => {
    const [strict, zero] = await Promise.all([runCli(['check', root, '--strict']), runCli(['check', root, '--strict', '--exit-zero'])]);
    assert.equal(strict.status, 1);
    assert.equal(strict.stdout, text.stdout);
    assert.equal(zero.status, 0);
  });

  it('--strict passes a run that checked everything, which prints nothing more than its summary', async () => {
    const run = await runCli(['check', workspace(tidy), '--strict']);
    assert.deepEqual(run, { status: 0, stdout: 'No findings in 2 files.\n', stderr: '' });
  });

  it('counts a file it did not fully analyse (too large, too deeply nested), and --strict fails on it', async () => {
    const root = workspace({
      ...tidy,
      'gen/bundle.ts': `export const data = '${'x'.repeat(17 * 1024 * 1024)}';\n`,
      'gen/deep.ts': `export const deep = ${'['.repeat(6000)}${']'.repeat(6000)};\n`,
    });
    const run = await runCli(['check', root, '--strict']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^ {2}2 files not fully analysed$/m);
    const json = JSON.parse((await runCli(['check', root, '--format', 'json'])).stdout);
    assert.deepEqual(
      json.coverage.files.map((entry: { file: string; unchecked: { kind: string; message: string }[] }) => [
        entry.file,
        entry.unchecked.map((item) => `${item.kind}: ${item.message}`),
      ]),
      [
        ['gen/bundle.ts', ['incomplete-analysis: the file was not fully analysed: larger than 16 MB (17.0 MB)']],
        ['gen/deep.ts', ['incomplete-analysis: the file was not fully analysed: nested too deeply for TypeScript to parse']],
      ],
    );
  });
});
