import { type Coverage, describeUnchecked, type Unchecked } from '../base/coverage';
import type { Finding } from '../base/finding';
import { displayPath, inReadingOrder, type ReportInput } from './report';

/**
 * The findings as the engine has them, suppressed ones included (with `suppressed`), for scripts: paths
 * relative to `root`, ranges 0-based as in the engine, plus the 1-based `line`/`column` of the start that
 * people read. The rules' internal fix data is left out: it is not a stable format.
 */
export function jsonReport({ root, toolVersion, result, fingerprints, baseline }: ReportInput): string {
  const report = {
    version: toolVersion,
    root,
    files: result.files.map((file) => displayPath(root, file)),
    findings: inReadingOrder(result.findings).map((finding) => ({
      ...jsonFinding(root, finding),
      ...(fingerprints?.has(finding) && { fingerprint: fingerprints.get(finding) }),
      ...(baseline && !finding.suppressed && { baselineState: baseline.unchanged.has(finding) ? 'unchanged' : 'new' }),
    })),
    notices: result.notices.map((notice) => ({ file: displayPath(root, notice.file), message: notice.message })),
    coverage: jsonCoverage(root, result.coverage),
    // Entries of the baseline that no finding matches any more, as the baseline file has them.
    ...(baseline && { baseline: { file: displayPath(root, baseline.file), unchanged: baseline.unchanged.size, stale: baseline.stale } }),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** What was not checked (README, "What a clean run means"): the totals, then each file's places in order, with a message each. */
function jsonCoverage(root: string, coverage: Coverage) {
  const byFile = new Map<string, Unchecked[]>();
  for (const item of coverage.unchecked) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    total: coverage.total,
    byKind: coverage.byKind,
    files: files.map(([file, items]) => ({
      file: displayPath(root, file),
      count: items.length,
      unchecked: [...items]
        .sort((a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1))
        .map((item) => {
          const { file: _file, kind, ...rest } = item;
          const at = item.range && { line: item.range.start.line + 1, column: item.range.start.character + 1 };
          return { kind, ...at, ...rest, message: describeUnchecked(item) };
        }),
    })),
  };
}

function jsonFinding(root: string, finding: Finding) {
  // Named fields first, for the order a reader sees; the rest carries whatever else the engine has.
  const { data: _internal, ruleId, severity, file, related, ...rest } = finding;
  return {
    ruleId,
    severity,
    file: displayPath(root, file),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    ...rest,
    related: related.map((location) => ({ ...location, file: displayPath(root, location.file) })),
  };
}
