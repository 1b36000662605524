import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { listUncheckedCommand, type UncheckedPlace } from 'appi-guard-server/lsp/status';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { workspace } from '../support/cli';
import { type LspClient, serverForSuite, uriOf } from '../support/lsp-client';

/** A config extending a missing base, a package that is not installed, and an untyped read of a tagged name. */
const files = {
  'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true }, "include": ["**/*.ts"] }',
  'model.ts': `
    /** @purpose treatment */
    export interface Patient {
      /** @personal name */ name: string;
    }
  `,
  'mail.ts': `
    import { send } from 'mailer';
    export const mail = (to: string) => send(to);
  `,
  'legacy.ts': `
    export const label = (p: any) => p.name;
  `,
};

describe('what was not checked, in the editor', () => {
  const root = workspace(files);
  const legacy = path.join(root, 'legacy.ts');
  let client: LspClient;
  serverForSuite({ folders: [root] }, (started) => (client = started));

  const places = async () =>
    (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: listUncheckedCommand })) as UncheckedPlace[];
  /** The kinds listed, asked again while they are not yet `expected` (a run after an edit ends on its own time), for 10 s at most. */
  const kindsOnceSettled = async (expected: readonly string[]) => {
    let kinds = (await places()).map((place) => place.kind);
    for (let tries = 0; kinds.join() !== expected.join() && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      kinds = (await places()).map((place) => place.kind);
    }
    return kinds;
  };

  it('counts the places in the status, and lists them in file order', async () => {
    assert.equal(client.statuses.at(-1)!.unchecked, 3);
    assert.deepEqual(
      (await places()).map(({ uri, range, kind, label }) => [path.relative(root, new URL(uri).pathname), range?.start.line, kind, label]),
      [
        ['legacy.ts', 0, 'untyped-read', 'name'],
        ['mail.ts', 0, 'missing-package', 'mailer'],
        ['tsconfig.json', 0, 'missing-extends', 'extends tsconfig.base.json'],
      ],
    );
    const [read] = await places();
    assert.equal(read!.uri, uriOf(legacy));
    assert.deepEqual(read!.range, { start: { line: 0, character: 35 }, end: { line: 0, character: 39 } });
    assert.equal(read!.message, '`name` is read on a value of type `any`: possibly personal information, not checked');
  });

  it('updates the count and the list when an edit types the value, and when a purpose reaches the use', async () => {
    const text = fs.readFileSync(legacy, 'utf8');
    await client.open(legacy);
    const typed = text.replace('(p: any)', "(p: import('./model').Patient)");
    await client.change(legacy, typed);
    // Typed, the read is a use of `Patient.name`; but no code with a purpose reaches it.
    assert.deepEqual(await kindsOnceSettled(['unreached-use', 'missing-package', 'missing-extends']), [
      'unreached-use',
      'missing-package',
      'missing-extends',
    ]);
    const later = client.statuses.length;
    await client.change(legacy, `/** @purpose treatment */\n${typed}`);
    await client.until('a status with 2 places not checked', () =>
      client.statuses.slice(later).find((status) => status.state === 'idle' && status.unchecked === 2),
    );
    assert.deepEqual(
      (await places()).map((place) => place.kind),
      ['missing-package', 'missing-extends'],
    );
    await client.close(legacy);
  });
});
