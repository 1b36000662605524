import type { Catalogue } from '../annotations/catalogue';
import { applyEdits, type FileEdit } from '../base/finding';
import { addEntry, addPurposes, alignEntry, createRegister, purposesMissingFrom } from './edit';
import { codeFiles, differences, matchRegister } from './files';
import { parseRegister } from './parse';

export interface ImpliedRegister {
  /** The register's text with every fix applied; unchanged when the register cannot be read. */
  readonly text: string;
  readonly created: boolean;
  /** Entries added, and entries brought in line with the code. */
  readonly added: readonly string[];
  readonly aligned: readonly string[];
  /** Purpose ids of the code added to the catalogue, each with a `TODO` description. */
  readonly purposes: readonly string[];
  /** Why nothing could be done, when the register is not readable. */
  readonly unreadable?: string;
}

/**
 * The register the code implies: the current one (or a new one) with the quick fixes of `unregistered-file`
 * and `register-mismatch` applied, computed by the same edit functions, one step at a time against the text
 * each step leaves. Nothing is removed: an entry the code does not know stays as it is.
 */
export function impliedRegister(
  current: string | undefined,
  catalogue: Catalogue,
  options: { root: string; registerPath: string },
): ImpliedRegister {
  const { root, registerPath } = options;
  const files = codeFiles(catalogue, root);
  if (current === undefined) {
    const text = createRegister(registerPath, files, catalogue.purposeIds()).newText;
    return { text, created: true, added: files.map((file) => file.name), aligned: [], purposes: [...catalogue.purposeIds()] };
  }
  let text = current;
  const register = parseRegister(text);
  if (!register.entriesKnown)
    return {
      text,
      created: false,
      added: [],
      aligned: [],
      purposes: [],
      unreadable: register.problems[0]?.message ?? 'the register is not a mapping',
    };

  const matching = matchRegister(register, catalogue, root);
  const aligned: string[] = [];
  const edits: FileEdit[] = [];
  for (const entry of register.files ?? []) {
    const file = matching.fileOf.get(entry);
    const found = differences(entry, matching);
    const entryEdits = alignEntry(registerPath, text, entry, file, found);
    if (entryEdits.length > 0 && !entryEdits.some((edit) => overlaps(edit, edits))) {
      edits.push(...entryEdits);
      aligned.push(entry.name?.value ?? `#${entry.index + 1}`);
    }
  }
  text = applyEdits(text, edits);

  const added: string[] = [];
  // One entry a step: each is placed after the ones before it, in the layout they left.
  for (const file of matching.unregistered) {
    const next = addEntry(registerPath, text, parseRegister(text), file);
    if (next.length === 0) break;
    text = applyEdits(text, next);
    added.push(file.name);
  }

  // Last, so that the entries' edits were computed against the catalogue as it was.
  const latest = parseRegister(text);
  const purposes = purposesMissingFrom(latest, catalogue.purposeIds());
  text = applyEdits(text, addPurposes(registerPath, text, latest, purposes));
  return { text, created: false, added, aligned, purposes: latest.purposes ? purposes : [] };
}

function overlaps(edit: FileEdit, others: readonly FileEdit[]): boolean {
  return others.some(
    (other) => (edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end),
  );
}
