import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { docsUrl } from 'appi-guard-server/engine/rule';
import { rules } from 'appi-guard-server/rules/index';
import type * as Sarif from 'sarif';
import { type CliRun, clinic, runCli, workspace } from '../support/cli';
import { validate } from '../support/sarif-validator';

describe('check: sarif', () => {
  const root = workspace(clinic);
  const file = path.join(root, 'out', 'report.sarif');
  let run: CliRun;
  /** The log as parsed, with SARIF's own types: a missing part fails at its `!`. */
  let log: Sarif.Log;

  before(async () => {
    fs.mkdirSync(path.dirname(file));
    run = await runCli(['check', root, '--format', 'sarif', '--output', file, '--exit-zero']);
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  });

  it('exits 0 with --exit-zero despite an error finding, and writes only the file', () => {
    assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
  });

  it('describes the tool and every rule of the registry', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'APPI Guard');
    assert.deepEqual(
      driver.rules!.map((rule) => [rule.id, rule.helpUri, rule.defaultConfiguration?.level, rule.defaultConfiguration?.enabled ?? true]),
      rules.map(({ meta }) => [
        meta.id,
        docsUrl(meta.id),
        meta.defaultSeverity === 'info' || meta.defaultSeverity === 'hint' || meta.defaultSeverity === 'off'
          ? 'note'
          : meta.defaultSeverity,
        meta.defaultSeverity !== 'off',
      ]),
    );
  });

  it('locates results relative to %SRCROOT% with 1-based UTF-16 regions, and keeps suppressed ones, marked', () => {
    const sarifRun = log.runs[0]!;
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.originalUriBaseIds!['%SRCROOT%']!.uri, `${pathToFileURL(root).href}/`);
    const results = sarifRun.results!.map((result) => {
      const { artifactLocation, region } = result.locations![0]!.physicalLocation!;
      assert.equal(sarifRun.tool.driver.rules![result.ruleIndex!]!.id, result.ruleId, 'ruleIndex points at the rule');
      return [
        result.ruleId,
        result.level,
        artifactLocation!.uriBaseId,
        artifactLocation!.uri,
        region!.startLine,
        region!.startColumn,
        result.suppressions,
      ];
    });
    assert.deepEqual(results, [
      [
        'use-beyond-purpose',
        'error',
        '%SRCROOT%',
        'app/campaign.ts',
        6,
        32,
        [{ kind: 'inSource', justification: 'the letter is addressed to the patient' }],
      ],
      ['use-beyond-purpose', 'error', '%SRCROOT%', 'app/campaign.ts', 7, 41, undefined],
      ['missing-purpose', 'warning', '%SRCROOT%', 'app/visitor.ts', 1, 18, undefined],
    ]);
    const notifications = sarifRun.invocations![0]!.toolExecutionNotifications!;
    assert.deepEqual(
      notifications.map((notification) => notification.locations![0]!.physicalLocation!.artifactLocation!.uri),
      ['odd%20dir/broken%20%231.ts'],
    );
  });

  it("passes Microsoft's SARIF validator, GitHub code scanning's rules included, which rejects a broken copy", async () => {
    const broken = path.join(root, 'out', 'broken.sarif');
    const copy = JSON.parse(JSON.stringify(log));
    delete copy.runs[0].tool.driver.name;
    copy.runs[0].results[0].level = 'fatal';
    fs.writeFileSync(broken, JSON.stringify(copy, null, 2));

    const problems = await validate([file, broken]);
    assert.deepEqual(problems.get(file) ?? [], [], 'our log has no errors');
    const caught = problems.get(broken) ?? [];
    assert.ok(
      caught.some((problem) => problem.includes('JSON1002')),
      `the missing driver name is caught:\n${caught.join('\n')}`,
    );
    assert.ok(
      caught.some((problem) => problem.includes('JSON1019')),
      `the bad level is caught:\n${caught.join('\n')}`,
    );
  });
});

describe('check: sarif code flows', () => {
  it('gives a use reached through calls the way from the call to the use, step by step, and stays valid', async () => {
    const root = workspace({
      'model/patient.ts': clinic['model/patient.ts'],
      'app/format.ts': `
        import type { Patient } from '../model/patient';
        export const initials = (p: Patient) => p.name.slice(0, 1);
        export const greeting = (p: Patient) => 'Dear ' + initials(p);
      `,
      'app/letter.ts': `
        import type { Patient } from '../model/patient';
        import { greeting } from './format';
        /** @purpose marketing */
        export const letter = (p: Patient) => greeting(p);
      `,
    });
    const file = path.join(root, 'report.sarif');
    await runCli(['check', root, '--format', 'sarif', '--output', file, '--exit-zero']);
    const log: Sarif.Log = JSON.parse(fs.readFileSync(file, 'utf8'));
    const [result, ...others] = log.runs[0]!.results!;
    assert.equal(others.length, 0);
    const steps = result!.codeFlows![0]!.threadFlows[0]!.locations.map(({ location }) => {
      const { artifactLocation, region } = location!.physicalLocation!;
      return `${artifactLocation!.uri}:${region!.startLine}:${region!.startColumn} ${location!.message!.text}`;
    });
    assert.deepEqual(steps, [
      'app/letter.ts:4:39 `letter` calls `greeting`',
      'app/format.ts:3:51 `greeting` calls `initials`',
      'app/format.ts:2:43 `initials` uses `Patient.name`',
    ]);
    assert.deepEqual((await validate([file])).get(file) ?? [], []);
  });
});
