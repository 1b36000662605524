/**
 * Broken and unusual input ("Broken input is data"): the run finishes, reports what it can, and says what it
 * skipped. Big inputs are generated here, never committed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { maxSourceBytes } from 'appi-guard-server/engine/source-text';
import { Workspace } from 'appi-guard-server/engine/workspace';
import { NodeHost, toPortable } from 'appi-guard-server/host/node-host';
import { rules } from 'appi-guard-server/rules/index';
import { analyse, check } from '../support/check';
import { parseFixture, root } from '../support/fixture';
import { textOf } from './expect';

const patient = `
  //- model/patient.ts
  /** @purpose treatment */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
  }
`;

/** A use beyond purpose, to show that the rest of the workspace is still analysed. */
const campaign = `
  //- app/campaign.ts
  import type { Patient } from '../model/patient';

  /** @purpose marketing */
  export function campaignFor(p: Patient) {
    return p.name;
    //       ^^^^ use-beyond-purpose +fix
  }
`;

describe('robustness: source files', () => {
  it('reports what it can in a file with syntax errors, and says that it has them', async () => {
    await check(
      `${patient}
      //- app/broken.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export function campaignFor(p: Patient) {
        const greeting = 'Dear ' + p.name;
        //                           ^^^^ use-beyond-purpose +fix
        return greeting +;
      }

      export const unfinished = {
    `,
      { typeErrors: [1005, 1109], notices: ['app/broken.ts: has syntax errors: findings may be incomplete'] },
    );
  });

  it('analyses empty and blank files without a word', async () => {
    const { result } = await check(`${patient}${campaign}
      //- app/empty.ts
      //- app/blank.ts


    `);
    assert.deepEqual(result.notices, []);
    assert.deepEqual(result.files, ['/ws/app/blank.ts', '/ws/app/campaign.ts', '/ws/app/empty.ts', '/ws/model/patient.ts']);
  });

  it('analyses a 5 MB generated file', async () => {
    const lines = ["import type { Patient } from '../model/patient';", 'export const table = ['];
    for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++)
      size += lines[lines.push(`  { id: ${i}, label: 'generated row number ${i} of the table' },`) - 1]!.length + 1;
    lines.push('];', '/** @purpose marketing */', 'export const last = (p: Patient) => p.name;');
    const started = Date.now();
    const { result } = await analyse(patient, { raw: { 'gen/table.ts': lines.join('\n') } });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.range.start.line, f.range.start.character]),
      [['use-beyond-purpose', '/ws/gen/table.ts', lines.length - 1, 38]],
    );
    assert.deepEqual(result.notices, []);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it('skips a file over the size limit with a notice, and analyses the rest', async () => {
    const { result } = await check(`${patient}${campaign}`, {
      raw: { 'gen/bundle.ts': `// ${'x'.repeat(maxSourceBytes)}` },
      notices: ['gen/bundle.ts: skipped: larger than 16 MB (16.0 MB)'],
    });
    assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/gen/bundle.ts', '/ws/model/patient.ts']);
  });

  it('skips files that are not UTF-8 or UTF-16 (Latin-1, Shift_JIS, an MPEG transport stream) with a notice', async () => {
    const latin1 = Buffer.from('/** Caf\u00e9 */\nexport const x = 1;\n', 'latin1');
    // 「患者」 in Shift_JIS: 0x8A 0xB3 0x8E 0xD2, not UTF-8.
    const shiftJis = Buffer.concat([Buffer.from('// '), Buffer.from([0x8a, 0xb3, 0x8e, 0xd2]), Buffer.from('\nexport const y = 2;\n')]);
    const video = Buffer.from([0x47, 0x40, 0x00, 0x10, 0x00, 0x00, 0xb0, 0x0d, 0x00, 0x01, 0xc1, 0x00, 0x00, 0xff, 0xff]);
    await check(`${patient}${campaign}`, {
      raw: { 'app/latin1.ts': latin1, 'app/sjis.ts': shiftJis, 'media/intro.ts': video },
      notices: [
        'app/latin1.ts: skipped: not UTF-8 or UTF-16 text',
        'app/sjis.ts: skipped: not UTF-8 or UTF-16 text',
        'media/intro.ts: skipped: not UTF-8 or UTF-16 text',
      ],
    });
  });

  it('decodes UTF-16 (either byte order) and UTF-8 with a byte order mark, with positions in the text', async () => {
    const source = `${patient}
      //- app/le.ts
      import type { Patient } from '../model/patient';
      /** @purpose marketing */
      export const le = (p: Patient) => '患者' + p.name;
                                              // ^^^^ use-beyond-purpose +fix
      //- app/be.ts
      import type { Patient } from '../model/patient';
      /** @purpose marketing */
      export const be = (p: Patient) => '患者' + p.name;
                                              // ^^^^ use-beyond-purpose +fix
      //- app/bom.ts
      import type { Patient } from '../model/patient';
      /** @purpose marketing */
      export const bom = (p: Patient) => '患者' + p.name;
                                               // ^^^^ use-beyond-purpose +fix
    `;
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = (text: string) => utf16le(text).swap16();
    const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const { result } = await check(source, {
      raw: {
        'app/le.ts': utf16le(textOf(source, 'app/le.ts')),
        'app/be.ts': utf16be(textOf(source, 'app/be.ts')),
        'app/bom.ts': utf8bom(textOf(source, 'app/bom.ts')),
      },
    });
    assert.deepEqual(result.notices, []);
  });
});

describe('robustness: folder links (in memory)', () => {
  it('ends in a folder link loop, analysing each file once', async () => {
    for (const config of ['', '//- tsconfig.json\n{ "include": ["**/*"] }']) {
      const source = `${config}${patient}${campaign}`;
      const { host, workspace } = await analyse(source);
      host.link('/ws/app/loop', '/ws/app');
      host.link('/ws/model/deep/up', '/ws');
      host.write('/ws/model/deep/readme.md', '');
      workspace.applyChange({ kind: 'create', file: '/ws/app/loop' });
      const result = await workspace.analyseWorkspace();
      assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/model/patient.ts'], config);
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, f.file, f.range.start.line]),
        [['use-beyond-purpose', '/ws/app/campaign.ts', 4]],
        config,
      );
    }
  });

  it('reports a file reached through a folder link at its real path, once', async () => {
    for (const config of ['', '//- tsconfig.json\n{ "include": ["**/*"] }']) {
      const { host, workspace } = await analyse(`${config}${patient}${campaign}`);
      // `a-model` sorts before `model`: a walk that keeps the first path it meets would report the link's.
      host.link('/ws/a-model', '/ws/model');
      workspace.applyChange({ kind: 'create', file: '/ws/a-model' });
      const result = await workspace.analyseWorkspace();
      assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/model/patient.ts'], config);
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, f.file, f.range.start.line]),
        [['use-beyond-purpose', '/ws/app/campaign.ts', 4]],
        config,
      );
    }
  });

  it('ignores a dangling folder link', async () => {
    const { host, workspace } = await analyse(`${patient}${campaign}`);
    host.link('/ws/app/gone', '/ws/nowhere');
    workspace.applyChange({ kind: 'create', file: '/ws/app/gone' });
    const result = await workspace.analyseWorkspace();
    assert.deepEqual(result.files, ['/ws/app/campaign.ts', '/ws/model/patient.ts']);
    assert.deepEqual(result.notices, []);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.range.start.line]),
      [['use-beyond-purpose', '/ws/app/campaign.ts', 4]],
    );
  });
});

describe('robustness: the register', () => {
  it('reports a register that is not valid YAML, says so, checks no ids against it, and analyses the code', async () => {
    await check(
      `${patient}${campaign}
      //- pi-register.yaml
      organization: Minato Ward Health Centre
      purposes:
        - id: billing
          description: Billing
        - id: [unclosed
      files: []
      #@0 ^^^^^ register-invalid
    `,
      { notices: ['pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed'] },
    );
  });

  it('reports a register of the wrong shape at its root, and checks no ids against it', async () => {
    await check(`${patient}${campaign}
      //- pi-register.yaml
      just a sentence, not a register
      #@0 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ register-invalid
    `);
    await check(`${patient}${campaign}
      //- pi-register.yaml
      - id: billing
      #@0 ^^^^^^^^^^^^^ register-invalid
    `);
  });

  it('reports an empty register as not of the register format', async () => {
    await check(`${patient}${campaign}
      //- pi-register.yaml
      # nothing yet
      #@0 ^ register-invalid
    `);
  });

  it('reports a register that cannot be read, and analyses the code', async () => {
    const { result } = await analyse(`${patient}${campaign}`, {
      raw: { 'pi-register.yaml': Buffer.from('organization: Centre de sant\u00e9\n', 'latin1') },
    });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.range.start.line, f.message]),
      [
        ['use-beyond-purpose', '/ws/app/campaign.ts', 4, result.findings[0]!.message],
        ['register-invalid', '/ws/pi-register.yaml', 0, 'The register could not be read: not UTF-8 or UTF-16 text.'],
      ],
    );
  });
});

describe('robustness: nesting deeper than TypeScript can parse', () => {
  it('skips the file with a notice, and analyses the rest of its project', async () => {
    const depth = 5_000;
    await check(`${patient}${campaign}`, {
      raw: { 'gen/tree.ts': `export const tree = ${'['.repeat(depth)}${']'.repeat(depth)};\n` },
      notices: ['gen/tree.ts: skipped: nested too deeply for TypeScript to parse'],
    });
  });
});

describe('robustness: on disk', () => {
  const temporary = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-engine-')));
  after(() => fs.rmSync(temporary, { recursive: true, force: true }));

  /** Writes the fixture's files into a new folder under the temporary one, and returns it. */
  const onDisk = (name: string, source: string): string => {
    const dir = path.join(temporary, name);
    for (const [file, text] of parseFixture(source).files) {
      const target = path.join(dir, file.slice(root.length + 1));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
    return dir;
  };

  for (const [name, config] of [
    ['inferred', ''],
    ['tsconfig', '//- tsconfig.json\n{ "include": ["**/*"] }'],
  ] as const) {
    it(`ends in folder link loops, ignores dangling links and skips a huge file (${name} project)`, async () => {
      const dir = onDisk(name, `${config}${patient}${campaign}`);
      fs.symlinkSync(path.join(dir, 'app'), path.join(dir, 'app', 'loop'), 'dir');
      fs.mkdirSync(path.join(dir, 'model', 'deep'));
      fs.symlinkSync(dir, path.join(dir, 'model', 'deep', 'up'), 'dir');
      // Up to the folder that holds this workspace and the other test's: nothing there is this workspace's.
      fs.symlinkSync(temporary, path.join(dir, 'model', 'deep', 'top'), 'dir');
      fs.symlinkSync(path.join(dir, 'model'), path.join(dir, 'a-model'), 'dir');
      fs.symlinkSync(path.join(dir, 'missing.ts'), path.join(dir, 'app', 'gone.ts'));
      fs.symlinkSync(path.join(dir, 'missing'), path.join(dir, 'app', 'nowhere'), 'dir');
      fs.mkdirSync(path.join(dir, 'gen'));
      // A sparse file: its size is over the limit, but nothing is written (or, if the engine is right, read).
      fs.writeFileSync(path.join(dir, 'gen', 'bundle.ts'), '');
      fs.truncateSync(path.join(dir, 'gen', 'bundle.ts'), maxSourceBytes + 1);

      const rootDir = toPortable(dir);
      const workspace = new Workspace({ rules, root: rootDir, host: new NodeHost() });
      const result = await workspace.analyseWorkspace();
      const relative = (file: string) => file.slice(rootDir.length + 1);
      assert.deepEqual(result.files.map(relative), ['app/campaign.ts', 'gen/bundle.ts', 'model/patient.ts']);
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, relative(f.file), f.range.start.line, f.range.start.character]),
        [['use-beyond-purpose', 'app/campaign.ts', 4, 11]],
      );
      assert.deepEqual(
        result.notices.map((n) => [relative(n.file), n.message]),
        [['gen/bundle.ts', 'skipped: larger than 16 MB (16.0 MB)']],
      );
    });
  }
});
