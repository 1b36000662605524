import { relative } from '../base/paths';
import type { PurposeEntry, Register } from './model';

/** The register's purpose catalogue; absent when there is no register or it has no `purposes:`. */
export interface PurposeCatalogue {
  readonly file: string;
  /** The register's path relative to the workspace root, for messages. */
  readonly name: string;
  readonly entries: ReadonlyMap<string, PurposeEntry>;
}

/** The purposes a register publishes; none while it has YAML errors, so that ids are not checked against half of it. */
export function purposesOf(register: Register, registerPath: string, root: string): PurposeCatalogue | undefined {
  if (!register.purposes || register.broken) return undefined;
  const entries = new Map(register.purposes.map((entry) => [entry.id, entry]));
  return { file: registerPath, name: relative(root, registerPath), entries };
}
