import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { repository } from './bundle';

const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

/** The files `vsce` would put in the `.vsix` (its `ls`), relative to the repository, with `/` separators. */
function packagedFiles(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [vsce, 'ls', '--no-dependencies'],
      { cwd: repository, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`vsce ls failed: ${error.message}\n${stderr}`));
        else
          resolve(
            stdout
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line) => line.replace(/\\/g, '/')),
          );
      },
    );
  });
}

const listed = (folder: string, accept: (name: string) => boolean) =>
  fs.existsSync(path.join(repository, folder))
    ? fs
        .readdirSync(path.join(repository, folder))
        .filter(accept)
        .map((name) => `${folder}/${name}`)
    : [];

/** What runs, and what the editor and the Marketplace show: nothing else. */
function expected(): string[] {
  const typescriptLib = path.dirname(require.resolve('typescript', { paths: [path.join(repository, 'server')] }));
  const libraries = fs.readdirSync(typescriptLib).filter((name) => name.startsWith('lib.') && name.endsWith('.d.ts'));
  return [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/extension.js',
    'dist/server.js',
    ...libraries.map((name) => `dist/${name}`),
    ...listed('syntaxes', (name) => name.endsWith('.tmLanguage.json')),
    ...listed('docs/rules', (name) => name.endsWith('.md')),
    ...listed('docs/images', () => true),
  ].sort();
}

describe('the .vsix', () => {
  before(() => {
    // The bundles are built by `npm install` (prepare) and `npm run build`; listing needs them on disk.
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/lib.es5.d.ts']) {
      assert.ok(fs.existsSync(path.join(repository, file)), `${file} is missing: run \`npm run bundle\``);
    }
  });

  it('ships exactly the bundles, TypeScript’s standard library, the grammar, the README, license and rule docs', async () => {
    assert.deepEqual((await packagedFiles()).sort(), expected());
  });

  it('ships no sources, tests, samples, dependencies, source maps or build output', async () => {
    const stray = (await packagedFiles()).filter((file) =>
      /^(client|server|test|samples|node_modules|scripts|bench)\/|\.map$|\.tsbuildinfo$|^dist\/(?!lib\.).*\.d\.ts$|\.vsix$/.test(file),
    );
    assert.deepEqual(stray, []);
  });
});
