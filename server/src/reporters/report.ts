/**
 * What every reporter is given, and the few things they all derive from it the same way: paths relative to
 * the analysed folder, one order of findings, one rule for what fails a run.
 */
import type { Unchecked, UncheckedKind } from '../base/coverage';
import type { Finding } from '../base/finding';
import { relative } from '../base/paths';
import type { BaselineComparison } from '../engine/baseline';
import type { AnalysisResult } from '../engine/workspace';

export interface ReportInput {
  /** The analysed folder: absolute, forward slashes. */
  readonly root: string;
  readonly toolVersion: string;
  readonly result: AnalysisResult;
  /** Each finding's fingerprint (`engine/fingerprints.ts`). */
  readonly fingerprints?: ReadonlyMap<Finding, string>;
  /** With `--baseline`: the file (absolute, forward slashes), the findings it holds, and its entries that nothing matches any more. */
  readonly baseline?: BaselineComparison & { readonly file: string };
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

/**
 * What a kind of unchecked place amounts to, as a phrase with its count: `2 imports of packages that are
 * not installed: axios, nodemailer`. The text summary lists these; SARIF's notifications say them too.
 */
export function uncheckedSummary(kind: UncheckedKind, items: readonly Unchecked[]): string {
  const n = items.length;
  switch (kind) {
    case 'untyped-read':
      return `${n} ${n === 1 ? 'read' : 'reads'} of a tagged field's name on a value typed \`any\`, an error type or an unresolved import`;
    case 'unreached-use':
      return `${n} ${n === 1 ? 'use' : 'uses'} of tagged fields in code that no context reaches`;
    case 'missing-package': {
      const packages = [...new Set(items.flatMap((item) => (item.kind === 'missing-package' ? [item.package] : [])))].sort();
      const named = packages.length > 5 ? `${packages.slice(0, 5).join(', ')} and ${packages.length - 5} more` : packages.join(', ');
      return `${n} ${n === 1 ? 'import' : 'imports'} of packages that are not installed: ${named}`;
    }
    case 'missing-extends':
      return `${n} tsconfig.json ${n === 1 ? 'file' : 'files'} whose extends cannot be found`;
    case 'project-not-loaded':
      return `${n} ${n === 1 ? 'project' : 'projects'} that could not be loaded`;
    case 'missing-prisma-client':
      return `${n} Prisma ${n === 1 ? 'schema' : 'schemas'} whose client has not been generated`;
    case 'incomplete-analysis':
      return `${n} ${n === 1 ? 'file' : 'files'} not fully analysed`;
  }
}

/** The files with the most unchecked places, most first (then by path), each with its count. */
export function mostUnchecked(root: string, items: readonly Unchecked[], limit: number): { file: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.file, (counts.get(item.file) ?? 0) + 1);
  return [...counts]
    .map(([file, count]) => ({ file: displayPath(root, file), count }))
    .sort((a, b) => b.count - a.count || compare(a.file, b.file))
    .slice(0, limit);
}
