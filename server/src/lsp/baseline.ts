import * as path from 'node:path';
import type { Finding } from '../base/finding';
import { parseBaseline } from '../engine/baseline';
import { toPortable } from '../host/node-host';
import type { Folder } from './folders';

/**
 * The baseline each folder's settings name (`appiGuard.baselinePath`; README, "Adopting APPI Guard on an
 * existing codebase"), read through the folder's workspace — an open buffer, else the disk, which the
 * watchers keep current — and parsed once per text. A file that is not a baseline is said once in the log
 * and holds nothing.
 */
export class Baselines {
  private readonly read = new Map<
    string,
    { readonly folder: Folder; readonly revision: number; readonly text: string | undefined; readonly fingerprints: ReadonlySet<string> }
  >();

  constructor(private readonly log: (message: string) => void) {}

  /**
   * The fingerprints of the folder's baseline; empty when there is none. Looked at once per analysis
   * `revision` (every file of a run asks): a change on disk or in the settings starts a new one.
   */
  of(folder: Folder, revision: number): ReadonlySet<string> {
    const kept = this.read.get(folder.uri);
    if (kept && kept.folder === folder && kept.revision === revision) return kept.fingerprints;
    const text = folder.workspace.text(baselineFileOf(folder));
    if (kept && kept.folder === folder && kept.text === text) {
      this.read.set(folder.uri, { ...kept, revision });
      return kept.fingerprints;
    }
    let fingerprints: ReadonlySet<string> = new Set();
    if (text !== undefined) {
      const parsed = parseBaseline(text);
      if ('problem' in parsed) this.log(`${baselineFileOf(folder)}: ${parsed.problem}; no finding is taken as in the baseline`);
      else fingerprints = new Set(parsed.entries.map((entry) => entry.fingerprint));
    }
    this.read.set(folder.uri, { folder, revision, text, fingerprints });
    return fingerprints;
  }
}

function baselineFileOf(folder: Folder): string {
  return toPortable(path.resolve(folder.root, folder.settings.baselinePath));
}

/**
 * The findings to show: those the baseline holds become hints that say so (or go, as the setting says);
 * the others stay as they are. Fingerprints are counted over all of the file's findings, suppressed ones
 * included, as `appi-guard baseline` counts them.
 */
export function withBaseline(folder: Folder, findings: readonly Finding[], baseline: ReadonlySet<string>): Finding[] {
  if (baseline.size === 0) return findings.filter((finding) => !finding.suppressed);
  return folder.workspace.fingerprints(findings).flatMap(({ finding, fingerprint }) => {
    if (finding.suppressed) return [];
    if (!baseline.has(fingerprint)) return [finding];
    return folder.settings.baselined === 'hide'
      ? []
      : [{ ...finding, severity: 'hint' as const, message: `In the baseline: ${finding.message}` }];
  });
}
