/**
 * The register's one-word keys in the editor, over stdio: `sector` and a purpose's `myNumberAffair` complete
 * to their words after the colon, and a hover says what the key and the word mean.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type CompletionItem, CompletionRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { positionIn } from '../support/positions';

const files = {
  'model.ts': `
    /** @purpose payroll */
    export interface Employee { /** @myNumber */ individualNumber: string }
  `,
  'pi-register.yaml': `
    organization: Minato Ward Health Centre
    sector: administrative-organ
    purposes:
      - id: payroll
        description: Payroll
        myNumberAffair: taxation
      - id: benefits
        description: Benefits
        myNumberAffair:
  `,
};

describe('the register: sector and myNumberAffair', () => {
  const root = workspace(files);
  const register = path.join(root, 'pi-register.yaml');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  const complete = async (needle: string, index: number) =>
    ((await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf(register) },
      position: positionIn(register, needle, index),
    })) ?? []) as CompletionItem[];
  const hover = async (needle: string, index: number) => {
    const found = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(register) },
      position: positionIn(register, needle, index),
    });
    return (found?.contents as MarkupContent | undefined)?.value ?? '';
  };

  it('completes the sectors after `sector:` and the affairs after `myNumberAffair:`, and nothing on other keys', async () => {
    assert.deepEqual(
      (await complete('sector: administrative-organ', 10)).map((item) => item.label),
      ['administrative-organ', 'business'],
    );
    assert.deepEqual(
      (await complete('myNumberAffair:\n', 15)).map((item) => item.label),
      ['social-security', 'taxation', 'disaster-response'],
    );
    assert.deepEqual(await complete('organization: Minato', 16), []);
  });

  it('says on hover what the key and the word mean', async () => {
    assert.match(await hover('sector:', 2), /^\*\*`sector`\*\* — whose code this is/);
    assert.match(await hover('administrative-organ', 3), /^\*\*`administrative-organ`\*\* — an administrative organ: .*APPI Chapter V/);
    assert.match(await hover('taxation', 2), /^\*\*`taxation`\*\* — taxation: .*My Number Act Art\. 9/);
    assert.match(await hover('myNumberAffair: taxation', 3), /^\*\*`myNumberAffair`\*\* — this purpose is one of the affairs/);
  });
});
