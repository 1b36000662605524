import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rules } from 'appi-guard-server/rules/index';
import {
  type CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  type Diagnostic,
  ExecuteCommandRequest,
} from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';
import { applyToDisk } from '../support/workspace-edit';
import { clinicCopy } from './fixtures';

async function actionsFor(client: LspClient, uri: string, diagnostic: Diagnostic, only = ['quickfix']): Promise<CodeAction[]> {
  const actions = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only },
  });
  return (actions ?? []) as CodeAction[];
}

/** Resolves an action's edit, applies it on disk, and tells the server, as an editor applying a quick fix does. */
async function apply(client: LspClient, action: CodeAction): Promise<void> {
  const resolved = action.edit ? action : await client.connection.sendRequest(CodeActionResolveRequest.type, action);
  assert.ok(resolved.edit, `"${action.title}" resolves to an edit`);
  await client.watched(applyToDisk(resolved.edit));
}

const key = (diagnostic: Diagnostic) => `${String(diagnostic.code)} ${String(diagnostic.message)}`;

describe('code actions', () => {
  const root = clinicCopy();
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('applies a fix of every rule that has fixes (the preferred one where there is one) in the sample clinic, and each finding is gone after re-analysis', async () => {
    const fixed = new Set<string>();
    const tried = new Set<string>();
    for (;;) {
      const next = [...client.diagnostics]
        .flatMap(([uri, { diagnostics }]) => diagnostics.map((diagnostic) => ({ uri, diagnostic })))
        .find(({ uri, diagnostic }) => !fixed.has(String(diagnostic.code)) && !tried.has(`${uri} ${key(diagnostic)}`));
      if (!next) break;
      tried.add(`${next.uri} ${key(next.diagnostic)}`);
      // The actions for the finding asked about: another finding at the same place has its own.
      const actions = (await actionsFor(client, next.uri, next.diagnostic)).filter((action) =>
        action.diagnostics?.some((diagnostic) => key(diagnostic) === key(next.diagnostic)),
      );
      const fix =
        actions.find((action) => action.isPreferred) ??
        actions.find((action) => action.data !== undefined && !action.title.startsWith('Disable'));
      if (!fix) continue;
      const before = client.diagnostics.get(next.uri)!.diagnostics.filter((d) => key(d) === key(next.diagnostic)).length;
      await apply(client, fix);
      await client.until(
        `"${fix.title}" to clear its finding`,
        () => (client.diagnostics.get(next.uri)?.diagnostics ?? []).filter((d) => key(d) === key(next.diagnostic)).length < before,
      );
      fixed.add(String(next.diagnostic.code));
    }
    const withFixes = [
      'annotation-invalid',
      'minor-facial-consent',
      'missing-purpose',
      'personal-data-in-log',
      'possibly-personal',
      'register-mismatch',
      'suppression',
      'unknown-purpose',
      'unregistered-file',
      'use-beyond-purpose',
    ];
    assert.deepEqual([...fixed].sort(), withFixes);
    assert.ok(withFixes.every((id) => rules.find((rule) => rule.meta.id === id)?.meta.fixable));
  });
});

describe('code actions on one finding', () => {
  const root = workspace({
    'tsconfig.json': '{ "include": ["**/*.ts"] }',
    'model.ts': `
      /** @purpose treatment */
      export interface Patient {
        /** @personal name */ name: string;
        /** @specialCare medical */ history: string;
      }

      /** @purpose marketing */
      export function campaign(p: Patient) {
        return p.name;
      }

      export interface Visitor {
        /** @personal name */ name: string;
      }
    `,
  });
  const model = path.join(root, 'model.ts');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  it('offers the fixes, the preferred one marked, then disable for this line, then the documentation', async () => {
    const use = client.diagnosticsOf(model).find((d) => d.code === 'use-beyond-purpose')!;
    const actions = await actionsFor(client, uriOf(model), use);
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        ["Declare purpose `marketing` on `Patient` (not related to its purposes: needs the individual's consent)", false],
        ['Record a legal basis on `campaign` (`@basis consent`)', false],
        ['Disable use-beyond-purpose for this line (give a reason)', false],
        ['Show documentation for use-beyond-purpose', false],
      ],
    );
    assert.ok(
      actions.slice(0, 3).every((action) => action.edit === undefined && action.data !== undefined),
      'edits are resolved lazily',
    );
  });

  it('disables a rule for a line with a comment awaiting its reason', async () => {
    const missing = client.diagnosticsOf(model).find((d) => d.code === 'missing-purpose' && d.range.start.line === 11)!;
    const disable = (await actionsFor(client, uriOf(model), missing)).find((action) => action.title.startsWith('Disable'))!;
    await apply(client, disable);
    await client.diagnosticsWhere(model, "Visitor's missing-purpose suppressed", (d) => !d.some((x) => x.code === 'missing-purpose'));
    assert.match(
      fs.readFileSync(model, 'utf8'),
      /\n\/\/ appi-guard-disable-next-line missing-purpose -- reason: \nexport interface Visitor/,
    );
  });

  it('opens the rule documentation through the editor', async () => {
    const use = client.diagnosticsOf(model).find((d) => d.code === 'use-beyond-purpose')!;
    const docs = (await actionsFor(client, uriOf(model), use)).find((action) => action.title.startsWith('Show documentation'))!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs.command!);
    assert.deepEqual(client.shown.at(-1), {
      uri: 'https://github.com/appi-guard/appi-guard/blob/main/docs/rules/use-beyond-purpose.md',
      external: true,
    });
  });

  it('fixes all safe problems of a file with source.fixAll.appiGuard, and nothing that needs a decision', async () => {
    const all = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(model) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const actions = (all ?? []) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Fix all safe APPI Guard problems', 'source.fixAll.appiGuard']],
    );
    await apply(client, actions[0]!);
    await client.diagnosticsWhere(model, 'the misspelt category fixed', (d) => !d.some((x) => x.code === 'annotation-invalid'));
    const text = fs.readFileSync(model, 'utf8');
    assert.match(text, /\/\*\* @specialCare medical-history \*\/ history/);
    assert.match(text, /\/\*\* @purpose marketing \*\/\nexport function campaign/, 'the use beyond purpose is left for a person to decide');
  });
});
