import * as assert from 'node:assert/strict';
import type { Finding, Fix, FileEdit, Severity } from 'appi-guard-server/base/finding';
import { Workspace, type AnalysisResult } from 'appi-guard-server/engine/workspace';
import { parseFixture, renderFixture, root, type Fixture, type Marker } from './fixture';
import { MemoryHost } from './memory-host';
import { rules } from 'appi-guard-server/rules/index';

export interface CheckOptions {
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Register path relative to the root, when not `pi-register.yaml`. */
  readonly registerPath?: string;
  /** Extra raw files (bytes), relative to the root. */
  readonly raw?: Readonly<Record<string, Uint8Array | string>>;
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
  const workspace = new Workspace({
    root,
    rules,
    host,
    ...(options.severities && { severities: options.severities }),
    ...(options.registerPath && { registerPath: `${root}/${options.registerPath}` }),
  });
  const result = await workspace.analyseWorkspace();
  return { fixture, host, workspace, result };
}

/** Analyses the fixture and asserts that its findings are exactly the ones its markers name. */
export async function check(source: string, options: CheckOptions = {}): Promise<Analysed> {
  const analysed = await analyse(source, options);
  const { fixture, workspace, result } = analysed;
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
 * without markers). Files the fix creates appear in `after` too.
 */
export async function checkFix(before: string, after: string, selector: FixSelector, options: CheckOptions = {}): Promise<Analysed> {
  const analysed = await analyse(before, options);
  const { workspace, result, fixture } = analysed;
  const fix = findFix(workspace, result.findings, selector);
  const files = new Map(fixture.files);
  applyEdits(files, fix.edits);
  const expected = parseFixture(after);
  assert.equal(renderFixture(files, []), renderFixture(expected.files, []));
  return analysed;
}

export function findFix(workspace: Workspace, findings: readonly Finding[], selector: FixSelector): Fix {
  const matches = (fix: Fix) => (typeof selector.title === 'string' ? fix.title.startsWith(selector.title) : selector.title.test(fix.title));
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
    let text = files.get(file) ?? '';
    for (const edit of [...list].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    files.set(file, text);
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
