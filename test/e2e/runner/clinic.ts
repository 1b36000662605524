/**
 * A scratch copy of `samples/clinic` for one run (the quick fix edits it; the repository's sample stays as
 * it is), and what the command line finds there: the editor must show the same.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/cli';
import { inputVariable, type ExpectedFinding, type SuiteInput } from '../suite/protocol';
import { repositoryRoot } from './install';

export interface ClinicRun {
  /** The run's own folder: the workspace, the suite's input, and the server's and browser's state. */
  readonly scratch: string;
  /** The workspace folder, `<scratch>/clinic`. */
  readonly folder: string;
  /** The command line's unsuppressed findings, as the editor should show them. */
  readonly findings: readonly CliFinding[];
  /** For the server's environment: tells the suite where its input is. */
  readonly env: Readonly<Record<string, string>>;
  dispose(): void;
}

/** A finding as `appi-guard check --format json` writes it (the fields used here). */
export interface CliFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly file: string;
  /** 1-based, as editors show them. */
  readonly line: number;
  readonly column: number;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
  readonly message: string;
  readonly suppressed?: unknown;
}

export async function prepareClinic(): Promise<ClinicRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-e2e-'));
  const folder = path.join(scratch, 'clinic');
  fs.cpSync(path.join(repositoryRoot, 'samples', 'clinic'), folder, { recursive: true });

  const cli = await runCli(['check', folder, '--format', 'json']);
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`appi-guard check failed (exit code ${cli.status}):\n${cli.stderr}`);
  const all = (JSON.parse(cli.stdout) as { findings: CliFinding[] }).findings;
  // Suppressed findings stay in the CLI's JSON, for reports; the editor does not show them.
  const findings = all.filter((finding) => !finding.suppressed);

  const input: SuiteInput = { folder, expected: findings.map(expectedOf) };
  const inputFile = path.join(scratch, 'suite-input.json');
  fs.writeFileSync(inputFile, JSON.stringify(input, null, 2));
  return {
    scratch,
    folder,
    findings,
    env: { [inputVariable]: inputFile },
    dispose: () => fs.rmSync(scratch, { recursive: true, force: true }),
  };
}

function expectedOf(finding: CliFinding): ExpectedFinding {
  return { file: finding.file, rule: finding.ruleId, line: finding.range.start.line, character: finding.range.start.character };
}
