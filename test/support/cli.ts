/**
 * Running the built CLI the way users do: `node server/bin/appi-guard.js …` in a child process, on
 * workspaces written to a temporary folder. Each run costs about a second (TypeScript's lib is parsed per
 * process), so tests share workspaces and runs where they can.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

export const serverDirectory = path.dirname(require.resolve('appi-guard-server/package.json'));
const bin = path.join(serverDirectory, 'bin', 'appi-guard.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Where the CLI runs; the default is the test process's own directory. */
  readonly cwd?: string;
}

/** Runs the CLI to its end. Stdout and stderr are pipes, so for the CLI stderr is not a terminal. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  // The caller's environment must not turn on stack traces and change what the tests see.
  const { APPI_GUARD_DEBUG: _debug, ...env } = process.env;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd: options.cwd, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** A finding as `appi-guard check --format json` writes it (the fields tests read). */
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

/** What the command line finds in `dir` that an editor shows: its findings less the suppressed ones. */
export async function shownFindings(dir: string): Promise<CliFinding[]> {
  // With hints: the editor shows them (as dots).
  const cli = await runCli(['check', dir, '--format', 'json', '--hints']);
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`appi-guard check failed (exit code ${cli.status}):\n${cli.stderr}`);
  return (JSON.parse(cli.stdout) as { findings: CliFinding[] }).findings.filter((finding) => !finding.suppressed);
}

/**
 * Writes `{ relative path: text }` into a new temporary folder, removed when the test file ends, and returns
 * its path. Texts are dedented, so fixtures can be indented with the test code around them.
 */
export function workspace(files: Readonly<Record<string, string>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-cli-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, dedent(text));
  }
  return root;
}

/** Removes the first line break and the indentation common to every non-blank line. */
export function dedent(text: string): string {
  const body = text.replace(/^\r?\n/, '');
  const indents = body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const common = Math.min(...indents, Infinity);
  return common === Infinity || common === 0
    ? body
    : body
        .split('\n')
        .map((line) => line.slice(Math.min(common, line.length)))
        .join('\n');
}

/**
 * A workspace with one of each kind of output: an error (a special care-required field used for
 * marketing), a warning (a schema with no purpose), a suppressed finding, and a notice (a file with a syntax
 * error, in a folder whose name needs escaping in a URI). Nothing in it involves the register, facial data or
 * Personal Information Files, so rules added later leave its findings as they are.
 */
export const clinic = {
  'model/patient.ts': `
    /** @purpose treatment billing */
    export interface Patient {
      id: string;
      /** @personal name */ name: string;
      /** @specialCare medical-history */ diagnosis: string;
    }
  `,
  'app/campaign.ts': `
    import type { Patient } from '../model/patient';

    /** @purpose marketing */
    export function campaignFor(p: Patient) {
      // appi-guard-disable-next-line use-beyond-purpose -- the letter is addressed to the patient
      const greeting = 'Dear ' + p.name;
      return greeting + ', about your ' + p.diagnosis;
    }
  `,
  'app/visitor.ts': `
    export interface Visitor {
      /** @personal name */ name: string;
    }
  `,
  'odd dir/broken #1.ts': `
    export const unfinished = ;
  `,
} as const;

/** A workspace with a schema and nothing that uses it beyond its purpose. */
export const tidy = {
  'model/patient.ts': clinic['model/patient.ts'],
  'app/chart.ts': `
    import type { Patient } from '../model/patient';

    /** @purpose treatment */
    export function chart(p: Patient) {
      return p.name + ': ' + p.diagnosis;
    }
  `,
} as const;
