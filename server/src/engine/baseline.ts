import type { Finding } from '../base/finding';
import { relative } from '../base/paths';
import type { Fingerprinted } from './fingerprints';

/**
 * The baseline file (`appi-guard baseline`, `check --baseline`, the editor's `appiGuard.baselinePath`):
 * the fingerprints of the findings a team accepted for now, with what each was about so that a review of
 * the file reads as a list of findings. Sorted, so that regenerating it gives a small diff.
 */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  /** Relative to the workspace root, forward slashes. */
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

export const baselineFileName = 'appi-guard-baseline.json';

const format = 'appi-guard-baseline';
const version = 1;

/** A baseline of findings: every one but the suppressed (a comment already says why) and hints (suggestions). */
export function baselineOf(root: string, fingerprinted: readonly Fingerprinted[]): BaselineEntry[] {
  return fingerprinted
    .filter(({ finding }) => !finding.suppressed && finding.severity !== 'hint')
    .map(({ finding, fingerprint, where }) => ({
      fingerprint,
      ruleId: finding.ruleId,
      file: relative(root, finding.file),
      where,
      message: finding.message,
    }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
}

export function baselineText(entries: readonly BaselineEntry[]): string {
  return `${JSON.stringify({ format, version, findings: entries }, null, 2)}\n`;
}

/** The baseline in a file's text, or why it is not one (one line). */
export function parseBaseline(text: string): { readonly entries: readonly BaselineEntry[] } | { readonly problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: 'not JSON' };
  }
  const value = raw as { format?: unknown; version?: unknown; findings?: unknown } | null;
  if (!value || typeof value !== 'object' || value.format !== format || !Array.isArray(value.findings))
    return { problem: `not a baseline written by \`appi-guard baseline\` (no "format": "${format}" with a "findings" list)` };
  if (value.version !== version)
    return { problem: `a baseline of version ${String(value.version)}; this version reads version ${version}` };
  const entries: BaselineEntry[] = [];
  for (const [index, item] of (value.findings as unknown[]).entries()) {
    const entry = item as Partial<Record<keyof BaselineEntry, unknown>> | null;
    if (!entry || typeof entry.fingerprint !== 'string' || typeof entry.ruleId !== 'string' || typeof entry.file !== 'string')
      return { problem: `finding ${index + 1} has no "fingerprint", "ruleId" and "file"` };
    entries.push({
      fingerprint: entry.fingerprint,
      ruleId: entry.ruleId,
      file: entry.file,
      where: typeof entry.where === 'string' ? entry.where : '',
      message: typeof entry.message === 'string' ? entry.message : '',
    });
  }
  return { entries };
}

/** Which findings the baseline holds, and its entries that no finding matches any more (stale). */
export interface BaselineComparison {
  readonly unchanged: ReadonlySet<Finding>;
  readonly stale: readonly BaselineEntry[];
}

export function compareWithBaseline(fingerprinted: readonly Fingerprinted[], entries: readonly BaselineEntry[]): BaselineComparison {
  const known = new Map(entries.map((entry) => [entry.fingerprint, entry]));
  const matched = new Set<string>();
  const unchanged = new Set<Finding>();
  for (const { finding, fingerprint } of fingerprinted) {
    if (finding.suppressed || !known.has(fingerprint)) continue;
    unchanged.add(finding);
    matched.add(fingerprint);
  }
  return { unchanged, stale: entries.filter((entry) => !matched.has(entry.fingerprint)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
