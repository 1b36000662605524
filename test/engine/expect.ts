/**
 * Engine tests that drive one Workspace through a sequence of changes: a fixture loads it, and after each
 * change a fixture of the files' current texts, with markers, says which findings there must be.
 */
import * as assert from 'node:assert/strict';
import { Workspace } from 'appi-guard-server/engine/workspace';
import type { Finding } from 'appi-guard-server/base/finding';
import { markerOf } from '../support/check';
import { parseFixture, renderFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';
import { rules } from 'appi-guard-server/rules/index';

/** A MemoryHost that logs every read, so a test can say that an answer came from open buffers alone. */
export class RecordingHost extends MemoryHost {
  readonly reads: string[] = [];

  override readFile(path: string): Uint8Array | string | undefined {
    this.reads.push(path);
    return super.readFile(path);
  }
}

export interface Loaded {
  readonly host: RecordingHost;
  readonly workspace: Workspace;
}

/** The fixture's files on a RecordingHost, and a Workspace over them that has analysed nothing yet. */
export function load(source: string): Loaded {
  const host = new RecordingHost(Object.fromEntries(parseFixture(source).files));
  return { host, workspace: new Workspace({ rules, root, host }) };
}

/**
 * Asserts that `findings` are exactly the markers of `expected`, and that the fixture's texts are the
 * workspace's current texts (so the markers point where the engine looked). Findings in files that the
 * fixture leaves out fail the assertion too.
 */
export function assertFindings(workspace: Workspace, findings: readonly Finding[], expected: string): void {
  const fixture = parseFixture(expected);
  for (const [file, text] of fixture.files) assert.equal(workspace.text(file), text, `the current text of ${file}`);
  const actual = findings.map((finding) => markerOf(finding, workspace));
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
