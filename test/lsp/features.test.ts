import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  CodeLensRequest,
  type CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type Location,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { positionIn } from '../support/positions';
import { applyToDisk } from '../support/workspace-edit';

const files = {
  'tsconfig.json': '{ "include": ["**/*.ts"] }',
  'model/patient.ts': `
    /**
     * @purpose treatment billing
     * @piFile "Patient Registry"
     */
    export interface Patient {
      id: string;
      /** @personal name */ name: string;
      /** @specialCare medical-history @purpose treatment */ diagnosis: string;
    }

    /** @purpose reminders @piFile "Visitor Log" */
    export interface Visitor {
      /** @personal contact */ phone: string;
    }
  `,
  'app/billing.ts': `
    import type { Patient } from '../model/patient';

    /** @purpose billing */
    export function invoice(p: Patient) {
      const { name } = p;
      return name + p.diagnosis;
    }
  `,
  'app/format.ts': `
    import type { Patient } from '../model/patient';
    export const nameOf = (p: Patient) => p.name;
  `,
  'app/reminder.ts': `
    import type { Patient } from '../model/patient';
    import { nameOf } from './format';
    /** @purpose reminders */
    export const remind = (p: Patient) => nameOf(p);
  `,
  'pi-register.yaml': `
    organization: Minato Ward Health Centre
    purposes:
      - id: treatment
        description: Providing medical treatment
      - id: billing
        description: Claiming medical fees
      - id: reminders
        description: Reminders
    files:
      - name: Patient Registry
        schema: model/patient.ts#Patient
        purposes: [treatment, billing]
  `,
};

describe('hover, completion, definition, code lens', () => {
  const root = workspace(files);
  const patient = path.join(root, 'model/patient.ts');
  const billing = path.join(root, 'app/billing.ts');
  const register = path.join(root, 'pi-register.yaml');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  const hoverText = async (file: string, position: Position) => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position });
    return hover && (hover.contents as MarkupContent).value;
  };

  it('hovers a tagged field on its declaration: what, why, what for, the register entry, the provisions', async () => {
    const text = await hoverText(patient, positionIn(patient, 'diagnosis: string', 2));
    assert.equal(
      text,
      [
        '**`Patient.diagnosis`** — special care-required: medical-history  ',
        'Tagged at `model/patient.ts:8`.  ',
        'Declared purposes: `treatment` (`@purpose` on the field, `model/patient.ts:8`).  ',
        'Register: Personal Information File **Patient Registry**, `pi-register.yaml:10`.  ',
        '_APPI Art. 2(3) (special care-required personal information); APPI Art. 17–18; for administrative organs Art. 61 and 69 (formerly Act No. 58 of 2003 Art. 3 and 8) (purpose of use)_',
      ].join('\n'),
    );
  });

  it('hovers a use with the purposes of the code around it, through destructuring too', async () => {
    const use = await hoverText(billing, positionIn(billing, 'p.diagnosis', 3));
    assert.match(use!, /\*\*`Patient\.diagnosis`\*\*/);
    assert.match(use!, /Here: `invoice` serves `billing` \(`app\/billing\.ts:3`\) — `billing` is beyond the declared purposes/);
    const destructured = await hoverText(billing, positionIn(billing, '{ name }', 2));
    assert.match(destructured!, /\*\*`Patient\.name`\*\* — personal: name/);
    assert.match(destructured!, /Declared purposes: `treatment` and `billing` \(`@purpose` on the schema/);
    assert.match(destructured!, /Here: `invoice` serves `billing`[^—]*$/);
  });

  it('hovers a use reached through calls with the way from the call to the use', async () => {
    const reminder = path.join(root, 'app/reminder.ts');
    await client.diagnosticsWhere(reminder, 'the reached use', (diagnostics) => diagnostics.length > 0);
    assert.equal(
      await hoverText(reminder, positionIn(reminder, 'nameOf(p)', 2)),
      [
        '**Reached through calls**  ',
        '1. `remind` calls `nameOf` (`app/reminder.ts:4`)  ',
        '2. `nameOf` uses `Patient.name` (`app/format.ts:2`)',
      ].join('\n'),
    );
  });

  it('says nothing over names that are not tagged fields', async () => {
    assert.equal(await hoverText(patient, positionIn(patient, 'id: string')), null);
    assert.equal(await hoverText(billing, positionIn(billing, 'invoice')), null);
  });

  const complete = async (file: string, text: string, position: Position) => {
    await client.open(file, text);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(file) }, position });
    await client.close(file);
    return ((items ?? []) as CompletionItem[]).map((item) => item.label);
  };

  it('completes tag names after @ inside JSDoc, and only there', async () => {
    const text = fs.readFileSync(billing, 'utf8').replace('/** @purpose billing */', '/** @purpose billing @ba */');
    const labels = await complete(billing, text, positionIn(billing, '@purpose billing', 18));
    assert.ok(labels.includes('basis') && labels.includes('purpose') && labels.includes('specialCare'), labels.join());
    const outside = await complete(billing, text, positionIn(billing, 'return name', 7));
    assert.deepEqual(outside, []);
  });

  it("completes purpose ids from the register's catalogue, categories and legal bases", async () => {
    const original = fs.readFileSync(billing, 'utf8');
    const purposes = original.replace('/** @purpose billing */', '/** @purpose billing  */');
    assert.deepEqual(await complete(billing, purposes, positionIn(billing, '@purpose billing', 17)), ['treatment', 'reminders']);
    const basis = original.replace('/** @purpose billing */', '/** @purpose billing\n * @basis  */');
    const at = positionIn(billing, '@purpose billing', 0);
    assert.deepEqual(await complete(billing, basis, { line: at.line + 1, character: 10 }), [
      'consent',
      'law',
      'vital-interest',
      'public-health',
      'statistics',
      'academic-research',
      'public-agency',
    ]);
    const category = fs.readFileSync(patient, 'utf8').replace('@specialCare medical-history', '@specialCare med');
    const labels = await complete(patient, category, positionIn(patient, '@specialCare', 16));
    assert.ok(labels.includes('medical-history') && labels.includes('checkup-result'), labels.join());
  });

  const definition = async (file: string, position: Position) =>
    ((await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(file) }, position })) ?? []) as Location[];

  it("goes from a register entry's schema to the type, and from @piFile and @purpose to the register", async () => {
    const type = await definition(register, positionIn(register, 'model/patient.ts#Patient', 20));
    assert.deepEqual(type, [
      { uri: uriOf(patient), range: { start: positionIn(patient, 'Patient {'), end: positionIn(patient, 'Patient {', 7) } },
    ]);
    const entry = await definition(patient, positionIn(patient, 'Patient Registry', 3));
    assert.deepEqual(entry, [
      {
        uri: uriOf(register),
        range: { start: positionIn(register, 'Patient Registry'), end: positionIn(register, 'Patient Registry', 16) },
      },
    ]);
    const purpose = await definition(billing, positionIn(billing, '@purpose billing', 10));
    assert.deepEqual(purpose, [
      { uri: uriOf(register), range: { start: positionIn(register, 'billing'), end: positionIn(register, 'billing', 7) } },
    ]);
  });

  it('puts a lens on each schema: its purposes and its register status, with a command to add it', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(patient) } });
    assert.deepEqual(
      (lenses ?? []).map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
      [
        [4, 'Purposes: treatment and billing', ''],
        [4, 'Registered as Patient Registry', 'appiGuard.openRegisterEntry'],
        [11, 'Purposes: reminders', ''],
        [11, 'Not registered — add Visitor Log', 'appiGuard.addToRegister'],
      ],
    );
    const add = lenses!.at(-1)!.command!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command, arguments: add.arguments });
    const edit = await client.until('the edit adding the entry', () => client.applied.at(-1));
    await client.watched(applyToDisk(edit));
    assert.match(fs.readFileSync(register, 'utf8'), /- name: Visitor Log\n\s+schema: model\/patient\.ts#Visitor/);
    await client.diagnosticsWhere(patient, 'Visitor Log registered', (d) => !d.some((x) => x.code === 'unregistered-file'));
  });
});
