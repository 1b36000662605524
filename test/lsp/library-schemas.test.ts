/**
 * The editor on schemas that libraries build (Zod, Drizzle), with the real packages installed in the
 * workspace: hover on a use of an inferred type, go-to-definition from the register to the schema's
 * variable, and the code lenses of a table.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeLensRequest, DefinitionRequest, HoverRequest, type Location, type MarkupContent } from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { installPackages } from '../support/packages';
import { positionIn } from '../support/positions';

const files = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler" }, "include": ["src"] }',
  'src/patient.ts': `
    import { z } from 'zod';

    /** @purpose treatment @piFile "Patient Registry" */
    export const PatientSchema = z.object({ /** @personal name */ name: z.string() });
    export type Patient = z.infer<typeof PatientSchema>;
  `,
  'src/letters.ts': `
    import type { Patient } from './patient';

    /** @purpose treatment */
    export const greeting = (p: Patient) => p.name;
  `,
  'src/tables.ts': `
    import { pgTable, text } from 'drizzle-orm/pg-core';

    /** @purpose treatment */
    export const visitors = pgTable('visitors', { /** @personal contact */ phone: text('phone') });
  `,
  'pi-register.yaml': `
    organization: Minato Ward Health Centre
    purposes:
      - id: treatment
        description: Treatment
    files:
      - name: Patient Registry
        schema: src/patient.ts#PatientSchema
        exemption: experimental
        purposes: [treatment]
  `,
};

describe('the editor on Zod schemas and Drizzle tables', () => {
  const root = workspace(files);
  installPackages(root, ['zod', 'drizzle-orm']);
  const patient = path.join(root, 'src/patient.ts');
  const letters = path.join(root, 'src/letters.ts');
  const tables = path.join(root, 'src/tables.ts');
  const register = path.join(root, 'pi-register.yaml');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('hovers a read of a type inferred from a Zod schema as the schema field it is', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(letters) },
      position: positionIn(letters, 'p.name', 3),
    });
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /^\*\*`PatientSchema\.name`\*\* — personal: name/);
    assert.match(text, /Tagged at `src\/patient\.ts:4`/);
    assert.match(text, /Register: Personal Information File \*\*Patient Registry\*\*/);
  });

  it("goes from a register entry's schema to the schema's variable", async () => {
    const found = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(register) },
      position: positionIn(register, 'src/patient.ts#PatientSchema', 18),
    })) as Location[];
    assert.deepEqual(found, [
      { uri: uriOf(patient), range: { start: positionIn(patient, 'PatientSchema ='), end: positionIn(patient, 'PatientSchema =', 13) } },
    ]);
  });

  it('puts the lenses of a schema on a Drizzle table, named by its SQL name', async () => {
    await client.diagnosticsWhere(tables, 'the unregistered table', (diagnostics) =>
      diagnostics.some((d) => d.code === 'unregistered-file'),
    );
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(tables) } });
    assert.deepEqual(
      (lenses ?? []).map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [3, 'Purposes: treatment'],
        [3, 'Not registered — add visitors'],
      ],
    );
  });
});
