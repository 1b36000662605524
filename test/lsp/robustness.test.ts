import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DefinitionRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { codes, purposes } from './fixtures';

/**
 * Letters that use a patient's name beyond its purpose, `uses` times each. Enough files, each with enough
 * uses (a few milliseconds of analysis a file), that the first run is still going when the user cancels
 * it, however fast the machine: the cancellation reaches the server some tens of milliseconds after it
 * begins.
 */
function manyFiles(count: number, uses = 1): Record<string, string> {
  const files: Record<string, string> = { ...purposes };
  // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text for the fixture
  const lines = Array.from({ length: uses }, () => '`Dear ${p.name}`').join(',\n');
  for (let i = 0; i < count; i++) {
    files[`app/letters/letter-${i}.ts`] = `
      import type { Patient } from '../../model/patient';

      /** @purpose marketing */
      export const letter${i} = (p: Patient) => [
        ${lines}
      ];
    `;
  }
  return files;
}

describe('cancelling the workspace run', () => {
  const count = 400;
  const uses = 80;
  const root = workspace(manyFiles(count, uses));
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started), { settle: false });

  const analysed = () => [...client.diagnostics.keys()].filter((uri) => uri.includes('/letters/')).length;

  it('stops when the user cancels its progress, and says analysis is paused', async () => {
    const begun = await client.until('the progress beginning', () => client.progress.find((p) => p.value.kind === 'begin'));
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begun.token });
    const paused = await client.idle(0, ['paused']);
    assert.match(paused.detail!, /cancelled/);
    assert.ok(analysed() < count, `${analysed()} of ${count} files analysed after cancelling`);
    assert.equal(client.progress.at(-1)!.value.kind, 'end');
  });

  it('still analyses a file the user opens', async () => {
    const unanalysed = Array.from({ length: count }, (_, i) => path.join(root, `app/letters/letter-${i}.ts`)).find(
      (file) => !client.diagnostics.has(uriOf(file)),
    )!;
    await client.open(unanalysed);
    await client.diagnosticsWhere(unanalysed, 'its use beyond purpose', (d) => codes(d).includes('use-beyond-purpose'));
  });

  it("analyses the file being edited first, before the rest of the workspace's run", async () => {
    const edited = path.join(root, 'app/letters/letter-300.ts');
    await client.open(edited);
    const since = client.events.length;
    const statuses = client.statuses.length;
    await client.change(edited, fs.readFileSync(edited, 'utf8').replace('@purpose marketing', '@purpose treatment'));
    await client.diagnosticsWhere(edited, 'its use now within purpose', (d) => d.length === 0);
    const events = client.events.slice(since);
    const published = events.indexOf(`publish ${uriOf(edited)}`);
    assert.deepEqual(
      events.slice(0, published).filter((event) => event.startsWith('status')),
      [],
      'published before any progress of the run',
    );
    await client.idle(statuses, ['idle', 'paused']);
    // Closed unsaved, the file is what the disk holds again: its findings too, paused or not.
    await client.close(edited);
    await client.diagnosticsWhere(edited, "the disk text's use beyond purpose", (d) => codes(d).includes('use-beyond-purpose'));
  });

  it('analyses the whole workspace again on request', async () => {
    const since = client.statuses.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'appiGuard.reanalyseWorkspace' });
    const idle = await client.idle(since);
    assert.equal(analysed(), count);
    // One finding a letter: its reads of `name` in one function are one group.
    assert.equal(idle.errors, count + 1);
  });
});

describe('memory', () => {
  const root = workspace(manyFiles(20));
  let client: LspClient;
  // A bound every workspace passes at once: the run stops after its first file.
  serverForSuite({ folders: [root], env: { APPI_GUARD_MAX_HEAP_MB: '1' } }, (started) => (client = started), { settle: false });

  it('stops the workspace run past its memory bound, says so, and still analyses the files the user opens', async () => {
    const paused = await client.idle(0, ['paused']);
    assert.match(paused.detail!, /memory is short/);
    assert.ok(client.logs.some((line) => line.includes('analysis paused: memory is short')));
    const letter = path.join(root, 'app/letters/letter-7.ts');
    assert.equal(client.diagnostics.has(uriOf(letter)), false, 'not analysed by the stopped run');
    await client.open(letter);
    await client.diagnosticsWhere(letter, 'its use beyond purpose', (d) => codes(d).includes('use-beyond-purpose'));
  });
});

describe('memory: the garbage edits leave', () => {
  const root = workspace(manyFiles(5));
  let client: LspClient;
  // Quiet for 50 ms, and any growth at all: what 1.5× growth is on a large workspace, in a test's time.
  serverForSuite({ folders: [root], env: { APPI_GUARD_IDLE_COLLECT: '50,0' } }, (started) => (client = started));

  it('is collected once the server is quiet after edits, and the log says how much', async () => {
    const letter = path.join(root, 'app/letters/letter-2.ts');
    const text = fs.readFileSync(letter, 'utf8');
    await client.open(letter);
    const before = client.logs.length;
    for (const n of [1, 2, 3]) await client.change(letter, `${text}\nexport const edit${n} = ${n};\n`);
    await client.diagnosticsWhere(letter, 'its use beyond purpose after the edits', (d) => codes(d).includes('use-beyond-purpose'));
    const said = await client.until('a collection while idle', () =>
      client.logs.slice(before).find((line) => line.startsWith('heap collected while idle')),
    );
    assert.match(said, /^heap collected while idle: \d+ MB in use before, \d+ MB after$/);
  });
});

describe('bad input on the wire, and a failing rule', () => {
  const root = workspace({
    ...purposes,
    'model/visitor.ts': '/** @piFile "Visitors" */\nexport interface Visitor {\n  /** @personal name */ name: string;\n}\n',
  });
  const campaign = path.join(root, 'app/campaign.ts');
  const visitor = path.join(root, 'model/visitor.ts');
  let client: LspClient;
  serverForSuite(
    { folders: [root], env: { APPI_GUARD_FAIL_RULE: 'use-beyond-purpose', APPI_GUARD_FAIL_REQUEST: 'textDocument/definition' } },
    (started) => (client = started),
  );

  it("logs a rule that throws with its id, publishes the other rules' findings, and says the file was not fully analysed", () => {
    const [incomplete, ...others] = client.diagnosticsOf(campaign);
    assert.deepEqual(others, []);
    assert.equal(incomplete!.code, 'incomplete-analysis');
    assert.deepEqual(incomplete!.range.start, { line: 0, character: 0 });
    assert.match(incomplete!.message as string, /^APPI Guard did not fully analyse this file: rule use-beyond-purpose failed: /);
    assert.deepEqual(codes(client.diagnosticsOf(visitor)).sort(), ['incomplete-analysis', 'missing-purpose', 'unregistered-file']);
    assert.ok(
      client.logs.some((line) => line.includes('rule use-beyond-purpose failed')),
      client.logs.join('\n'),
    );
  });

  it('survives a message that is not JSON, and answers the next request', async () => {
    client.writeRaw('Content-Length: 12\r\n\r\n{"jsonrpc":2');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(campaign) },
      position: { line: 4, character: 11 },
    });
    assert.match(JSON.stringify(hover), /Patient\.name/);
    assert.equal(client.exitCode, null);
  });

  it('answers a request that fails with an error, logs it with its method, and goes on', async () => {
    const params = { textDocument: { uri: uriOf(campaign) }, position: { line: 4, character: 11 } };
    await assert.rejects(
      client.connection.sendRequest(DefinitionRequest.type, params),
      (error: { code?: number; message?: string }) => error.code === -32603 && /textDocument\/definition failed/.test(error.message ?? ''),
    );
    assert.ok(
      client.logs.some((line) => line.startsWith('textDocument/definition failed: Error: textDocument/definition failed on purpose')),
      client.logs.join('\n'),
    );
    assert.match(JSON.stringify(await client.connection.sendRequest(HoverRequest.type, params)), /Patient\.name/);
  });

  it('answers a request it does not know with an error, not silence', async () => {
    await assert.rejects(client.connection.sendRequest('appiGuard/noSuchRequest', {}), (error: { code?: number }) => error.code === -32601);
  });
});

for (const [what, make] of [
  ['a FIFO', (register: string) => execFileSync('mkfifo', [register])],
  ['a device', (register: string) => fs.symlinkSync('/dev/zero', register)],
] as const)
  describe(`a register that is ${what}`, () => {
    const root = workspace(purposes);
    const register = path.join(root, 'pi-register.yaml');
    fs.rmSync(register);
    make(register);
    let client: LspClient;
    serverForSuite({ folders: [root] }, (started) => (client = started));

    it('reports it as unreadable instead of reading it, and goes on answering', async () => {
      const [unreadable] = await client.diagnosticsWhere(register, 'the register reported', (d) => codes(d).includes('register-invalid'));
      assert.match(unreadable!.message as string, new RegExp(`not a regular file \\(${what}\\)`));
      assert.ok(client.residentMb() < 600, `${client.residentMb()} MB`);
      const campaign = path.join(root, 'app/campaign.ts');
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: uriOf(campaign) },
        position: { line: 4, character: 14 },
      });
      assert.ok(hover, 'a hover over `p.name` is answered');
    });
  });

describe('code nested too deeply to analyse', () => {
  const root = workspace({ ...purposes, 'gen/deep.ts': `export const deep = ${'['.repeat(5000)}${']'.repeat(5000)};\n` });
  const deep = path.join(root, 'gen/deep.ts');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('is shown as not fully analysed at its first line, not as clean', async () => {
    const [said] = await client.diagnosticsWhere(deep, 'a word that it was not analysed', (d) => d.length > 0);
    assert.equal(said!.code, 'incomplete-analysis');
    assert.deepEqual(said!.range.start, { line: 0, character: 0 });
    assert.match(said!.message as string, /nested too deeply/);
    assert.equal(client.statuses.at(-1)!.unchecked, 1);
  });
});

describe('settings', () => {
  const root = workspace({
    ...purposes,
    'config/other-register.yaml': 'organization: Minato Ward\npurposes:\n  - id: treatment\n',
    'app/audit.ts': `
      import { record } from 'audit-trail';
      import type { Patient } from '../model/patient';
      /** @purpose treatment */
      export const admitted = (p: Patient) => record(p);
    `,
  });
  const audit = path.join(root, 'app/audit.ts');
  const campaign = path.join(root, 'app/campaign.ts');
  let client: LspClient;
  serverForSuite({ folders: [root], settings: { rules: { 'use-beyond-purpose': 'warning' } } }, (started) => (client = started));

  const reconfigure = async (settings: Record<string, unknown>) => {
    client.settings = settings;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  it('reads per-rule severities from the folder', () => {
    assert.deepEqual(
      client.diagnosticsOf(campaign).map((d) => [d.code, d.severity]),
      [['use-beyond-purpose', 2]],
    );
  });

  it('re-reads them when they change: a rule turned off clears its diagnostics', async () => {
    await reconfigure({ rules: { 'use-beyond-purpose': 'off' } });
    await client.diagnosticsWhere(campaign, 'cleared', (d) => d.length === 0);
  });

  it('reads sinks the settings add to a kind: a package made a log sink logs personal data, and stops when taken out', async () => {
    assert.deepEqual(client.diagnosticsOf(audit), []);
    await reconfigure({ sinks: { log: ['audit-trail'] } });
    const [logged] = await client.diagnosticsWhere(audit, 'a log sink', (d) => codes(d).includes('personal-data-in-log'));
    assert.deepEqual(logged!.range.start, { line: 3, character: 47 });
    await reconfigure({ sinks: { log: [] } });
    await client.diagnosticsWhere(audit, 'cleared', (d) => d.length === 0);
  });

  it('reads the register from the path the settings name', async () => {
    await reconfigure({ registerPath: 'config/other-register.yaml' });
    await client.diagnosticsWhere(campaign, 'marketing unknown to the other register', (d) => codes(d).includes('unknown-purpose'));
  });

  it('publishes nothing for a folder where it is disabled, and says so', async () => {
    const since = client.statuses.length;
    await reconfigure({ enable: false });
    await client.diagnosticsWhere(campaign, 'cleared', (d) => d.length === 0);
    assert.equal((await client.idle(since, ['disabled'])).errors, 0);
  });

  it('keeps the defaults for settings of the wrong type, and says which', async () => {
    await reconfigure({ enable: 'yes', rules: { 'use-beyond-purpose': 'loud', 'no-such-rule': 'off' } });
    await client.diagnosticsWhere(campaign, 'the default severity', (d) =>
      d.some((x) => x.code === 'use-beyond-purpose' && x.severity === 1),
    );
    assert.ok(
      client.logs.some((line) => line.includes('appiGuard.rules.use-beyond-purpose: "loud" is not one of error, warning, info, hint, off')),
    );
    assert.ok(client.logs.some((line) => line.includes('appiGuard.rules: unknown rule "no-such-rule"')));
  });
});

describe('settings a client gives without being asked', () => {
  const root = workspace(purposes);
  const campaign = path.join(root, 'app/campaign.ts');
  let client: LspClient;
  serverForSuite(
    { folders: [root], pushSettings: true, settings: { rules: { 'use-beyond-purpose': 'warning' } } },
    (started) => (client = started),
  );

  it('reads initializationOptions, then settings pushed with didChangeConfiguration', async () => {
    assert.deepEqual(
      client.diagnosticsOf(campaign).map((d) => [d.code, d.severity]),
      [['use-beyond-purpose', 2]],
    );
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { appiGuard: { rules: { 'use-beyond-purpose': 'off' } } },
    });
    await client.diagnosticsWhere(campaign, 'cleared by the pushed severity', (d) => d.length === 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { appiGuard: { rules: {} } } });
    await client.diagnosticsWhere(campaign, 'the default severity again', (d) =>
      d.some((x) => x.code === 'use-beyond-purpose' && x.severity === 1),
    );
  });
});

describe('multi-root workspaces', () => {
  const first = workspace(purposes);
  const second = workspace(purposes);
  let client: LspClient;
  serverForSuite({ folders: [first, second] }, (started) => (client = started));

  it('analyses every folder, each against its own register', () => {
    for (const root of [first, second])
      assert.deepEqual(codes(client.diagnosticsOf(path.join(root, 'app/campaign.ts'))), ['use-beyond-purpose']);
  });

  it('clears a folder that is removed from the workspace', async () => {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uriOf(second), name: path.basename(second) }] },
    });
    await client.diagnosticsWhere(path.join(second, 'app/campaign.ts'), 'cleared', (d) => d.length === 0);
    assert.deepEqual(codes(client.diagnosticsOf(path.join(first, 'app/campaign.ts'))), ['use-beyond-purpose']);
  });
});
