import type { Finding } from '../base/finding';
import { displayPath, inReadingOrder, type ReportInput } from './report';

/**
 * The findings as the engine has them, suppressed ones included (with `suppressed`), for scripts: paths
 * relative to `root`, ranges 0-based as in the engine, plus the 1-based `line`/`column` of the start that
 * people read. The rules' internal fix data is left out: it is not a stable format.
 */
export function jsonReport({ root, toolVersion, result }: ReportInput): string {
  const report = {
    version: toolVersion,
    root,
    files: result.files.map((file) => displayPath(root, file)),
    findings: inReadingOrder(result.findings).map((finding) => jsonFinding(root, finding)),
    notices: result.notices.map((notice) => ({ file: displayPath(root, notice.file), message: notice.message })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
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
