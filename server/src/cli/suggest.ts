import { applyEdits, type FileEdit, type Finding } from '../base/finding';
import { decodeSource, maxSourceBytes } from '../engine/source-text';
import { NodeHost, toNative, toPortable } from '../host/node-host';
import { displayPath, inReadingOrder } from '../reporters/report';
import { possiblyPersonal } from '../rules/possibly-personal';
import type { SuggestCommand } from './args';
import { CannotRunError, exitCodes, readableDirectory, rewriteFile } from './io';
import { analyseFolder } from './run';

/**
 * `appi-guard suggest`: the `possibly-personal` findings as a list per type, for a team that tags an
 * existing codebase; `--write` applies each one's preferred fix (the tag that fits), so that the change is
 * one diff to review. A second run finds nothing more to tag.
 */
export async function suggest(command: SuggestCommand, start: number): Promise<number> {
  const root = toPortable(readableDirectory(command.dir));
  const { result, fixes } = await analyseFolder({ root, start, hints: true, rules: [possiblyPersonal], fixes: command.write });
  const found = inReadingOrder(result.findings.filter((finding) => finding.ruleId === possiblyPersonal.meta.id && !finding.suppressed));
  process.stdout.write(listing(root, found));
  if (!command.write || found.length === 0) return exitCodes.clean;
  const edits = new Map<string, FileEdit[]>();
  for (const finding of found) {
    const preferred = fixes.get(finding)?.find((fix) => fix.isPreferred);
    for (const edit of preferred?.edits ?? []) edits.set(edit.file, [...(edits.get(edit.file) ?? []), edit]);
  }
  for (const [file, fileEdits] of edits) writeEdits(file, fileEdits);
  const fields = found.length;
  process.stderr.write(
    `appi-guard: tagged ${fields} field${fields === 1 ? '' : 's'} in ${edits.size} file${edits.size === 1 ? '' : 's'}\n`,
  );
  return exitCodes.clean;
}

interface Data {
  readonly type: string;
  readonly own: { readonly field: string; readonly tag: string };
}

/** File by file, type by type: each field with the tag it would get. */
function listing(root: string, found: readonly Finding[]): string {
  if (found.length === 0) return 'No untagged field looks like personal information.\n';
  const lines: string[] = [];
  let file = '';
  let type = '';
  for (const finding of found) {
    const data = finding.data as Data;
    if (finding.file !== file) {
      file = finding.file;
      type = '';
      lines.push(displayPath(root, file));
    }
    if (data.type !== type) {
      type = data.type;
      lines.push(`  ${type}`);
    }
    lines.push(`    ${`${data.own.field}:${finding.range.start.line + 1}`.padEnd(28)} ${data.own.tag}`);
  }
  const types = new Set(found.map((finding) => `${finding.file}#${(finding.data as Data).type}`)).size;
  lines.push(
    '',
    `${found.length} field${found.length === 1 ? '' : 's'} in ${types} type${types === 1 ? '' : 's'} look like personal information.`,
  );
  lines.push('Review them, then tag them with `appi-guard suggest --write` (or mark a field `@notPersonal`).', '');
  return lines.join('\n');
}

/** Applies one file's edits to its text as it is on disk now, keeping its encoding and byte-order mark. */
function writeEdits(file: string, edits: readonly FileEdit[]): void {
  const bytes = new NodeHost().readFile(file, maxSourceBytes);
  const source = decodeSource(bytes instanceof Uint8Array ? bytes : undefined);
  if (source.kind !== 'text') throw new CannotRunError(`cannot tag '${file}': it can no longer be read as text`);
  rewriteFile(toNative(file), applyEdits(source.text, edits));
}
