import { parseArgs } from 'node:util';
import { readSinkSettings, type SinkSettings } from '../engine/queries/sinks';
import { type Format, isFormat, reporters } from '../reporters';

/** What the command line asks for, before anything is touched on disk. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'lsp' }
  | CheckCommand
  | RegisterCommand
  | SuggestCommand
  | BaselineCommand;

export interface CheckCommand {
  readonly kind: 'check';
  /** Paths as given, relative to the current directory; `dir` is `.` when not given. */
  readonly dir: string;
  readonly format: Format;
  readonly register?: string;
  readonly output?: string;
  readonly exitZero: boolean;
  /** Exit 1 also when anything was not checked (README, "What a clean run means"). */
  readonly strict: boolean;
  /** Print the time of each phase of the analysis on stderr. */
  readonly timings: boolean;
  /** Packages added to kinds of sink, as the editor's `appiGuard.sinks` setting says them. */
  readonly sinks: SinkSettings;
  /** Report hint-severity findings (`possibly-personal`) too; without it they are not even computed. */
  readonly hints: boolean;
  /** A baseline file: only findings not in it are reported, and its entries that no longer match are listed. */
  readonly baseline?: string;
}

/** `suggest`: the fields whose names look personal, per schema; `--write` tags them. */
export interface SuggestCommand {
  readonly kind: 'suggest';
  readonly dir: string;
  readonly write: boolean;
}

/** `baseline`: today's findings' fingerprints, written to a file that `check --baseline` reads. */
export interface BaselineCommand {
  readonly kind: 'baseline';
  readonly dir: string;
  readonly register?: string;
  readonly output?: string;
  readonly sinks: SinkSettings;
}

/** `register`: the register the code implies, printed, or written with `--write`. */
export interface RegisterCommand {
  readonly kind: 'register';
  readonly dir: string;
  readonly register?: string;
  readonly write: boolean;
}

/** Arguments that do not make a command: the message is the one line the user sees. */
export class UsageError extends Error {}

export const usage = `Usage: appi-guard check [DIR] [options]
       appi-guard register [DIR] [--register FILE] [--write]
       appi-guard suggest [DIR] [--write]
       appi-guard baseline [DIR] [--register FILE] [--output FILE]
       appi-guard lsp [--stdio]
       appi-guard help | --help | --version

Checks the TypeScript in DIR (default: the current directory) against Japan's Act on the
Protection of Personal Information: personal information used beyond its declared purpose,
children's facial data collected without a parental-consent check, and Personal Information
Files missing from the register.

register prints the register the code implies: the current one with an entry added for
every Personal Information File it lacks and entries brought in line with the code (or a
new one, with TODO placeholders for what the code cannot know). Nothing is removed, and
comments and layout are kept. --write updates (or creates) the file instead.

suggest lists the untagged fields whose names look like personal information (names, birth
dates, addresses, contacts, identifiers, health data, faces; in English and Japanese), type
by type, with the tag that fits each. --write adds those tags; a second run changes nothing.

baseline writes the fingerprints of today's findings (default DIR/appi-guard-baseline.json);
check --baseline FILE then reports only the findings not in it, and lists its entries that
no finding matches any more. Fingerprints do not depend on line numbers.

lsp starts the language server on standard input and output, for editors other than
VS Code (which starts it itself).

Options:
  -f, --format FORMAT   ${Object.keys(reporters).join(', ')} (default: text)
      --register FILE   the Personal Information File Register (default: DIR/pi-register.yaml)
  -o, --output FILE     write the report to FILE instead of standard output
      --strict          exit with 1 also when anything was not checked (see below)
      --exit-zero       exit with 0 even when there are error findings (or, with --strict,
                        places not checked)
      --timings         print the time of each phase and rule on stderr
      --sinks JSON      packages to add to a kind of sink, as the editor's appiGuard.sinks setting:
                        '{"log": ["my-logger"], "inProcess": ["my-utils"]}'
      --hints           also report hints (possibly-personal: fields that look personal but
                        carry no tag); without it they are not computed
      --baseline FILE   report only findings not in FILE (written by appi-guard baseline);
                        the exit status counts only those
      --write           register: write the register instead of printing it; suggest: add the tags
      --stdio           lsp: talk over standard input and output (the default)
  -h, --help            show this help
  -v, --version         show the version

After the summary, check says what it could not check: reads of tagged fields' names on
values typed any (or an error type, or an unresolved import), imports of packages that are
not installed, tsconfig.json files whose extends cannot be found, projects that failed to
load. --format json lists each place under "coverage".

Exit status: 0 no error findings, 1 error findings (with --strict, or anything not
checked), 2 could not run.
`;

const options = {
  format: { type: 'string', short: 'f' },
  register: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'exit-zero': { type: 'boolean' },
  strict: { type: 'boolean' },
  timings: { type: 'boolean' },
  sinks: { type: 'string' },
  hints: { type: 'boolean' },
  baseline: { type: 'string' },
  write: { type: 'boolean' },
  stdio: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === 'help') return { kind: 'help' };
  if (command === undefined) throw new UsageError('no command given: to check the current directory, run `appi-guard check`');
  if (command === 'register') return registerCommand(values, rest);
  if (command === 'lsp') return lspCommand(values, rest);
  if (command === 'suggest') return suggestCommand(values, rest);
  if (command === 'baseline') return baselineCommand(values, rest);
  if (values.stdio) throw new UsageError('--stdio belongs to `appi-guard lsp`');
  if (command !== 'check') throw new UsageError(`unknown command '${command}': to check a directory, run \`appi-guard check ${command}\``);
  if (values.write) throw new UsageError('--write belongs to `appi-guard register` and `appi-guard suggest`; check only reports');
  const dir = oneDirectory('check', rest);
  const format = values.format ?? 'text';
  if (!isFormat(format)) throw new UsageError(`unknown format '${format}': use one of ${Object.keys(reporters).join(', ')}`);
  return {
    kind: 'check',
    dir,
    format,
    ...(values.register !== undefined && { register: nonEmpty(values.register, '--register') }),
    ...(values.output !== undefined && { output: nonEmpty(values.output, '--output') }),
    exitZero: values['exit-zero'] ?? false,
    strict: values.strict ?? false,
    timings: values.timings ?? false,
    sinks: values.sinks === undefined ? {} : sinksOf(values.sinks),
    hints: values.hints ?? false,
    ...(values.baseline !== undefined && { baseline: nonEmpty(values.baseline, '--baseline') }),
  };
}

function suggestCommand(values: ReturnType<typeof parse>['values'], rest: readonly string[]): SuggestCommand {
  const dir = oneDirectory('suggest', rest);
  for (const option of ['format', 'output', 'exit-zero', 'strict', 'timings', 'sinks', 'register', 'hints', 'baseline'] as const) {
    if (values[option] !== undefined)
      throw new UsageError(`--${option} belongs to \`appi-guard check\`; suggest prints its suggestions, or writes the tags with --write`);
  }
  return { kind: 'suggest', dir, write: values.write ?? false };
}

function baselineCommand(values: ReturnType<typeof parse>['values'], rest: readonly string[]): BaselineCommand {
  const dir = oneDirectory('baseline', rest);
  for (const option of ['format', 'exit-zero', 'strict', 'timings', 'write', 'hints', 'baseline'] as const) {
    if (values[option] !== undefined)
      throw new UsageError(`--${option} does not apply to \`appi-guard baseline\`, which writes a file of fingerprints`);
  }
  return {
    kind: 'baseline',
    dir,
    sinks: values.sinks === undefined ? {} : sinksOf(values.sinks),
    ...(values.register !== undefined && { register: nonEmpty(values.register, '--register') }),
    ...(values.output !== undefined && { output: nonEmpty(values.output, '--output') }),
  };
}

function oneDirectory(command: string, rest: readonly string[]): string {
  if (rest.length > 1)
    throw new UsageError(`${command} takes one directory, got ${rest.length}: ${rest.map((arg) => `'${arg}'`).join(', ')}`);
  return rest[0] || '.';
}

/** `--sinks`: the setting's JSON, every problem with it a usage error. */
function sinksOf(text: string): SinkSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`--sinks takes JSON, such as '{"log": ["my-logger"]}'`);
  }
  return readSinkSettings(raw, (message) => {
    throw new UsageError(`--${message}`);
  });
}

function registerCommand(values: ReturnType<typeof parse>['values'], rest: readonly string[]): RegisterCommand {
  const dir = oneDirectory('register', rest);
  for (const option of ['format', 'output', 'exit-zero', 'strict', 'timings', 'sinks', 'hints', 'baseline'] as const) {
    if (values[option] !== undefined)
      throw new UsageError(`--${option} belongs to \`appi-guard check\`; register prints the register, or writes it with --write`);
  }
  return {
    kind: 'register',
    dir,
    write: values.write ?? false,
    ...(values.register !== undefined && { register: nonEmpty(values.register, '--register') }),
  };
}

function lspCommand(values: ReturnType<typeof parse>['values'], rest: readonly string[]): Command {
  if (rest.length > 0) throw new UsageError(`lsp takes no arguments, got ${rest.map((arg) => `'${arg}'`).join(', ')}`);
  for (const option of ['format', 'output', 'exit-zero', 'strict', 'timings', 'sinks', 'write', 'register', 'hints', 'baseline'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to \`appi-guard lsp\`: the editor sends settings`);
  }
  return { kind: 'lsp' };
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence is the reason.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0]! : String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
}

function nonEmpty(value: string, option: string): string {
  if (value === '') throw new UsageError(`${option} needs a file name`);
  return value;
}
