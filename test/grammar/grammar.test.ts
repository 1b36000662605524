import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { it } from 'node:test';

const repository = path.resolve(__dirname, '../../..');

/**
 * The injection grammar, tested the way VS Code applies it: TypeScript's own grammar (the one VS Code
 * ships, from the tm-grammars package) with ours injected into its JSDoc comments, on fixtures whose
 * comment lines mark the expected scopes.
 */
it('highlights annotation tags and their arguments inside JSDoc, and nothing outside it', async () => {
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  const args = [
    cli,
    '--grammar',
    require.resolve('tm-grammars/grammars/typescript.json'),
    '--grammar',
    path.join(repository, 'syntaxes/appi-guard-jsdoc.injection.tmLanguage.json'),
    '--config',
    path.join(repository, 'package.json'),
    'test/grammar/fixtures/*.ts',
  ];
  const run = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: repository, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /annotations\.ts run successfuly/);
});
