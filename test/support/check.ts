import * as assert from 'node:assert/strict';
import { applyEdits as applyText, type FileEdit, type Finding, type Fix, type Notice, type Severity } from 'appi-guard-server/base/finding';
import type { AnalysisSettings } from 'appi-guard-server/engine/settings';
import { type AnalysisResult, Workspace } from 'appi-guard-server/engine/workspace';
import { rules, rulesById } from 'appi-guard-server/rules/index';
import { type Fixture, type Marker, parseFixture, renderFixture, root } from './fixture';
import { MemoryHost } from './memory-host';
import { type InstalledPackage, mountPackages } from './packages';
import { assertTypeErrors } from './typecheck';

export interface CheckOptions {
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** What users set for the analysis (packages that are sinks). */
  readonly settings?: AnalysisSettings;
  /** Register path relative to the root, when not `pi-register.yaml`. */
  readonly registerPath?: string;
  /** Extra raw files (bytes), relative to the root. */
  readonly raw?: Readonly<Record<string, Uint8Array | string>>;
  /**
   * The TypeScript error codes the fixture's files are written to have (each at least once, and no
   * other), for cases about broken code. By default a fixture must type-check (`raw` files aside).
   */
  readonly typeErrors?: readonly number[];
  /**
   * The notices the analysis is expected to give, each `path: message` with the path relative to the
   * root, in the engine's order. By default there must be none.
   */
  readonly notices?: readonly string[];
  /** Real packages the workspace has installed (`support/packages.ts`). */
  readonly packages?: readonly InstalledPackage[];
}

export interface Analysed {
  readonly fixture: Fixture;
  readonly host: MemoryHost;
  readonly workspace: Workspace;
  readonly result: AnalysisResult;
}

export async function analyse(source: string, options: CheckOptions = {}): Promise<Analysed> {
  const fixture = parseFixture(source);
  const host = new MemoryHost(Object.fromEntries(fixture.files));
  for (const [path, content] of Object.entries(options.raw ?? {})) host.write(`${root}/${path}`, content);
  mountPackages(host, root, options.packages ?? []);
  const workspace = new Workspace({
    root,
    rules,
    host,
    ...(options.severities && { severities: options.severities }),
    ...(options.settings && { settings: options.settings }),
    ...(options.registerPath && { registerPath: `${root}/${options.registerPath}` }),
  });
  const result = await workspace.analyseWorkspace();
  assertTypeErrors(fixture.files, options.typeErrors, options.packages);
  assertNotices(result.notices, options.notices);
  return { fixture, host, workspace, result };
}

/**
 * Analyses the fixture and asserts that its findings are exactly the ones its markers name. Like every
 * helper here, it fails on a fixture with TypeScript errors or an analysis with notices that the case
 * does not expect (`typeErrors`, `notices`), so that broken input cannot pass as "no findings".
 */
export async function check(source: string, options: CheckOptions = {}): Promise<Analysed> {
  const analysed = await analyse(source, options);
  const { fixture, workspace, result } = analysed;
  assertKnownRules(fixture.markers);
  const actual = result.findings.map((finding) => markerOf(finding, workspace));
  const stray = actual.filter((marker) => !fixture.files.has(marker.file));
  assert.deepEqual(stray, [], 'findings in files outside the fixture');
  assert.equal(renderFixture(fixture.files, actual), renderFixture(fixture.files, fixture.markers));
  return analysed;
}

export interface FixSelector {
  /** The fix's title starts with this, or matches it. */
  readonly title: string | RegExp;
  readonly rule?: string;
}

/**
 * Applies one fix of the fixture's findings and compares every file afterwards with `after` (a fixture
 * without markers). Files the fix creates appear in `after` too. The fixed files must type-check too.
 */
export async function checkFix(before: string, after: string, selector: FixSelector, options: CheckOptions = {}): Promise<Analysed> {
  const analysed = await analyse(before, options);
  const { workspace, result, fixture } = analysed;
  const fix = findFix(workspace, result.findings, selector);
  const files = new Map(fixture.files);
  applyEdits(files, fix.edits);
  const expected = parseFixture(after);
  assert.equal(renderFixture(files, []), renderFixture(expected.files, []));
  assertTypeErrors(files, options.typeErrors, options.packages);
  return analysed;
}

/** Asserts that the notices are exactly `expected` (`path: message`, the path relative to the root). */
export function assertNotices(notices: readonly Notice[], expected: readonly string[] = []): void {
  const relative = (file: string) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
  assert.deepEqual(
    notices.map((notice) => `${relative(notice.file)}: ${notice.message}`),
    expected,
    'the analysis gave notices the case does not expect (say so with `notices`)',
  );
}

/** Asserts that every marker names a rule that exists: a misspelt rule id is a broken fixture, not a finding. */
export function assertKnownRules(markers: readonly Marker[]): void {
  const unknown = markers.map((marker) => marker.label.split(' ')[0]!).filter((id) => !rulesById.has(id));
  assert.deepEqual(unknown, [], `markers name rules that do not exist (the rules: ${[...rulesById.keys()].join(', ')})`);
}

export function findFix(workspace: Workspace, findings: readonly Finding[], selector: FixSelector): Fix {
  if (selector.rule) assert.ok(rulesById.has(selector.rule), `no rule ${selector.rule}`);
  const matches = (fix: Fix) =>
    typeof selector.title === 'string' ? fix.title.startsWith(selector.title) : selector.title.test(fix.title);
  const offered: string[] = [];
  for (const finding of findings) {
    if (selector.rule && finding.ruleId !== selector.rule) continue;
    for (const fix of workspace.fixes(finding)) {
      if (matches(fix)) return fix;
      offered.push(`${finding.ruleId}: ${fix.title}`);
    }
  }
  assert.fail(`no fix titled ${String(selector.title)}; offered:\n${offered.join('\n')}`);
}

/** Applies edits the way an editor does: each file's edits from the end, so offsets stay valid. */
export function applyEdits(files: Map<string, string>, edits: readonly FileEdit[]): void {
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, list] of byFile) {
    files.set(file, applyText(files.get(file) ?? '', list));
  }
}

/** A finding as a marker: rule id, `+fix` when it has fixes, `(suppressed)` when a comment covers it. */
export function markerOf(finding: Finding, workspace: Workspace): Marker {
  const { start, end } = finding.range;
  const length = start.line === end.line ? end.character - start.character : lineLength(workspace, finding) - start.character;
  const flags = [workspace.fixes(finding).length > 0 ? '+fix' : '', finding.suppressed ? '(suppressed)' : ''].filter(Boolean);
  return { file: finding.file, line: start.line, column: start.character, length, label: [finding.ruleId, ...flags].join(' ') };
}

function lineLength(workspace: Workspace, finding: Finding): number {
  const text = workspace.text(finding.file) ?? '';
  return text.split('\n')[finding.range.start.line]?.length ?? 0;
}
