import { type Coverage, uncheckedKinds } from '../base/coverage';
import type { Finding, Severity } from '../base/finding';
import { displayPath, inReadingOrder, mostUnchecked, type ReportInput, uncheckedSummary } from './report';

/**
 * One finding a line, `path:line:col severity rule-id message` with 1-based positions (the form editors
 * and terminals turn into links), then a blank line and a summary, and what was not checked (README, "What a clean run means"),
 * when anything was. Suppressed findings are only counted.
 */
export function textReport({ root, result, baseline }: ReportInput): string {
  const shown = inReadingOrder(result.findings.filter((finding) => !finding.suppressed && !baseline?.unchanged.has(finding)));
  const lines = shown.map((finding) => findingLine(root, finding));
  const suppressed = result.findings.filter((finding) => finding.suppressed).length;
  const summary = summaryLine(shown, { suppressed, baselined: baseline?.unchanged.size ?? 0 }, result.files.length);
  const report = lines.length > 0 ? `${lines.join('\n')}\n\n${summary}\n` : `${summary}\n`;
  const stale = baseline && baseline.stale.length > 0 ? `\n${staleEntries(root, baseline)}` : '';
  return result.coverage.total > 0 ? `${report}${stale}\n${notChecked(root, result.coverage)}` : `${report}${stale}`;
}

/** Baseline entries that no finding matches any more: fixed, or changed into a new finding. */
function staleEntries(root: string, baseline: NonNullable<ReportInput['baseline']>): string {
  const entries = baseline.stale.map(
    (entry) => `  ${entry.file} ${entry.ruleId}${entry.where ? ` in ${entry.where}` : ''}: ${entry.message}`,
  );
  const file = displayPath(root, baseline.file);
  return [
    `Stale in the baseline ${file}: ${plural(baseline.stale.length, 'entry')} that no finding matches any more (regenerate it with appi-guard baseline):`,
    ...entries,
    '',
  ].join('\n');
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

function summaryLine(shown: readonly Finding[], hidden: { suppressed: number; baselined: number }, files: number): string {
  const inFiles = `in ${plural(files, 'file')}`;
  const asides = [
    ...(hidden.suppressed > 0 ? [`${hidden.suppressed} suppressed`] : []),
    ...(hidden.baselined > 0 ? [`${hidden.baselined} in the baseline`] : []),
  ];
  const aside = asides.length > 0 ? ` (${asides.join(', ')})` : '';
  if (shown.length === 0) return `No ${hidden.baselined > 0 ? 'new ' : ''}findings ${inFiles}${aside}.`;
  const count = (severity: Severity) => shown.filter((finding) => finding.severity === severity).length;
  const optional = (['info', 'hint'] as const).flatMap((severity) => (count(severity) > 0 ? [plural(count(severity), severity)] : []));
  const counts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), ...optional];
  return `${counts.join(', ')} ${inFiles}${aside}`;
}

function plural(count: number, noun: string): string {
  if (count === 1 || noun === 'info') return `${count} ${noun}`;
  return `${count} ${noun.endsWith('y') ? `${noun.slice(0, -1)}ie` : noun}s`;
}
