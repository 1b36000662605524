/**
 * Prisma schemas in the editor, over stdio: the server publishes diagnostics for a `.prisma` file, offers
 * its quick fixes (a `///` line), puts lenses on its models, and follows edits to it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  type CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  type CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  type Diagnostic,
  type Location,
} from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { applyToDisk } from '../support/workspace-edit';

const files = {
  'prisma/schema.prisma': `
    generator client {
      provider = "prisma-client"
      output   = "../src/generated/prisma"
    }

    model Patient {
      id   Int    @id
      /// @personal name
      name String
    }
  `,
  'pi-register.yaml': `
    organization: Minato Ward Health Centre
    purposes:
      - id: treatment
        description: Treatment
    files:
      - name: Patient
        schema: prisma/schema.prisma#Patient
        exemption: experimental
        purposes: [treatment]
  `,
};

describe('Prisma schemas in the editor', () => {
  const root = workspace(files);
  const schema = path.join(root, 'prisma/schema.prisma');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('publishes the findings of a schema, and applies its quick fix as a /// line', async () => {
    const [missing] = await client.diagnosticsWhere(schema, 'missing-purpose', (d) => d.some((x) => x.code === 'missing-purpose'));
    assert.equal(missing!.range.start.line, 5);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(schema) },
      range: missing!.range,
      context: { diagnostics: [missing as Diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const declare = actions.find((action) => action.title === 'Declare purpose `treatment` on `Patient`');
    assert.ok(declare, actions.map((action) => action.title).join('\n'));
    const resolved = declare.edit ? declare : await client.connection.sendRequest(CodeActionResolveRequest.type, declare);
    await client.watched(applyToDisk(resolved.edit!));
    assert.match(fs.readFileSync(schema, 'utf8'), /\n\/\/\/ @purpose treatment\nmodel Patient \{/);
    await client.diagnosticsWhere(schema, 'no missing-purpose', (d) => !d.some((x) => x.code === 'missing-purpose'));
  });

  it("goes from a register entry's schema to the model", async () => {
    const register = path.join(root, 'pi-register.yaml');
    const lines = fs.readFileSync(register, 'utf8').split('\n');
    const line = lines.findIndex((each) => each.includes('schema.prisma#Patient'));
    const found = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(register) },
      position: { line, character: lines[line]!.indexOf('#Patient') + 2 },
    })) as Location[];
    const model = fs
      .readFileSync(schema, 'utf8')
      .split('\n')
      .findIndex((each) => each.startsWith('model Patient'));
    assert.deepEqual(found, [{ uri: uriOf(schema), range: { start: { line: model, character: 6 }, end: { line: model, character: 13 } } }]);
  });

  it('puts lenses on a model, and follows an edit of the open schema', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(schema) } });
    assert.deepEqual(
      (lenses ?? []).map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [6, 'Purposes: treatment'],
        [6, 'Registered as Patient'],
      ],
    );
    await client.open(schema);
    await client.change(schema, fs.readFileSync(schema, 'utf8').replace('/// @purpose treatment\n', ''));
    await client.diagnosticsWhere(schema, 'missing-purpose again', (d) => d.some((x) => x.code === 'missing-purpose'));
  });

  it('completes tags and purpose ids in /// comments, and nothing on other lines', async () => {
    const text = fs.readFileSync(schema, 'utf8').replace('  /// @personal name', '  /// @purpose tr\n  /// @personal name');
    await client.change(schema, text);
    const lines = text.split('\n');
    const line = lines.findIndex((each) => each.includes('/// @purpose tr'));
    const complete = async (character: number, at = line) =>
      ((await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: uriOf(schema) },
        position: { line: at, character },
      })) ?? []) as CompletionItem[];
    assert.deepEqual(
      (await complete(lines[line]!.length)).map((item) => item.label),
      ['treatment'],
    );
    assert.ok((await complete(7)).some((item) => item.label === 'purpose'));
    assert.deepEqual(
      await complete(
        4,
        lines.findIndex((each) => each.includes('id   Int')),
      ),
      [],
    );
  });

  it('counts the client that has not been generated as not checked', async () => {
    const status = await client.idle();
    assert.ok(status.unchecked > 0, JSON.stringify(status));
  });
});
