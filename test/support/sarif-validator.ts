import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Runs `Sarif.Multitool validate` (the native Linux/macOS/Windows build shipped in the npm package; no .NET
 * needed) on the given logs with the SARIF rules and GitHub's (`Gh`), and returns each log's errors.
 * The validator exits 0 whatever it finds, so its own output log is read instead.
 */
export async function validate(files: readonly string[]): Promise<Map<string, string[]>> {
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
    execFile(validator, args, { env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout),
    );
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
