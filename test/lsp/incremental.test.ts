import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { shownFindings, workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { codes, purposes, purposesWorkspace } from './fixtures';

describe('incremental analysis', () => {
  const root = purposesWorkspace();
  const patient = path.join(root, 'model/patient.ts');
  const campaign = path.join(root, 'app/campaign.ts');
  const register = path.join(root, 'pi-register.yaml');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('starts with the use beyond purpose in the file that uses the schema', () => {
    assert.deepEqual(codes(client.diagnosticsOf(campaign)), ['use-beyond-purpose']);
  });

  it("re-publishes another file when a schema's @purpose is edited, and clears it when it becomes clean", async () => {
    await client.open(patient);
    const text = fs.readFileSync(patient, 'utf8');
    await client.change(patient, text.replace('@purpose treatment', '@purpose treatment marketing'));
    await client.diagnosticsWhere(campaign, 'cleared', (diagnostics) => diagnostics.length === 0);
    await client.change(patient, text);
    await client.diagnosticsWhere(campaign, 'the use again', (diagnostics) => codes(diagnostics).includes('use-beyond-purpose'));
    await client.close(patient);
  });

  it("publishes an open document's diagnostics with the version they were computed for", async () => {
    await client.open(campaign);
    const text = fs.readFileSync(campaign, 'utf8');
    const version = await client.change(campaign, text.replace('@purpose marketing', '@purpose markting'));
    const published = await client.until('campaign.ts at its new version', () => {
      const current = client.diagnostics.get(uriOf(campaign));
      return current?.version === version ? current : undefined;
    });
    assert.deepEqual(codes(published.diagnostics), ['use-beyond-purpose', 'unknown-purpose']);
    await client.change(campaign, text);
    await client.diagnosticsWhere(campaign, 'the use again', (diagnostics) => codes(diagnostics).includes('use-beyond-purpose'));
    await client.close(campaign);
  });

  it('re-publishes the code when the register is edited in the editor', async () => {
    await client.open(register);
    const text = fs.readFileSync(register, 'utf8');
    await client.change(register, text.replace('  - id: marketing\n', ''));
    const diagnostics = await client.diagnosticsWhere(campaign, 'an unknown purpose', (d) => codes(d).includes('unknown-purpose'));
    assert.equal(diagnostics.find((d) => d.code === 'unknown-purpose')!.range.start.line, 2);
    await client.change(register, text);
    await client.diagnosticsWhere(campaign, 'no unknown purpose', (d) => !codes(d).includes('unknown-purpose'));
    await client.close(register);
  });

  it('picks up files created and deleted on disk', async () => {
    const added = path.join(root, 'app/letters.ts');
    fs.writeFileSync(
      added,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text for the fixture
      "import type { Patient } from '../model/patient';\n\n/** @purpose marketing */\nexport const letter = (p: Patient) => `Dear ${p.name}`;\n",
    );
    await client.watched([{ file: added, type: 'created' }]);
    await client.diagnosticsWhere(added, 'a use beyond purpose', (d) => codes(d).includes('use-beyond-purpose'));
    fs.rmSync(added);
    await client.watched([{ file: added, type: 'deleted' }]);
    await client.diagnosticsWhere(added, 'cleared', (d) => d.length === 0);
  });

  it('publishes a use reached through a helper in the file with the context, and clears it when the helper stops reading', async () => {
    const helper = path.join(root, 'app/format.ts');
    const letters = path.join(root, 'app/letters.ts');
    const helperText = "import type { Patient } from '../model/patient';\nexport const nameOf = (p: Patient) => p.name;\n";
    fs.writeFileSync(helper, helperText);
    fs.writeFileSync(
      letters,
      "import type { Patient } from '../model/patient';\nimport { nameOf } from './format';\n\n/** @purpose marketing */\nexport const letter = (p: Patient) => nameOf(p);\n",
    );
    await client.watched([
      { file: helper, type: 'created' },
      { file: letters, type: 'created' },
    ]);
    const [reached] = await client.diagnosticsWhere(letters, 'the reached use', (d) => codes(d).includes('use-beyond-purpose'));
    assert.deepEqual(reached!.range.start, { line: 4, character: 38 });
    assert.match(reached!.message as string, /`letter` \(marketing\) → `nameOf` → reads `Patient\.name`/);
    assert.deepEqual(client.diagnosticsOf(helper), []);
    await client.open(helper);
    await client.change(helper, helperText.replace('p.name', 'p.id'));
    await client.diagnosticsWhere(letters, 'cleared', (d) => d.length === 0);
    await client.change(helper, helperText);
    await client.diagnosticsWhere(letters, 'the reached use again', (d) => codes(d).includes('use-beyond-purpose'));
    await client.close(helper);
    for (const file of [helper, letters]) fs.rmSync(file);
    await client.watched([
      { file: helper, type: 'deleted' },
      { file: letters, type: 'deleted' },
    ]);
    await client.diagnosticsWhere(letters, 'gone with the file', (d) => d.length === 0);
  });

  it('picks up a changed register and tsconfig.json on disk without a restart', async () => {
    fs.writeFileSync(
      register,
      purposes['pi-register.yaml'].replace('- id: marketing', '- id: marketting').replace(/^\n/, '').replace(/^ {4}/gm, ''),
    );
    await client.watched([{ file: register, type: 'changed' }]);
    await client.diagnosticsWhere(campaign, 'an unknown purpose', (d) => codes(d).includes('unknown-purpose'));
    const tsconfig = path.join(root, 'tsconfig.json');
    fs.writeFileSync(tsconfig, '{ "compilerOptions": { "strict": true }, "include": ["model/**/*.ts"] }');
    await client.watched([{ file: tsconfig, type: 'changed' }]);
    // Out of the project, the file is in the inferred one: still analysed, with the same findings.
    await client.diagnosticsWhere(campaign, 'still analysed', (d) => codes(d).includes('unknown-purpose'));
  });
});

describe('a document opened at start-up', () => {
  const root = purposesWorkspace();
  const campaign = path.join(root, 'app/campaign.ts');
  let client: LspClient;
  // Opened right after initialized, before the server has its settings and folders, as Neovim and Emacs do.
  serverForSuite({ folders: [root] }, (started) => {
    client = started;
    void client.open(campaign, fs.readFileSync(campaign, 'utf8').replace('return p.name;', 'return p.id;'));
  });

  it("is analysed from the editor's text, not the disk's, and published with its version", async () => {
    const published = await client.until('campaign.ts at version 1', () => {
      const current = client.diagnostics.get(uriOf(campaign));
      return current?.version === 1 ? current : undefined;
    });
    await client.idle();
    assert.deepEqual(client.diagnostics.get(uriOf(campaign)), { version: 1, diagnostics: [] }, JSON.stringify(published));
  });
});

describe('files the projects did not hold at start-up', () => {
  const root = purposesWorkspace();
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('analyses a file created on disk without a word from a file watcher, once the editor opens it', async () => {
    const created = path.join(root, 'app/created.ts');
    const text =
      "import type { Patient } from '../model/patient';\n\n/** @purpose marketing */\nexport const mail = (p: Patient) => p.name;\n";
    fs.writeFileSync(created, text);
    await client.open(created, text);
    await client.diagnosticsWhere(created, 'its use beyond purpose', (d) => codes(d).includes('use-beyond-purpose'));
  });

  it('says of an unsaved buffer that no project holds that it was not analysed, rather than show it clean', async () => {
    const unsaved = path.join(root, 'app/unsaved.ts');
    await client.open(unsaved, "import type { Patient } from '../model/patient';\nexport const n = (p: Patient) => p.name;\n");
    const [said] = await client.diagnosticsWhere(unsaved, 'a word that it was not analysed', (d) => d.length > 0);
    assert.equal(said!.code, 'incomplete-analysis');
    assert.match(said!.message as string, /not part of any project/);
  });
});

describe('open, edit, close and reopen, as fast as a client can send them', () => {
  const root = purposesWorkspace();
  const campaign = path.join(root, 'app/campaign.ts');
  const disk = fs.readFileSync(campaign, 'utf8');
  /** Texts that each give other findings: the use beyond purpose, none, an unknown purpose. */
  const texts = [disk, disk.replace('return p.name;', 'return p.id;'), disk.replace('@purpose marketing', '@purpose markting')];
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  /** What the command line finds with `text` as the file's content: what the editor must show for that buffer. */
  async function fresh(text: string): Promise<string[]> {
    const copy = workspace({ ...purposes, 'app/campaign.ts': text });
    return (await shownFindings(copy)).filter((f) => f.file === 'app/campaign.ts').map((f) => `${f.line}:${f.column} ${f.ruleId}`);
  }

  it('ends with the findings of the last text, whatever the order (seeded sequences)', async () => {
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 6; round++) {
      let open = false;
      let last = disk;
      for (let step = 0; step < 40; step++) {
        const action = next(4);
        if (!open) {
          last = texts[next(texts.length)]!;
          await client.open(campaign, last);
          open = true;
        } else if (action === 0) {
          await client.close(campaign);
          open = false;
          last = disk;
        } else {
          last = texts[next(texts.length)]!;
          await client.change(campaign, last);
        }
      }
      const since = client.statuses.length;
      await client.idle(since);
      const expected = await fresh(last);
      const shown = () => client.diagnosticsOf(campaign).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
      await client.until(`round ${round}: the findings of the last text (${JSON.stringify(expected)})`, () =>
        JSON.stringify(shown()) === JSON.stringify(expected) ? true : undefined,
      );
      if (open) await client.close(campaign);
    }
  });
});
