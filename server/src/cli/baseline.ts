import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUnreadable } from '../base/host';
import { type BaselineEntry, baselineFileName, baselineOf, baselineText, parseBaseline } from '../engine/baseline';
import { decodeSource, maxSourceBytes, tooLarge } from '../engine/source-text';
import { NodeHost, toPortable } from '../host/node-host';
import type { BaselineCommand } from './args';
import { CannotRunError, checkWritable, describe, exitCodes, readableDirectory, readableFile } from './io';
import { analyseFolder } from './run';

/** `appi-guard baseline`: today's findings' fingerprints, for `check --baseline` (README, "Adopting APPI Guard"). */
export async function writeBaseline(command: BaselineCommand, start: number): Promise<number> {
  const root = toPortable(readableDirectory(command.dir));
  const registerPath = command.register === undefined ? undefined : toPortable(readableFile(command.register, 'register'));
  const output = command.output ?? path.join(command.dir, baselineFileName);
  checkWritable(output);
  const { fingerprinted } = await analyseFolder({ root, start, sinks: command.sinks, ...(registerPath !== undefined && { registerPath }) });
  const entries = baselineOf(root, fingerprinted);
  try {
    fs.writeFileSync(output, baselineText(entries));
  } catch (error) {
    throw new CannotRunError(`cannot write '${output}': ${describe(error)}`);
  }
  process.stderr.write(`appi-guard: wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} to ${output}\n`);
  return exitCodes.clean;
}

/** `check --baseline FILE`, read before the analysis so that a wrong file fails at once. */
export function readBaseline(file: string): { readonly file: string; readonly entries: readonly BaselineEntry[] } {
  readableFile(file, 'baseline');
  // Through the host, as every file the tool reads: a regular file only, of at most 16 MB, UTF-8 or UTF-16.
  const bytes = new NodeHost().readFile(toPortable(file), maxSourceBytes);
  const source = isUnreadable(bytes)
    ? bytes.unreadable === 'too-large'
      ? tooLarge(bytes.size)
      : { kind: 'skipped' as const, reason: `not a regular file (${bytes.what})` }
    : decodeSource(bytes);
  if (source.kind !== 'text')
    throw new CannotRunError(`cannot read baseline '${file}': ${source.kind === 'skipped' ? source.reason : 'it can no longer be read'}`);
  const parsed = parseBaseline(source.text);
  if ('problem' in parsed) throw new CannotRunError(`cannot read baseline '${file}': ${parsed.problem}`);
  return { file: toPortable(file), entries: parsed.entries };
}
