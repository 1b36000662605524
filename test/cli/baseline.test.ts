/**
 * `appi-guard baseline` and `check --baseline`: today's findings frozen, only new ones reported (and
 * failing the run), baseline entries that no longer match listed as stale, in text, JSON and SARIF.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { runCli, workspace } from '../support/cli';
import { validate } from '../support/sarif-validator';

const files = {
  'tsconfig.json': '{ "include": ["**/*.ts"] }',
  'model.ts': `
    /** @purpose treatment */
    export interface Patient {
      id: string;
      /** @personal name */ name: string;
      /** @specialCare medical-history */ diagnosis: string;
    }
  `,
  'letters.ts': `
    import type { Patient } from './model';
    /** @purpose marketing */
    export function invite(p: Patient) {
      return 'Dear ' + p.name;
    }
    /** @purpose marketing */
    export function remind(p: Patient) {
      return 'About ' + p.diagnosis;
    }
  `,
};

function edit(root: string, file: string, change: (text: string) => string): void {
  const target = path.join(root, file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
}

describe('baseline', () => {
  it("writes today's findings, after which check reports only new ones and lists the stale", async () => {
    const root = workspace(files);
    const written = await runCli(['baseline', root]);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /wrote 2 findings to .*appi-guard-baseline\.json/);
    const baselineFile = path.join(root, 'appi-guard-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
    assert.equal(baseline.format, 'appi-guard-baseline');
    assert.deepEqual(
      baseline.findings
        .map((entry: { ruleId: string; file: string; where: string }) => `${entry.ruleId} ${entry.file} ${entry.where}`)
        .sort(),
      ['use-beyond-purpose letters.ts invite', 'use-beyond-purpose letters.ts remind'],
    );

    const clean = await runCli(['check', root, '--baseline', baselineFile]);
    assert.equal(clean.status, 0, 'the baselined errors do not fail the run');
    assert.equal(clean.stdout, 'No new findings in 2 files (2 in the baseline).\n');

    // Lines above and a renamed function keep the fingerprints; a new read is a new finding; one fixed is stale.
    edit(root, 'letters.ts', (text) =>
      `// Letters.\n\n${text}`
        .replace("return 'About ' + p.diagnosis;", "return 'About your visit';")
        .replace(
          "return 'Dear ' + p.name;",
          "return 'Dear ' + p.name + ' ' + p.id;\n}\n/** @purpose marketing */\nexport function thank(p: Patient) {\n  return p.diagnosis;",
        ),
    );
    const after = await runCli(['check', root, '--baseline', baselineFile]);
    assert.equal(after.status, 1, after.stdout);
    const lines = after.stdout.split('\n');
    assert.equal(lines.filter((line) => / error use-beyond-purpose /.test(line)).length, 1, after.stdout);
    assert.match(lines[0]!, /^letters\.ts:\d+:\d+ error use-beyond-purpose `Patient\.diagnosis`/);
    assert.match(after.stdout, /1 error, 0 warnings in 2 files \(1 in the baseline\)/);
    assert.match(
      after.stdout,
      /Stale in the baseline appi-guard-baseline\.json: 1 entry that no finding matches any more \(regenerate it with appi-guard baseline\):\n {2}letters\.ts use-beyond-purpose in remind: /,
    );

    const json = JSON.parse((await runCli(['check', root, '--baseline', baselineFile, '--format', 'json'])).stdout);
    assert.deepEqual(
      json.findings.map((finding: { baselineState: string }) => finding.baselineState),
      ['unchanged', 'new'],
    );
    assert.ok(json.findings.every((finding: { fingerprint: string }) => /^[0-9a-f]{32}:1$/.test(finding.fingerprint)));
    assert.equal(json.baseline.unchanged, 1);
    assert.deepEqual(
      json.baseline.stale.map((entry: { where: string }) => entry.where),
      ['remind'],
    );
  });

  it('gives SARIF partialFingerprints, baselineState and absent results, which the SARIF validator accepts', async () => {
    const root = workspace(files);
    await runCli(['baseline', root, '--output', path.join(root, 'accepted.json')]);
    edit(root, 'letters.ts', (text) => text.replace("return 'About ' + p.diagnosis;", "return 'About ' + p.id;"));
    edit(root, 'model.ts', (text) => text.replace('id: string;', 'id: string;\n  /** @personal contact */ email: string;'));
    edit(root, 'letters.ts', (text) => text.replace("return 'Dear ' + p.name;", "return 'Dear ' + p.name + p.email;"));
    const output = path.join(root, 'report.sarif');
    const run = await runCli(['check', root, '--baseline', path.join(root, 'accepted.json'), '--format', 'sarif', '--output', output]);
    assert.equal(run.status, 1, run.stderr);
    const log: Sarif.Log = JSON.parse(fs.readFileSync(output, 'utf8'));
    const results = log.runs[0]!.results!;
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.baselineState, result.locations![0]!.physicalLocation!.region?.startLine]),
      [
        ['use-beyond-purpose', 'unchanged', 4],
        ['use-beyond-purpose', 'new', 4],
        ['use-beyond-purpose', 'absent', undefined],
      ],
    );
    assert.ok(results.every((result) => /^[0-9a-f]{32}:1$/.test(result.partialFingerprints!['appiGuardFingerprint/v1']!)));
    assert.deepEqual((await validate([output])).get(output) ?? [], []);
  });

  it('reads a baseline that an editor saved as UTF-16', async () => {
    const root = workspace(files);
    const file = path.join(root, 'appi-guard-baseline.json');
    await runCli(['baseline', root]);
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(file, 'utf8'), 'utf16le')]));
    const run = await runCli(['check', root, '--baseline', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\(2 in the baseline\)/);
  });

  it('refuses a file that is not a baseline, in one line, before analysing anything', async () => {
    const root = workspace({ ...files, 'wrong.json': '{ "findings": [] }', 'broken.json': '{' });
    for (const [file, reason] of [
      ['wrong.json', 'not a baseline written by `appi-guard baseline`'],
      ['broken.json', 'not JSON'],
      ['missing.json', 'no such file or directory'],
    ] as const) {
      const run = await runCli(['check', root, '--baseline', path.join(root, file)]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, new RegExp(`^appi-guard: cannot read baseline '.*${file}': ${reason.replace(/[()`]/g, '.')}`));
    }
  });
});
