/**
 * Engine tests that drive one Workspace through a sequence of changes: a fixture loads it, and after each
 * change a fixture of the files' current texts, with markers, says which findings there must be.
 */

import * as assert from 'node:assert/strict';
import type { Unreadable } from 'appi-guard-server/base/host';
import { type FileResult, Workspace } from 'appi-guard-server/engine/workspace';
import { rules } from 'appi-guard-server/rules/index';
import { assertKnownRules, assertNotices, markerOf } from '../support/check';
import { parseFixture, renderFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';
import { assertTypeErrors } from '../support/typecheck';

/** A MemoryHost that logs every read, so a test can say that an answer came from open buffers alone. */
export class RecordingHost extends MemoryHost {
  readonly reads: string[] = [];

  override readFile(path: string, limit: number): Uint8Array | string | Unreadable | undefined {
    this.reads.push(path);
    return super.readFile(path, limit);
  }
}

export interface Loaded {
  readonly host: RecordingHost;
  readonly workspace: Workspace;
}

export interface LoadOptions {
  /** The TypeScript error codes the fixture is written to have, as `check`'s option; by default none. */
  readonly typeErrors?: readonly number[];
}

/**
 * The fixture's files on a RecordingHost, and a Workspace over them that has analysed nothing yet. The
 * fixture must type-check, unless `typeErrors` says otherwise.
 */
export function load(source: string, options: LoadOptions = {}): Loaded {
  const { files } = parseFixture(source);
  assertTypeErrors(files, options.typeErrors);
  const host = new RecordingHost(Object.fromEntries(files));
  return { host, workspace: new Workspace({ rules, root, host }) };
}

export interface FindingsOptions {
  /** The notices the result is expected to have, as `check`'s option; by default none. */
  readonly notices?: readonly string[];
}

/**
 * Asserts that the result's findings are exactly the markers of `expected`, that it has no notices but
 * the expected ones, and that the fixture's texts are the workspace's current texts (so the markers point
 * where the engine looked). Findings in files that the fixture leaves out fail the assertion too.
 */
export function assertFindings(
  workspace: Workspace,
  result: Pick<FileResult, 'findings' | 'notices'>,
  expected: string,
  options: FindingsOptions = {},
): void {
  const fixture = parseFixture(expected);
  assertKnownRules(fixture.markers);
  for (const [file, text] of fixture.files) assert.equal(workspace.text(file), text, `the current text of ${file}`);
  assertNotices(result.notices, options.notices);
  const actual = result.findings.map((finding) => markerOf(finding, workspace));
  assert.deepEqual(
    actual.filter((marker) => !fixture.files.has(marker.file)),
    [],
    'findings in files outside the fixture',
  );
  assert.equal(renderFixture(fixture.files, actual), renderFixture(fixture.files, fixture.markers));
}

/** The clean text of one file of a fixture (markers removed), for `applyChange` and `host.write`. */
export function textOf(source: string, path: string): string {
  const text = parseFixture(source).files.get(`${root}/${path}`);
  assert.ok(text !== undefined, `the fixture has no ${path}`);
  return text;
}

export { root };
