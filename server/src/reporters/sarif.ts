import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { type Coverage, describeUnchecked, type UncheckedKind, uncheckedKinds } from '../base/coverage';
import type { Finding, Notice, Range, Severity } from '../base/finding';
import { isInside } from '../base/paths';
import type { BaselineEntry } from '../engine/baseline';
import { docsUrl } from '../engine/rule';
import { type RuleMeta, rules } from '../rules';
import { displayPath, inReadingOrder, type ReportInput, uncheckedSummary } from './report';

/**
 * SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it: one run, the rule table from the
 * registry, results located relative to `%SRCROOT%` (the analysed folder) so the log does not depend on
 * where CI checked the code out. Suppressed findings stay in, marked, so dashboards can show them as
 * dismissed in source. Typed with `@types/sarif` (the schema's own shapes); `test/cli/sarif.test.ts` runs
 * Microsoft's validator, GitHub's rules included.
 */
export function sarifReport({ root, toolVersion, result, fingerprints, baseline }: ReportInput): string {
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'APPI Guard',
            informationUri: 'https://github.com/appi-guard/appi-guard',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: rules.map((rule) => ruleDescriptor(rule.meta)),
            notifications: uncheckedKinds.map(notificationDescriptor),
          },
        },
        originalUriBaseIds: { [srcRoot]: { uri: directoryUri(root) } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.notices.map((notice) => notification(root, notice)),
              ...uncheckedNotifications(root, result.coverage),
            ],
          },
        ],
        // The engine's columns count UTF-16 code units, SARIF's default; said anyway, since consumers differ.
        columnKind: 'utf16CodeUnits',
        results: [
          ...inReadingOrder(result.findings).map((finding) => ({
            ...sarifResult(root, finding),
            ...(fingerprints?.has(finding) && { partialFingerprints: { [fingerprintKey]: fingerprints.get(finding)! } }),
            ...(baseline && { baselineState: baseline.unchanged.has(finding) ? ('unchanged' as const) : ('new' as const) }),
          })),
          ...(baseline?.stale ?? []).map((entry) => absentResult(root, entry)),
        ],
        properties: { coverage: coverageProperty(root, result.coverage) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const srcRoot = '%SRCROOT%';

/** The key of APPI Guard's fingerprint among a result's `partialFingerprints`; its version changes with the recipe. */
const fingerprintKey = 'appiGuardFingerprint/v1';

/**
 * A baseline entry that no finding matches any more: SARIF's `absent` result, so that a dashboard comparing
 * runs shows it as gone. It has its file but no region: where it was is not known any more.
 */
function absentResult(root: string, entry: BaselineEntry): Sarif.Result {
  const index = ruleIndex.get(entry.ruleId);
  return {
    ruleId: entry.ruleId,
    ...(index !== undefined && { ruleIndex: index }),
    level: 'none',
    kind: 'pass',
    message: { text: entry.message || `A ${entry.ruleId} finding of the baseline, no longer found.` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(root, `${root}/${entry.file}`) } }],
    partialFingerprints: { [fingerprintKey]: entry.fingerprint },
    baselineState: 'absent',
  };
}

const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const helpUri = docsUrl(meta.id);
  const full = meta.provision ? `${meta.description} Provision: ${meta.provision}.` : meta.description;
  return {
    id: meta.id,
    ...friendlyName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: full },
    helpUri,
    // GitHub code scanning requires `help`; it shows the markdown on the alert page.
    help: { text: `${full} Documentation: ${helpUri}`, markdown: `${full}\n\n[Documentation](${helpUri})` },
    // A rule off by default is listed as SARIF says: not enabled, at the level it reports at when turned on.
    defaultConfiguration:
      meta.defaultSeverity === 'off' ? { enabled: false, level: level('info') } : { level: level(meta.defaultSeverity) },
    properties: { tags: ['privacy', 'APPI'] },
  };
}

function sarifResult(root: string, finding: Finding): Sarif.Result {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined && { ruleIndex: index }),
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(root, finding.file, finding.range) }],
    ...(finding.related.length > 0 && {
      relatedLocations: finding.related.map((related, id) => ({
        id,
        physicalLocation: physicalLocation(root, related.file, related.range),
        message: { text: related.message },
      })),
    }),
    // A use reached through calls: the way from the call in the context to the use, as one thread of steps.
    ...(finding.path && {
      codeFlows: [
        {
          threadFlows: [
            {
              locations: finding.path.map((step) => ({
                location: { physicalLocation: physicalLocation(root, step.file, step.range), message: { text: step.message } },
              })),
            },
          ],
        },
      ],
    }),
    ...(finding.suppressed && {
      suppressions: [{ kind: 'inSource', ...(finding.suppressed.reason && { justification: finding.suppressed.reason }) }],
    }),
  };
}

function notification(root: string, notice: Notice): Sarif.Notification {
  return {
    level: 'warning',
    message: { text: sentence(notice.message) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(root, notice.file) } }],
  };
}

/** What was not checked (README, "What a clean run means"), for dashboards: the totals and each file's count. */
function coverageProperty(root: string, coverage: Coverage) {
  const counts = new Map<string, number>();
  for (const item of coverage.unchecked) counts.set(item.file, (counts.get(item.file) ?? 0) + 1);
  return {
    total: coverage.total,
    byKind: coverage.byKind,
    files: [...counts].map(([file, count]) => ({ file: displayPath(root, file), count })).sort((a, b) => (a.file < b.file ? -1 : 1)),
  };
}

const notificationId = (kind: UncheckedKind) => `not-checked/${kind}`;

const kindDescriptions: Readonly<Record<UncheckedKind, string>> = {
  'untyped-read':
    "Reads of a tagged field's name on values typed `any`, an error type or an unresolved import: possibly personal information, not checked.",
  'unreached-use': 'Uses of tagged fields in code that no context reaches: not checked against any purpose.',
  'missing-package': 'Imports of packages that are not installed: what the code takes from them is not checked.',
  'missing-extends': 'tsconfig.json files whose extends cannot be found: their projects are checked without the options it would give.',
  'project-not-loaded': 'Projects that could not be loaded: their files are checked as files of no project.',
  'missing-prisma-client': 'Prisma schemas whose client has not been generated: the uses of their models are not found.',
  'incomplete-analysis': 'Files not fully analysed (too large, not text, not a regular file, too deeply nested, a rule that failed).',
};

const coverageUri = 'https://github.com/appi-guard/appi-guard/blob/main/README.md#what-a-clean-run-means';

function notificationDescriptor(kind: UncheckedKind): Sarif.ReportingDescriptor {
  const text = kindDescriptions[kind];
  return {
    id: notificationId(kind),
    shortDescription: { text },
    fullDescription: { text },
    helpUri: coverageUri,
    // GitHub code scanning requires `help` of every descriptor, notifications' too.
    help: { text: `${text} What a clean run means: ${coverageUri}`, markdown: `${text}\n\n[What a clean run means](${coverageUri})` },
  };
}

/** One notification per kind of place not checked, with its count and every place. */
function uncheckedNotifications(root: string, coverage: Coverage): Sarif.Notification[] {
  return uncheckedKinds.flatMap((kind, index) => {
    const items = coverage.unchecked.filter((item) => item.kind === kind);
    if (items.length === 0) return [];
    return [
      {
        level: 'note',
        descriptor: { id: notificationId(kind), index },
        message: { text: `Not checked: ${uncheckedSummary(kind, items)}.` },
        locations: items.map((item) => ({
          physicalLocation: {
            artifactLocation: artifactLocation(root, item.file),
            ...(item.range && { region: region(item.range) }),
          },
          message: { text: sentence(describeUnchecked(item)) },
        })),
      },
    ];
  });
}

function physicalLocation(root: string, file: string, range: Range): Sarif.PhysicalLocation {
  return {
    artifactLocation: artifactLocation(root, file),
    region: region(range),
  };
}

/** SARIF counts lines and columns from 1, the engine from 0; the end column is exclusive in both. */
function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Relative to `%SRCROOT%` when inside the analysed folder; a register named outside it gets an absolute `file:` URI. */
function artifactLocation(root: string, file: string): Sarif.ArtifactLocation {
  if (!isInside(root, file)) return { uri: pathToFileURL(file).href };
  const relative = file.slice(root.replace(/\/+$/, '').length + 1);
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: srcRoot };
}

/** A base URI must end with a slash, or the last segment of the folder is dropped when resolving against it. */
function directoryUri(root: string): string {
  const uri = pathToFileURL(root).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function level(severity: Severity): Sarif.Result.level {
  return severity === 'info' || severity === 'hint' ? 'note' : severity;
}

/** `UseBeyondPurpose` for `use-beyond-purpose`; none for a one-word id, as SARIF wants a name to differ from the id. */
function friendlyName(id: string): Pick<Sarif.ReportingDescriptor, 'name'> {
  const name = id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? {} : { name };
}

/** SARIF messages are sentences; the engine's notices are terse phrases. */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
