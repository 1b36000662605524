import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { rules } from 'appi-guard-server/rules/index';
import { docsUrl } from 'appi-guard-server/rules/rule';
import { clinic, runCli, workspace, type CliRun } from '../support/cli';

describe('check: sarif', () => {
  const root = workspace(clinic);
  const file = path.join(root, 'out', 'report.sarif');
  let run: CliRun;
  /** The log as parsed: checked field by field below, so it is not typed. */
  let log: any;

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
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'APPI Guard');
    assert.deepEqual(
      driver.rules.map((rule: { id: string; helpUri: string; defaultConfiguration: { level: string } }) => [rule.id, rule.helpUri, rule.defaultConfiguration.level]),
      rules.map(({ meta }) => [meta.id, docsUrl(meta.id), meta.defaultSeverity === 'info' ? 'note' : meta.defaultSeverity]),
    );
  });

  it('locates results relative to %SRCROOT% with 1-based UTF-16 regions, and keeps suppressed ones, marked', () => {
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(root).href}/`);
    const results = sarifRun.results.map((result: any) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
      return [result.ruleId, result.level, artifactLocation.uriBaseId, artifactLocation.uri, region.startLine, region.startColumn, result.suppressions];
    });
    assert.deepEqual(results, [
      ['use-beyond-purpose', 'error', '%SRCROOT%', 'app/campaign.ts', 6, 32, [{ kind: 'inSource', justification: 'the letter is addressed to the patient' }]],
      ['use-beyond-purpose', 'error', '%SRCROOT%', 'app/campaign.ts', 7, 41, undefined],
      ['missing-purpose', 'warning', '%SRCROOT%', 'app/visitor.ts', 1, 18, undefined],
    ]);
    const notifications = sarifRun.invocations[0].toolExecutionNotifications;
    assert.deepEqual(
      notifications.map((notification: any) => notification.locations[0].physicalLocation.artifactLocation.uri),
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
    assert.ok(caught.some((problem) => problem.includes('JSON1002')), `the missing driver name is caught:\n${caught.join('\n')}`);
    assert.ok(caught.some((problem) => problem.includes('JSON1019')), `the bad level is caught:\n${caught.join('\n')}`);
  });
});

/**
 * Runs `Sarif.Multitool validate` (the native Linux/macOS/Windows build shipped in the npm package; no .NET
 * needed) on the given logs with the SARIF rules and GitHub's (`Gh`), and returns each log's errors.
 * The validator exits 0 whatever it finds, so its own output log is read instead.
 */
async function validate(files: readonly string[]): Promise<Map<string, string[]>> {
  // The package's `bin.js` goes through a shell, which would split `Sarif;Gh`: the binary is run directly.
  const validator = require('@microsoft/sarif-multitool') as string;
  // npm may be set to skip install scripts, and the package's only one makes the binary executable.
  const mode = fs.statSync(validator).mode;
  if (process.platform !== 'win32' && (mode & 0o100) === 0) fs.chmodSync(validator, mode | 0o100);
  const output = path.join(path.dirname(files[0]!), 'validation.sarif');
  const transcript = await new Promise<string>((resolve, reject) => {
    const args = ['validate', ...files, '--rule-kind', 'Sarif;Gh', '--output', output, '--log', 'ForceOverwrite'];
    // ICU is optional for what the validator does; invariant mode spares machines that lack it.
    const env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' };
    execFile(validator, args, { env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout)));
  });
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  assert.equal(report.runs[0].invocations[0].executionSuccessful, true, transcript);
  const problems = new Map<string, string[]>();
  for (const result of report.runs[0].results ?? []) {
    if ((result.level ?? 'warning') !== 'error') continue;
    const location = result.locations[0].physicalLocation;
    const logFile = fs.realpathSync(new URL(location.artifactLocation.uri));
    const line = `${result.ruleId} at ${location.region?.startLine}:${location.region?.startColumn} ${result.message.id}(${(result.message.arguments ?? []).join(', ')})`;
    problems.set(logFile, [...(problems.get(logFile) ?? []), line]);
  }
  // Keyed by the paths as given, so callers look up what they passed.
  return new Map(files.map((file) => [file, problems.get(fs.realpathSync(file)) ?? []]));
}
