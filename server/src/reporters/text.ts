import { type Coverage, uncheckedKinds } from '../base/coverage';
import type { Finding, Severity } from '../base/finding';
import { displayPath, inReadingOrder, mostUnchecked, type ReportInput, uncheckedSummary } from './report';

/**
 * One finding a line, `path:line:col severity rule-id message` with 1-based positions (the form editors
 * and terminals turn into links), then a blank line and a summary, and what was not checked (README, "What a clean run means"),
 * when anything was. Suppressed findings are only counted.
 */
export function textReport({ root, result }: ReportInput): string {
  const shown = inReadingOrder(result.findings.filter((finding) => !finding.suppressed));
  const lines = shown.map((finding) => findingLine(root, finding));
  const summary = summaryLine(shown, result.findings.length - shown.length, result.files.length);
  const report = lines.length > 0 ? `${lines.join('\n')}\n\n${summary}\n` : `${summary}\n`;
  return result.coverage.total > 0 ? `${report}\n${notChecked(root, result.coverage)}` : report;
}

/** How many places of each kind were not checked, and where most of them are. */
function notChecked(root: string, coverage: Coverage): string {
  const kinds = uncheckedKinds.flatMap((kind) => {
    const items = coverage.unchecked.filter((item) => item.kind === kind);
    return items.length > 0 ? [`  ${uncheckedSummary(kind, items)}`] : [];
  });
  const files = new Set(coverage.unchecked.map((item) => item.file)).size;
  const most = mostUnchecked(root, coverage.unchecked, 5).map(({ file, count }) => `${file} (${count})`);
  const where = `${files > most.length ? 'Most in' : 'In'} ${most.join(', ')}.`;
  return [`Not checked: ${plural(coverage.total, 'place')} (each one in --format json):`, ...kinds, where, ''].join('\n');
}

function findingLine(root: string, finding: Finding): string {
  const { line, character } = finding.range.start;
  // A message is one line by contract; a stray newline must not break the one-finding-a-line format.
  const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${displayPath(root, finding.file)}:${line + 1}:${character + 1} ${finding.severity} ${finding.ruleId} ${message}`;
}

function summaryLine(shown: readonly Finding[], suppressed: number, files: number): string {
  const inFiles = `in ${plural(files, 'file')}`;
  const aside = suppressed > 0 ? ` (${suppressed} suppressed)` : '';
  if (shown.length === 0) return `No findings ${inFiles}${aside}.`;
  const count = (severity: Severity) => shown.filter((finding) => finding.severity === severity).length;
  const infos = count('info');
  const counts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), ...(infos > 0 ? [plural(infos, 'info')] : [])];
  return `${counts.join(', ')} ${inFiles}${aside}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}
