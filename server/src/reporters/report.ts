/**
 * What every reporter is given, and the few things they all derive from it the same way: paths relative to
 * the analysed folder, one order of findings, one rule for what fails a run.
 */
import type { Finding } from '../base/finding';
import { relative } from '../base/paths';
import type { AnalysisResult } from '../engine/workspace';

export interface ReportInput {
  /** The analysed folder: absolute, forward slashes. */
  readonly root: string;
  readonly toolVersion: string;
  readonly result: AnalysisResult;
}

/** A reporter turns one run into the text of its report; the CLI decides where the text goes. */
export type Reporter = (input: ReportInput) => string;

/** `file` relative to the analysed folder with forward slashes; a file outside it (a register named by `--register`) stays absolute. */
export function displayPath(root: string, file: string): string {
  return file === root ? '.' : relative(root, file);
}

/**
 * Findings by file, then position, then rule: the engine reports file by file and rule by rule, and a
 * report that reads top to bottom, the same every run, is what users and snapshot tests both want.
 */
export function inReadingOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compare(a.file, b.file) || a.range.start.offset - b.range.start.offset || compare(a.ruleId, b.ruleId),
  );
}

/** A run fails on an error-severity finding that no comment suppresses. */
export function isFailing(finding: Finding): boolean {
  return finding.severity === 'error' && !finding.suppressed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
