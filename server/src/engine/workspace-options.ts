import type { Coverage } from '../base/coverage';
import type { Severity } from '../base/finding';
import type { Host } from '../base/host';
import type { FileResult } from '../base/result';
import type { Timings } from '../base/timings';
import type { CancellationToken } from './cancellation';
import type { Rule } from './rule';
import type { AnalysisSettings } from './settings';

/** What a Workspace is made with, and what its runs take and give. */

export interface WorkspaceOptions {
  /** The workspace folder: absolute, forward slashes. */
  readonly root: string;
  readonly host: Host;
  /** The rules to run (`rules/index.ts` lists the product's). */
  readonly rules: readonly Rule[];
  /** The register's absolute path; `<root>/pi-register.yaml` when not given. */
  readonly registerPath?: string;
  /** Per-rule severity, or `off`; rules not named keep their default. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** What users set that changes what the analysis finds (packages that are sinks). */
  readonly settings?: AnalysisSettings;
  /** Where to add the time of each phase; the workspace keeps its own when not given. */
  readonly timings?: Timings;
  /**
   * The files will be edited (an editor's workspace): each file's imports, text and annotation shape are
   * noted as it is analysed, so that an edit re-analyses just the files it can change, and each project
   * keeps a program of its own, as in tsserver, so that an edit updates only its project's. A one-off check
   * does without notes (an edit then drops every kept result), and projects that read code alike share a
   * program.
   */
  readonly edits?: boolean;
}

export interface AnalysisResult extends Omit<FileResult, 'unchecked'> {
  /** Every file analysed, the register included. */
  readonly files: readonly string[];
  /** What was not checked: the workspace's configuration and every file's places, each item naming its file, and the totals. */
  readonly coverage: Coverage;
}

export interface AnalyseOptions {
  readonly token?: CancellationToken;
  onProgress?(done: number, total: number): void;
}
