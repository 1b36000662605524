import type { Catalogue } from '../../annotations/catalogue';
import { type CodeFile, type Difference, differences, type Matching, matchRegister } from '../../register/files';
import type { FileEntry, Register } from '../../register/model';
import type { WorkspaceQuery } from '../query';

/** An entry of the register that the code contradicts, with the code's file it describes when there is one. */
interface Disagreement {
  readonly entry: FileEntry;
  readonly file: CodeFile | undefined;
  readonly found: readonly Difference[];
}

export interface RegisterMatching {
  readonly matching: Matching;
  readonly disagreements: readonly Disagreement[];
}

/**
 * Where the register's entries and the code's Personal Information Files stand against each other: asked
 * by the rules of every file with schemas, and by the register's, answered once per register and annotations.
 */
export const registerMatching: WorkspaceQuery<RegisterMatching> = {
  name: 'register matching',
  reads: { register: true, annotations: true },
  compute: (input) => matchingWith(input.register(), input.catalogue(), input.root),
};

/** The same, for a register read now (a fix works against the register's current text). */
export function matchingWith(register: Register | undefined, catalogue: Catalogue, root: string): RegisterMatching {
  const matching = matchRegister(register, catalogue, root);
  if (!register || register.broken || !register.files) return { matching, disagreements: [] };
  const disagreements = register.files.flatMap((entry) => {
    const file = matching.fileOf.get(entry);
    const found = differences(entry, matching);
    return found.length === 0 ? [] : [{ entry, file, found }];
  });
  return { matching, disagreements };
}
