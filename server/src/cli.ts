/**
 * The command line: arguments -> engine -> reporter -> exit code. Everything here is about the face (what
 * the user typed, which streams get what, how a failure reads); the analysis is the engine's, the same one
 * the language server calls.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Timings } from './base/timings';
import { type CheckCommand, parseCommandLine, type RegisterCommand, UsageError, usage } from './cli/args';
import { Progress } from './cli/progress';
import { toolVersion } from './cli/version';
import type { SinkSettings } from './engine/queries/sinks';
import { encodeLike, maxSourceBytes } from './engine/source-text';
import { type AnalysisResult, Workspace } from './engine/workspace';
import { NodeHost, toPortable } from './host/node-host';
import { impliedRegister } from './register/implied';
import { isFailing, reporters } from './reporters';
import { displayPath } from './reporters/report';
import { rules } from './rules';

/** Exit statuses: the contract CI scripts rely on (README, "Command line"); `findings` also for anything not checked with `--strict`. */
const exitCodes = { clean: 0, findings: 1, cannotRun: 2 } as const;

/** Runs one command; never rejects and never throws: every outcome is an exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const start = Date.now();
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(usage);
        return exitCodes.clean;
      case 'version':
        process.stdout.write(`${toolVersion()}\n`);
        return exitCodes.clean;
      case 'check':
        return await check(command, start);
      case 'register':
        return register(command);
      case 'lsp':
        return await serveStdio();
    }
  } catch (error) {
    return cannotRun(error);
  }
}

/** The language server on standard input and output; the process ends when the client says `exit`. */
async function serveStdio(): Promise<number> {
  // Loaded here so that `check` does not pay for the protocol library.
  const { startStdioServer } = await import('./lsp/server.js');
  startStdioServer();
  return new Promise<number>(() => {});
}

/** The run could not start or finish, for a reason the user can act on (as opposed to a bug). */
class CannotRunError extends Error {}

async function check(command: CheckCommand, start: number): Promise<number> {
  // Every input is checked before the analysis, which can take a while, so a typo fails at once.
  const root = toPortable(readableDirectory(command.dir));
  const registerPath = command.register === undefined ? undefined : toPortable(readableFile(command.register, 'register'));
  if (command.output !== undefined) checkWritable(command.output);

  const timings = new Timings();
  const result = await analyse(root, registerPath, start, timings, command.sinks);
  if (command.format === 'text') {
    for (const notice of result.notices)
      process.stderr.write(`appi-guard: note: ${displayPath(root, notice.file)}: ${oneLine(notice.message)}\n`);
  }
  const report = timings.measure('reporting', () => reporters[command.format]({ root, toolVersion: toolVersion(), result }));
  writeReport(report, command.output);
  if (command.timings) writeTimings(timings, Date.now() - start);
  const failing = result.findings.some(isFailing) || (command.strict && result.coverage.total > 0);
  return !command.exitZero && failing ? exitCodes.findings : exitCodes.clean;
}

/** `--timings`: a line per phase on stderr, in a form scripts can read (`timing <phase>: <ms> ms`). */
function writeTimings(timings: Timings, total: number): void {
  for (const [phase, milliseconds] of timings.snapshot()) process.stderr.write(`timing ${phase}: ${milliseconds.toFixed(1)} ms\n`);
  process.stderr.write(`timing total: ${total} ms\n`);
}

/** The register the code implies, through the quick fixes' own edits: printed, or written with `--write`. */
function register(command: RegisterCommand): number {
  const root = toPortable(readableDirectory(command.dir));
  const target = path.resolve(command.register ?? path.join(command.dir, 'pi-register.yaml'));
  const exists = fs.existsSync(target);
  if (exists) readableFile(target, 'register');
  const registerPath = toPortable(target);
  const workspace = new Workspace({ root, host: new NodeHost(), rules, registerPath });
  try {
    const current = workspace.text(registerPath);
    if (exists && current === undefined)
      throw new CannotRunError(`cannot read register '${displayPath(root, registerPath)}': not UTF-8 or UTF-16 text`);
    const implied = impliedRegister(current, workspace.catalogue(), { root, registerPath });
    if (implied.unreadable)
      throw new CannotRunError(
        `cannot update register '${displayPath(root, registerPath)}': ${oneLine(implied.unreadable)} (appi-guard check shows every problem)`,
      );
    if (!command.write) {
      writeReport(implied.text, undefined);
      return exitCodes.clean;
    }
    const name = displayPath(root, registerPath);
    if (implied.text === current) {
      process.stderr.write(`appi-guard: ${name} is in line with the code\n`);
      return exitCodes.clean;
    }
    try {
      // Read again through the host, which refuses what is not a regular file, for the encoding to keep.
      const before = new NodeHost().readFile(target, maxSourceBytes);
      fs.writeFileSync(target, encodeLike(before instanceof Uint8Array ? before : undefined, implied.text));
    } catch (error) {
      throw new CannotRunError(`cannot write '${name}': ${describe(error)}`);
    }
    const said = [
      implied.created ? `created with ${implied.added.length} entr${implied.added.length === 1 ? 'y' : 'ies'}` : '',
      !implied.created && implied.added.length > 0 ? `added ${implied.added.map((n) => `'${n}'`).join(', ')}` : '',
      implied.aligned.length > 0 ? `brought ${implied.aligned.map((n) => `'${n}'`).join(', ')} in line with the code` : '',
      !implied.created && implied.purposes.length > 0
        ? `added the purpose${implied.purposes.length === 1 ? '' : 's'} ${implied.purposes.map((id) => `'${id}'`).join(', ')} with a TODO description to describe before publishing`
        : '',
    ].filter(Boolean);
    process.stderr.write(`appi-guard: ${name}: ${said.join('; ')}\n`);
    return exitCodes.clean;
  } finally {
    workspace.dispose();
  }
}

async function analyse(
  root: string,
  registerPath: string | undefined,
  start: number,
  timings: Timings,
  sinks: SinkSettings,
): Promise<AnalysisResult> {
  const settings = { sinks };
  const workspace = new Workspace({
    root,
    host: new NodeHost(),
    rules,
    timings,
    settings,
    ...(registerPath !== undefined && { registerPath }),
  });
  const progress = new Progress({ stream: process.stderr, start });
  try {
    return await workspace.analyseWorkspace({ onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
    workspace.dispose();
  }
}

function readableDirectory(dir: string): string {
  const stat = statOrFail(dir, `cannot read directory '${dir}'`);
  if (!stat.isDirectory()) throw new CannotRunError(`'${dir}' is not a directory: check analyses a whole directory`);
  try {
    fs.readdirSync(dir);
  } catch (error) {
    throw new CannotRunError(`cannot read directory '${dir}': ${describe(error)}`);
  }
  return path.resolve(dir);
}

function readableFile(file: string, what: string): string {
  const stat = statOrFail(file, `cannot read ${what} '${file}'`);
  if (!stat.isFile()) throw new CannotRunError(`cannot read ${what} '${file}': not a file`);
  try {
    fs.closeSync(fs.openSync(file, 'r'));
  } catch (error) {
    throw new CannotRunError(`cannot read ${what} '${file}': ${describe(error)}`);
  }
  return path.resolve(file);
}

/** Only what can be known without writing: the folder exists and the target is not one. */
function checkWritable(file: string): void {
  const parent = path.dirname(path.resolve(file));
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory())
    throw new CannotRunError(`cannot write '${file}': no such directory '${parent}'`);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new CannotRunError(`cannot write '${file}': it is a directory`);
}

function writeReport(report: string, output: string | undefined): void {
  if (output === undefined) {
    // A reader that stops early (`| head`) is not a failure of the run.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return;
      process.stderr.write(`appi-guard: cannot write the report: ${describe(error)}\n`);
      process.exitCode = exitCodes.cannotRun;
    });
    process.stdout.write(report);
    return;
  }
  try {
    fs.writeFileSync(output, report);
  } catch (error) {
    throw new CannotRunError(`cannot write '${output}': ${describe(error)}`);
  }
}

function statOrFail(file: string, failure: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    throw new CannotRunError(`${failure}: ${describe(error)}`);
  }
}

/** One line on stderr, and a hint for mistakes the user made; a stack trace only when asked for. */
function cannotRun(error: unknown): number {
  if (error instanceof UsageError || error instanceof CannotRunError) {
    process.stderr.write(`appi-guard: ${error.message}\nRun 'appi-guard --help' for usage.\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`appi-guard: internal error: ${oneLine(message)} (set APPI_GUARD_DEBUG=1 for details)\n`);
    if (process.env.APPI_GUARD_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  return exitCodes.cannotRun;
}

const fsReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links',
};

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && fsReasons[code]) return fsReasons[code];
  return oneLine(error instanceof Error ? error.message : String(error));
}

function oneLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}
