import type { Unchecked } from './coverage';
import type { Finding, Notice } from './finding';

/** What the engine says of one file: its findings, what it could not analyse, and what in it it could not check. */
export interface FileResult {
  readonly findings: readonly Finding[];
  readonly notices: readonly Notice[];
  /** The places in the file that were not checked (README, "What a clean run means"), whether or not a rule reports them. */
  readonly unchecked: readonly Unchecked[];
}
