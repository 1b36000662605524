import type { Catalogue } from '../annotations/catalogue';
import type { Fix } from '../base/finding';
import { relative } from '../base/paths';
import { addEntry, addPurposes, createRegister, purposesMissingFrom } from './edit';
import { codeFileOf, codeFiles } from './files';
import { parseRegister } from './parse';

/** What a listing needs: the workspace, its annotations, and the register's current text. */
export interface ListingInput {
  readonly root: string;
  readonly registerPath: string;
  readonly catalogue: Catalogue;
  /** Current text of any file, to compute edits against. */
  text(file: string): string | undefined;
}

/**
 * Lists a schema's Personal Information File in the register, or, when there is no register, creates it
 * with every file of the code (the fix of `unregistered-file`, and the editor's "create register" command,
 * with no schema).
 */
export function listingFixes(schemaKey: string | undefined, input: ListingInput): Fix[] {
  const text = input.text(input.registerPath);
  const registerName = relative(input.root, input.registerPath);
  if (text === undefined) {
    const edit = createRegister(input.registerPath, codeFiles(input.catalogue, input.root), input.catalogue.purposeIds());
    return [
      { title: `Create the register ${registerName} with an entry for every Personal Information File`, isPreferred: true, edits: [edit] },
    ];
  }
  const schema = schemaKey === undefined ? undefined : input.catalogue.schemas.get(schemaKey);
  const file = schema && codeFileOf(schema, input.root);
  if (!file) return [];
  const register = parseRegister(text);
  const entry = addEntry(input.registerPath, text, register, file);
  if (entry.length === 0) return [];
  // The entry names its purposes; the catalogue gets those it lacks, to be described (`register-incomplete`).
  const purposes = purposesMissingFrom(register, file.purposes);
  const edits = [...entry, ...addPurposes(input.registerPath, text, register, purposes)];
  const also = purposes.length > 0 ? `, and ${purposes.map((id) => `\`${id}\``).join(', ')} to its purposes` : '';
  return [{ title: `Add \`${file.name}\` to the register ${registerName}${also}`, isPreferred: true, edits }];
}
