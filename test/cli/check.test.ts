import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type CliRun, clinic, runCli, serverDirectory, tidy, workspace } from '../support/cli';

const version = (JSON.parse(fs.readFileSync(path.join(serverDirectory, 'package.json'), 'utf8')) as { version: string }).version;

/** Messages are the rules' to word; these tests pin where findings are and how lines are laid out. */
const withoutMessages = (text: string) => text.replace(/^(\S+:\d+:\d+ \S+ \S+) .+$/gm, '$1 …');

describe('check: text', { concurrency: true }, () => {
  it('says a clean run is clean, and exits 0; DIR defaults to the current directory', async () => {
    const root = workspace(tidy);
    const run = await runCli(['check'], { cwd: root });
    assert.deepEqual(run, { status: 0, stdout: 'No findings in 2 files.\n', stderr: '' });
  });

  it('lists unsuppressed findings a line each, then a summary; notices go to stderr; an error exits 1', async () => {
    const root = workspace(clinic);
    const run = await runCli(['check', root]);
    assert.equal(
      withoutMessages(run.stdout),
      [
        'app/campaign.ts:7:41 error use-beyond-purpose …',
        'app/visitor.ts:1:18 warning missing-purpose …',
        '',
        '1 error, 1 warning in 4 files (1 suppressed)',
        '',
      ].join('\n'),
    );
    assert.match(run.stdout, /^app\/campaign\.ts:7:41 error use-beyond-purpose .*`Patient\.diagnosis`.*APPI Art\. 18\(1\)/m);
    // One note, and no progress line: stderr is a pipe here, not a terminal.
    assert.match(run.stderr, /^appi-guard: note: odd dir\/broken #1\.ts: [^\n]+\n$/);
    assert.doesNotMatch(run.stderr, /Analysing|\r/);
    assert.equal(run.status, 1);
  });
});

describe('check: json', () => {
  it('writes every finding (suppressed included) to --output, with relative paths and 1-based line and column', async () => {
    const root = workspace(clinic);
    const run = await runCli(['check', '--format', 'json', '--output', 'report.json'], { cwd: root });
    assert.deepEqual(run, { status: 1, stdout: '', stderr: '' }, 'the report goes to the file; notices go into it');

    const report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8'));
    assert.deepEqual(Object.keys(report), ['version', 'root', 'files', 'findings', 'notices', 'coverage']);
    assert.equal(report.coverage.total, 0, 'everything was checked');
    assert.equal(report.version, version);
    assert.equal(report.root, path.resolve(root).replace(/\\/g, '/'));
    assert.deepEqual([...report.files].sort(), ['app/campaign.ts', 'app/visitor.ts', 'model/patient.ts', 'odd dir/broken #1.ts']);
    assert.deepEqual(
      report.findings.map(({ ruleId, severity, file, line, column, suppressed }: Record<string, unknown>) => ({
        ruleId,
        severity,
        file,
        line,
        column,
        suppressed,
      })),
      [
        {
          ruleId: 'use-beyond-purpose',
          severity: 'error',
          file: 'app/campaign.ts',
          line: 6,
          column: 32,
          suppressed: { reason: 'the letter is addressed to the patient' },
        },
        { ruleId: 'use-beyond-purpose', severity: 'error', file: 'app/campaign.ts', line: 7, column: 41, suppressed: undefined },
        { ruleId: 'missing-purpose', severity: 'warning', file: 'app/visitor.ts', line: 1, column: 18, suppressed: undefined },
      ],
    );
    const [, diagnosis] = report.findings;
    assert.deepEqual(
      diagnosis.range.start,
      { offset: diagnosis.range.start.offset, line: 6, character: 40 },
      'the engine range stays 0-based',
    );
    assert.ok(
      diagnosis.related.some((related: { file: string }) => related.file === 'model/patient.ts'),
      'related paths are relative too',
    );
    assert.ok(
      report.findings.every((finding: object) => !('data' in finding)),
      'internal fix data is left out',
    );
    assert.deepEqual(
      report.notices.map((notice: { file: string }) => notice.file),
      ['odd dir/broken #1.ts'],
    );
  });
});

describe('check --sinks', () => {
  it('adds packages to a kind of sink, as the editor setting does', async () => {
    const root = workspace({
      'model.ts': '/** @purpose treatment */\nexport interface Patient { /** @personal name */ name: string }\n',
      'node_modules/audit-trail/index.d.ts': 'export declare function record(entry: unknown): void;\n',
      'app.ts':
        "import { record } from 'audit-trail';\nimport type { Patient } from './model';\nexport const keep = (p: Patient) => record(p);\n",
    });
    const plain = await runCli(['check', root, '--format', 'json']);
    const logged = await runCli(['check', root, '--format', 'json', '--sinks', '{"log": ["audit-trail"]}']);
    const rules = (run: CliRun) => (JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
    assert.deepEqual(rules(plain), []);
    assert.deepEqual(rules(logged), ['personal-data-in-log']);
  });
});
