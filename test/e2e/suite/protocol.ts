/**
 * What the runner (../vscode.test.ts, in Node) and the suite (in VS Code's extension host) pass each other.
 * Plain data and names only: the runner compiles without the `vscode` module, so nothing here imports it.
 */

/**
 * The server's environment, which the extension host inherits, names the suite's inputs: a JSON file
 * holding a `SuiteInput`.
 */
export const inputVariable = 'APPI_GUARD_E2E_INPUT';

export interface SuiteInput {
  /** The workspace folder the workbench opened: a scratch copy of `samples/clinic` the tests may edit. */
  readonly folder: string;
  /** The command line's unsuppressed findings in that folder, which the editor must show as they are. */
  readonly expected: readonly ExpectedFinding[];
}

export interface ExpectedFinding {
  /** Relative to the folder, with `/`. */
  readonly file: string;
  readonly rule: string;
  /** Zero-based, like LSP and `vscode.Position`. */
  readonly line: number;
  readonly character: number;
}

/**
 * The suite's reporter prefixes its lines with this: the workbench logs the extension host's console
 * exactly as it logs its own chatter, and the runner forwards only the suite's lines while it runs.
 */
export const reportMarker = '[appi-guard e2e] ';

/** `file:line:character rule`, zero-based, so the two lists compare (and read) as sorted text. */
export function findingKey(finding: ExpectedFinding): string {
  return `${finding.file}:${finding.line}:${finding.character} ${finding.rule}`;
}
