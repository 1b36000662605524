import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { shownFindings } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { clinicCopy } from './fixtures';

describe('workspace-wide diagnostics', () => {
  const root = clinicCopy();
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it("publishes every finding of every file on start, without opening any: the CLI's findings", async () => {
    const findings = await shownFindings(root);
    const expected = findings
      .map((f) => `${uriOf(path.resolve(root, f.file))}:${f.range.start.line}:${f.range.start.character} ${f.ruleId}`)
      .sort();
    const published = [...client.diagnostics]
      .flatMap(([uri, { diagnostics }]) =>
        diagnostics.map((d) => `${uri}:${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
      )
      .sort();
    assert.ok(expected.length > 20);
    assert.deepEqual(published, expected);
  });

  it("publishes the register's findings too, with the rule, its docs and related places", () => {
    const register = client.diagnosticsOf(path.join(root, 'pi-register.yaml'));
    assert.deepEqual(register.map((d) => d.code).sort(), ['register-incomplete', 'register-invalid', 'register-mismatch']);
    const campaign = client.diagnosticsOf(path.join(root, 'apps/clinic/src/marketing/campaign.ts'));
    const use = campaign.find((d) => d.code === 'use-beyond-purpose')!;
    assert.equal(use.source, 'appi-guard');
    assert.equal(use.severity, 1);
    assert.match(use.codeDescription!.href, /docs\/rules\/use-beyond-purpose\.md$/);
    // The sample is an administrative organ's: its messages cite Chapter V, with the former article.
    assert.match(use.message as string, /APPI Art\. 61\(2\) and 69\(1\) \(formerly Act No\. 58 of 2003 Art\. 3\(2\) and 8\(1\)\)/);
    assert.ok(use.relatedInformation!.some((related) => related.location.uri.endsWith('packages/model/src/patient.ts')));
  });

  it('shows progress the user can cancel, files done of total, and a status with the counts', () => {
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(client.progress.some((p) => p.value.kind === 'report' && /^\d+\/\d+ files$/.test(p.value.message ?? '')));
    const last = client.statuses.at(-1)!;
    assert.deepEqual({ state: last.state, errors: last.errors, warnings: last.warnings }, { state: 'idle', errors: 22, warnings: 9 });
    assert.ok(client.statuses.some((status) => status.state === 'analysing' && status.total! > 20));
  });

  it('registers for watched files and settings changes', () => {
    assert.deepEqual(client.registrations.sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  });
});
