/**
 * What the command line's commands share about files and failures: the checks made before a run (so a
 * typo fails at once), where a report goes, and the one-line reasons a user reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeLike, maxSourceBytes } from '../engine/source-text';
import { NodeHost, toPortable } from '../host/node-host';

/** Exit statuses: the contract CI scripts rely on (README, "Command line"); `findings` also for anything not checked with `--strict`. */
export const exitCodes = { clean: 0, findings: 1, cannotRun: 2 } as const;

/** The run could not start or finish, for a reason the user can act on (as opposed to a bug). */
export class CannotRunError extends Error {}

export function readableDirectory(dir: string): string {
  const stat = statOrFail(dir, `cannot read directory '${dir}'`);
  if (!stat.isDirectory()) throw new CannotRunError(`'${dir}' is not a directory: check analyses a whole directory`);
  try {
    fs.readdirSync(dir);
  } catch (error) {
    throw new CannotRunError(`cannot read directory '${dir}': ${describe(error)}`);
  }
  return path.resolve(dir);
}

export function readableFile(file: string, what: string): string {
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
export function checkWritable(file: string): void {
  const parent = path.dirname(path.resolve(file));
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory())
    throw new CannotRunError(`cannot write '${file}': no such directory '${parent}'`);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new CannotRunError(`cannot write '${file}': it is a directory`);
}

/**
 * Writes `text` over a file of the workspace in the encoding and with the byte-order mark it has now (read
 * again through the host, which refuses what is not a regular file): a rewrite changes only what it meant to.
 */
export function rewriteFile(file: string, text: string): void {
  try {
    const before = new NodeHost().readFile(toPortable(file), maxSourceBytes);
    fs.writeFileSync(file, encodeLike(before instanceof Uint8Array ? before : undefined, text));
  } catch (error) {
    throw new CannotRunError(`cannot write '${file}': ${describe(error)}`);
  }
}

export function writeReport(report: string, output: string | undefined): void {
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

const fsReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links',
};

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && fsReasons[code]) return fsReasons[code];
  return oneLine(error instanceof Error ? error.message : String(error));
}

export function oneLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}
