/**
 * A scratch copy of `samples/clinic` for one run (the quick fix edits it; the repository's sample stays as
 * it is), and what the command line finds there: the editor must show the same.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliFinding, shownFindings } from '../../support/cli';
import { type ExpectedFinding, inputVariable, type SuiteInput } from '../suite/protocol';
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

export async function prepareClinic(): Promise<ClinicRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-e2e-'));
  const folder = path.join(scratch, 'clinic');
  fs.cpSync(path.join(repositoryRoot, 'samples', 'clinic'), folder, { recursive: true });

  const findings = await shownFindings(folder);

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
