/**
 * The command line: arguments -> engine -> reporter -> exit code. Everything here is about the face (what
 * the user typed, which streams get what, how a failure reads); the analysis is the engine's, the same one
 * the language server calls.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Timings } from './base/timings';
import { type CheckCommand, parseCommandLine, type RegisterCommand, UsageError, usage } from './cli/args';
import { readBaseline, writeBaseline } from './cli/baseline';
import { CannotRunError, checkWritable, exitCodes, oneLine, readableDirectory, readableFile, rewriteFile, writeReport } from './cli/io';
import { analyseFolder } from './cli/run';
import { suggest } from './cli/suggest';
import { toolVersion } from './cli/version';
import { compareWithBaseline } from './engine/baseline';
import { Workspace } from './engine/workspace';
import { NodeHost, toPortable } from './host/node-host';
import { impliedRegister } from './register/implied';
import { isFailing, reporters } from './reporters';
import { displayPath } from './reporters/report';
import { rules } from './rules';

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
      case 'suggest':
        return await suggest(command, start);
      case 'baseline':
        return await writeBaseline(command, start);
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

async function check(command: CheckCommand, start: number): Promise<number> {
  // Every input is checked before the analysis, which can take a while, so a typo fails at once.
  const root = toPortable(readableDirectory(command.dir));
  const registerPath = command.register === undefined ? undefined : toPortable(readableFile(command.register, 'register'));
  if (command.output !== undefined) checkWritable(command.output);

  const accepted = command.baseline === undefined ? undefined : readBaseline(command.baseline);

  const timings = new Timings();
  const { result, fingerprinted } = await analyseFolder({
    root,
    start,
    timings,
    sinks: command.sinks,
    hints: command.hints,
    withoutFingerprints: command.format === 'text' && accepted === undefined,
    ...(registerPath !== undefined && { registerPath }),
  });
  if (command.format === 'text') {
    for (const notice of result.notices)
      process.stderr.write(`appi-guard: note: ${displayPath(root, notice.file)}: ${oneLine(notice.message)}\n`);
  }
  const baseline = accepted && { file: accepted.file, ...compareWithBaseline(fingerprinted, accepted.entries) };
  const fingerprints = new Map(fingerprinted.map(({ finding, fingerprint }) => [finding, fingerprint]));
  const input = { root, toolVersion: toolVersion(), result, fingerprints, ...(baseline && { baseline }) };
  const report = timings.measure('reporting', () => reporters[command.format](input));
  writeReport(report, command.output);
  if (command.timings) writeTimings(timings, Date.now() - start);
  const failing =
    result.findings.some((finding) => isFailing(finding) && !baseline?.unchanged.has(finding)) ||
    (command.strict && result.coverage.total > 0);
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
    rewriteFile(target, implied.text);
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
