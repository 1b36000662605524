/**
 * The façade's incremental behaviour: changes arrive one by one (editor buffers, files on disk, project
 * configuration, the register) and every answer after a change is the answer for the files as they are now.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CancellationToken, CancelledError } from 'appi-guard-server/engine/workspace';
import { assertFindings, load, textOf } from './expect';

const patientFile = (purposes: string, idTag = '') => `
  //- model/patient.ts
  /** @purpose ${purposes} */
  export interface Patient {
    ${idTag}id: string;
    /** @personal name */ name: string;
  }
`;

/** The campaign reading `p.<field>`; `marker` is the marker line under it, if a finding is expected. */
const campaignFile = (field: string, marker = '') => `
  //- app/campaign.ts
  import type { Patient } from '../model/patient';

  /** @purpose marketing */
  export function campaignFor(p: Patient) {
    return p.${field};${marker && `\n    ${marker}`}
  }
`;

const nameFinding = '//       ^^^^ use-beyond-purpose +fix';
const idFinding = '//       ^^ use-beyond-purpose +fix';
const base = patientFile('treatment') + campaignFile('id');
const campaign = '/ws/app/campaign.ts';
const patient = '/ws/model/patient.ts';

describe('incremental: editor buffers', () => {
  it('answers from an open buffer, without reading the host, and follows its edits', async () => {
    const { host, workspace } = load(base);
    assertFindings(workspace, await workspace.analyseWorkspace(), base);
    assert.ok(host.reads.includes(campaign), 'the first analysis reads the disk');
    host.reads.length = 0;

    workspace.applyChange({ kind: 'open', file: campaign, text: textOf(campaignFile('name'), 'app/campaign.ts') });
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('name', nameFinding));
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));

    workspace.applyChange({ kind: 'edit', file: campaign, text: textOf(campaignFile('id'), 'app/campaign.ts') });
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('id'));
    workspace.applyChange({ kind: 'edit', file: campaign, text: textOf(campaignFile('name'), 'app/campaign.ts') });
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));

    assert.deepEqual(host.reads, []);
    assert.equal(host.readFile(campaign, Number.POSITIVE_INFINITY), textOf(base, 'app/campaign.ts'));
  });

  it('goes back to the disk when a buffer is closed, to what the disk has then', async () => {
    const { host, workspace } = load(base);
    workspace.applyChange({ kind: 'open', file: campaign, text: textOf(campaignFile('name'), 'app/campaign.ts') });
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));

    workspace.applyChange({ kind: 'close', file: campaign });
    assertFindings(workspace, await workspace.analyseWorkspace(), base);

    // Saved on disk while open: the buffer still wins, until it is closed.
    workspace.applyChange({ kind: 'open', file: campaign, text: textOf(campaignFile('id'), 'app/campaign.ts') });
    host.write(campaign, textOf(campaignFile('name'), 'app/campaign.ts'));
    workspace.applyChange({ kind: 'change', file: campaign });
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('id'));
    workspace.applyChange({ kind: 'close', file: campaign });
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('name', nameFinding));
  });
});

describe('incremental: files on disk', () => {
  it('picks up files created and deleted on the host', async () => {
    const { host, workspace } = load(base);
    await workspace.analyseWorkspace();

    const letter = (marker = '') => `
      //- app/letter.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      export const letter = (p: Patient) => p.name;${marker && `\n      ${marker}`}
    `;
    host.write('/ws/app/letter.ts', textOf(letter(), 'app/letter.ts'));
    workspace.applyChange({ kind: 'create', file: '/ws/app/letter.ts' });
    const created = await workspace.analyseWorkspace();
    assert.deepEqual(created.files, [campaign, '/ws/app/letter.ts', patient]);
    assertFindings(workspace, created, base + letter('//                                      ^^^^ use-beyond-purpose +fix'));

    // The schema is gone: its uses no longer resolve to anything tagged.
    host.remove(patient);
    workspace.applyChange({ kind: 'delete', file: patient });
    const deleted = await workspace.analyseWorkspace();
    assert.deepEqual(deleted.files, [campaign, '/ws/app/letter.ts']);
    assertFindings(workspace, deleted, campaignFile('id') + letter());
  });

  it('picks up a file changed on the host', async () => {
    const { host, workspace } = load(base);
    await workspace.analyseWorkspace();
    host.write(campaign, textOf(campaignFile('name'), 'app/campaign.ts'));
    workspace.applyChange({ kind: 'change', file: campaign });
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));
  });

  it('changes the findings of one file when a schema in another changes', async () => {
    const { workspace } = load(patientFile('treatment') + campaignFile('name', nameFinding));
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));

    const edit = (source: string) => workspace.applyChange({ kind: 'edit', file: patient, text: textOf(source, 'model/patient.ts') });
    workspace.applyChange({ kind: 'open', file: patient, text: textOf(patientFile('treatment marketing'), 'model/patient.ts') });
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('name'));

    edit(patientFile('treatment'));
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('name', nameFinding));

    const idTagged = patientFile('treatment', '/** @personal */ ') + campaignFile('id', idFinding);
    edit(idTagged);
    workspace.applyChange({ kind: 'edit', file: campaign, text: textOf(idTagged, 'app/campaign.ts') });
    assertFindings(workspace, await workspace.analyseWorkspace(), idTagged);
  });
});

describe('incremental: project configuration', () => {
  const aliased = (marker = '') => `
    //- app/campaign.ts
    import type { Patient } from '@model/patient';

    /** @purpose marketing */
    export function campaignFor(p: Patient) {
      return p.name;${marker && `\n      ${marker}`}
    }
  `;
  const config = (compilerOptions: string, include = '["app", "model"]') => `
    //- tsconfig.json
    { "compilerOptions": ${compilerOptions}, "include": ${include} }
  `;
  const paths = '{ "baseUrl": ".", "paths": { "@model/*": ["model/*"] } }';
  /** Until the config maps `@model/*`, the campaign's import does not resolve: that is what the cases change. */
  const unresolved = { typeErrors: [2307] };

  it('re-reads projects when a tsconfig.json changes on disk or in an editor', async () => {
    const { host, workspace } = load(config('{}') + patientFile('treatment') + aliased(), unresolved);
    assertFindings(workspace, await workspace.analyseWorkspace(), config('{}') + patientFile('treatment') + aliased());

    host.write('/ws/tsconfig.json', textOf(config(paths), 'tsconfig.json'));
    workspace.applyChange({ kind: 'change', file: '/ws/tsconfig.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), config(paths) + patientFile('treatment') + aliased(nameFinding));

    // Unsaved: the campaign leaves the project for the inferred one, which has no alias.
    workspace.applyChange({ kind: 'open', file: '/ws/tsconfig.json', text: textOf(config(paths, '["model"]'), 'tsconfig.json') });
    const narrowed = await workspace.analyseWorkspace();
    assert.deepEqual(narrowed.files, [campaign, patient]);
    assertFindings(workspace, narrowed, config(paths, '["model"]') + patientFile('treatment') + aliased());

    workspace.applyChange({ kind: 'close', file: '/ws/tsconfig.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), config(paths) + patientFile('treatment') + aliased(nameFinding));
  });

  it('re-reads projects when a config that a tsconfig.json extends changes', async () => {
    const extending = `
      //- tsconfig.json
      { "extends": "./config/base.json", "include": ["app", "model"] }
      //- config/base.json
      { "compilerOptions": {} }
    `;
    const { host, workspace } = load(extending + patientFile('treatment') + aliased(), unresolved);
    assertFindings(workspace, await workspace.analyseWorkspace(), extending + patientFile('treatment') + aliased());

    const withPaths = extending.replace(
      '{ "compilerOptions": {} }',
      '{ "compilerOptions": { "baseUrl": "..", "paths": { "@model/*": ["model/*"] } } }',
    );
    host.write('/ws/config/base.json', textOf(withPaths, 'config/base.json'));
    workspace.applyChange({ kind: 'change', file: '/ws/config/base.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), withPaths + patientFile('treatment') + aliased(nameFinding));
  });

  it('re-reads projects when a package.json changes how imports resolve', async () => {
    const node = (type: string) => `
      //- tsconfig.json
      { "compilerOptions": { "module": "nodenext", "strict": true }, "include": ["app", "model"] }
      //- package.json
      { "type": "${type}" }
    `;
    const { host, workspace } = load(node('commonjs') + patientFile('treatment') + campaignFile('name'));
    assertFindings(
      workspace,
      await workspace.analyseWorkspace(),
      node('commonjs') + patientFile('treatment') + campaignFile('name', nameFinding),
    );

    // An ES module must name the file it imports (`../model/patient.js`): the extensionless import no longer resolves.
    host.write('/ws/package.json', textOf(node('module'), 'package.json'));
    workspace.applyChange({ kind: 'change', file: '/ws/package.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), node('module') + patientFile('treatment') + campaignFile('name'));
  });

  it('loads a tsconfig.json created after the first analysis, and drops a deleted one', async () => {
    const { host, workspace } = load(patientFile('treatment') + aliased(), unresolved);
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + aliased());

    host.write('/ws/tsconfig.json', textOf(config(paths), 'tsconfig.json'));
    workspace.applyChange({ kind: 'create', file: '/ws/tsconfig.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), config(paths) + patientFile('treatment') + aliased(nameFinding));

    host.remove('/ws/tsconfig.json');
    workspace.applyChange({ kind: 'delete', file: '/ws/tsconfig.json' });
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + aliased());
  });
});

describe('incremental: the register', () => {
  it('checks purpose ids against a register created, edited and deleted after the first analysis', async () => {
    const { host, workspace } = load(base);
    await workspace.analyseWorkspace();
    const register = (ids: readonly string[]) =>
      ['organization: Minato Ward Health Centre', 'purposes:', ...ids.flatMap((id) => [`  - id: ${id}`, `    description: ${id}`])].join(
        '\n',
      );

    host.write('/ws/pi-register.yaml', register(['treatment']));
    workspace.applyChange({ kind: 'create', file: '/ws/pi-register.yaml' });
    const created = await workspace.analyseWorkspace();
    assert.deepEqual(created.files, [campaign, patient, '/ws/pi-register.yaml']);
    assertFindings(
      workspace,
      created,
      `${patientFile('treatment')}
      //- app/campaign.ts
      import type { Patient } from '../model/patient';

      /** @purpose marketing */
      //           ^^^^^^^^^ unknown-purpose
      export function campaignFor(p: Patient) {
        return p.id;
      }
    `,
    );

    workspace.applyChange({ kind: 'open', file: '/ws/pi-register.yaml', text: register(['treatment', 'marketing']) });
    assertFindings(workspace, await workspace.analyseWorkspace(), base);

    workspace.applyChange({ kind: 'close', file: '/ws/pi-register.yaml' });
    host.remove('/ws/pi-register.yaml');
    workspace.applyChange({ kind: 'delete', file: '/ws/pi-register.yaml' });
    const deleted = await workspace.analyseWorkspace();
    assert.deepEqual(deleted.files, [campaign, patient]);
    assertFindings(workspace, deleted, base);
  });
});

describe('incremental: cancellation and progress', () => {
  it('rejects with CancelledError when the token is already cancelled, and runs normally afterwards', async () => {
    const { workspace } = load(patientFile('treatment') + campaignFile('name', nameFinding));
    await assert.rejects(workspace.analyseWorkspace({ token: { isCancellationRequested: true } }), CancelledError);
    assert.throws(() => workspace.analyseFile(campaign, { isCancellationRequested: true }), CancelledError);
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));
  });

  it('stops between files when the token is cancelled during a run', async () => {
    const { workspace } = load(patientFile('treatment') + campaignFile('name', nameFinding));
    const token = { isCancellationRequested: false };
    const progress: [number, number][] = [];
    const run = workspace.analyseWorkspace({
      token,
      onProgress: (done, total) => {
        progress.push([done, total]);
        token.isCancellationRequested = true;
      },
    });
    await assert.rejects(run, CancelledError);
    assert.deepEqual(progress, [[1, 2]]);
    assertFindings(workspace, await workspace.analyseWorkspace(), patientFile('treatment') + campaignFile('name', nameFinding));
  });

  it('stops between the rules of one file when the token is cancelled while the file is analysed', async () => {
    const { workspace } = load(patientFile('treatment') + campaignFile('name', nameFinding));
    let polls = 0;
    // Not cancelled when the file starts; cancelled at the next look (STYLE: "between files and rules").
    const token: CancellationToken = {
      get isCancellationRequested() {
        return polls++ > 0;
      },
    };
    assert.throws(() => workspace.analyseFile(campaign, token), CancelledError);
    assertFindings(workspace, workspace.analyseFile(campaign), campaignFile('name', nameFinding));
  });

  it('reports progress once for every file, the register included', async () => {
    const withRegister = `${base}
      //- pi-register.yaml
      organization: Minato Ward Health Centre
    `;
    const { workspace } = load(withRegister);
    const progress: [number, number][] = [];
    const result = await workspace.analyseWorkspace({ onProgress: (done, total) => progress.push([done, total]) });
    assert.deepEqual(progress, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    assert.deepEqual(result.files, [campaign, patient, '/ws/pi-register.yaml']);
  });
});
