/**
 * The baseline in the editor, over stdio: findings that `appi-guard baseline` wrote are shown as hints
 * that say so (or hidden, as `appiGuard.baselinedFindings` says), the others as they are; a baseline
 * written again on disk is read again; possibly-personal's suggestions arrive as hints.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { DiagnosticSeverity, DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { runCli, workspace } from '../support/cli';
import { type LspClient, serverForSuite } from '../support/lsp-client';

const files = {
  'tsconfig.json': '{ "include": ["**/*.ts"] }',
  'model.ts': `
    /** @purpose treatment */
    export interface Patient {
      /** @personal name */ name: string;
      /** @specialCare medical-history */ diagnosis: string;
      email: string;
    }
  `,
  'letters.ts': `
    import type { Patient } from './model';
    /** @purpose marketing */
    export function invite(p: Patient) {
      return 'Dear ' + p.name;
    }
  `,
};

describe('the baseline in the editor', () => {
  const root = workspace(files);
  const letters = path.join(root, 'letters.ts');
  const model = path.join(root, 'model.ts');
  let client: LspClient;

  before(async () => {
    // Today's finding, frozen before the server starts; then a new one is written.
    const run = await runCli(['baseline', root]);
    assert.equal(run.status, 0, run.stderr);
    fs.writeFileSync(letters, fs.readFileSync(letters, 'utf8').replace("'Dear ' + p.name;", "'Dear ' + p.name + p.diagnosis;"));
  });
  serverForSuite({ folders: [root] }, (started) => (client = started));

  const shown = () =>
    client
      .diagnosticsOf(letters)
      .map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${(diagnostic.message as string).slice(0, 40)}`)
      .sort();

  it('shows a finding the baseline holds as a hint that says so, and a new one as it is', () => {
    assert.deepEqual(shown(), [
      `use-beyond-purpose ${DiagnosticSeverity.Error} \`Patient.diagnosis\` (special care-requir`,
      `use-beyond-purpose ${DiagnosticSeverity.Hint} In the baseline: \`Patient.name\` (persona`,
    ]);
    // A suggestion is a hint of its own.
    assert.deepEqual(
      client.diagnosticsOf(model).map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['possibly-personal', DiagnosticSeverity.Hint]],
    );
  });

  it('hides baselined findings when the setting says so', async () => {
    client.settings = { baselinedFindings: 'hide' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.diagnosticsWhere(letters, 'the baselined finding hidden', (diagnostics) => diagnostics.length === 1);
    assert.deepEqual(shown(), [`use-beyond-purpose ${DiagnosticSeverity.Error} \`Patient.diagnosis\` (special care-requir`]);
  });

  it('reads the baseline again when it is written again', async () => {
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.diagnosticsWhere(letters, 'the hint back', (diagnostics) => diagnostics.length === 2);
    const run = await runCli(['baseline', root]);
    assert.equal(run.status, 0, run.stderr);
    await client.watched([{ file: path.join(root, 'appi-guard-baseline.json'), type: 'changed' }]);
    await client.diagnosticsWhere(letters, 'both findings in the baseline', (diagnostics) =>
      diagnostics.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Hint),
    );
  });
});
