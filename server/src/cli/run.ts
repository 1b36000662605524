import type { Finding, Fix, Severity } from '../base/finding';
import type { Timings } from '../base/timings';
import type { Fingerprinted } from '../engine/fingerprints';
import type { SinkSettings } from '../engine/queries/sinks';
import { type AnalysisResult, Workspace } from '../engine/workspace';
import { NodeHost } from '../host/node-host';
import { rules as allRules, type Rule } from '../rules';
import { Progress } from './progress';

export interface RunOptions {
  readonly root: string;
  readonly registerPath?: string;
  /** When the command started, for the progress line. */
  readonly start: number;
  readonly timings?: Timings;
  readonly sinks?: SinkSettings;
  /** Report hint-severity findings; without it the rules that report them are off, and cost nothing. */
  readonly hints?: boolean;
  /** The rules to run: every rule unless a command needs fewer. */
  readonly rules?: readonly Rule[];
  /** Compute each finding's fixes too (while the workspace is there to compute them). */
  readonly fixes?: boolean;
  /** Leave out the fingerprints (a text report without a baseline shows none). */
  readonly withoutFingerprints?: boolean;
}

/** One analysis of a folder, as every command runs it, with each finding's fingerprint. */
export interface Run {
  readonly result: AnalysisResult;
  readonly fingerprinted: readonly Fingerprinted[];
  /** Each finding's fixes, when asked for. */
  readonly fixes: ReadonlyMap<Finding, readonly Fix[]>;
}

/** Analyses the folder once, with a progress line on stderr, and lets the workspace go. */
export async function analyseFolder(options: RunOptions): Promise<Run> {
  const rules = options.rules ?? allRules;
  const severities: Record<string, Severity | 'off'> = {};
  if (!options.hints) for (const rule of rules) if (rule.meta.defaultSeverity === 'hint') severities[rule.meta.id] = 'off';
  const workspace = new Workspace({
    root: options.root,
    host: new NodeHost(),
    rules,
    severities,
    settings: { sinks: options.sinks ?? {} },
    ...(options.timings && { timings: options.timings }),
    ...(options.registerPath !== undefined && { registerPath: options.registerPath }),
  });
  const progress = new Progress({ stream: process.stderr, start: options.start });
  try {
    const result = await workspace.analyseWorkspace({ onProgress: (done, total) => progress.update(done, total) });
    const fingerprint = () => (options.withoutFingerprints ? [] : workspace.fingerprints(result.findings));
    const fingerprinted = options.timings ? options.timings.measure('fingerprints', fingerprint) : fingerprint();
    const fixes = new Map(options.fixes ? result.findings.map((finding) => [finding, workspace.fixes(finding)] as const) : []);
    return { result, fingerprinted, fixes };
  } finally {
    progress.clear();
    workspace.dispose();
  }
}
