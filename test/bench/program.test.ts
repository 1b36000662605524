/**
 * `bench/program.mjs`, which the benchmark measures beside `tsc`: it builds the program of a config's files
 * (their imports and the standard library included) and exits; a config it cannot read is one line and
 * status 2. It asserts what the program holds, never how long it took.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const script = path.resolve(__dirname, '../../../bench/program.mjs');

function run(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

it('builds the program of the files a config names, with what they import and the standard library', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-program-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { lib: ['es2022'], types: [] }, files: ['a.ts'] }));
  fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
  fs.writeFileSync(path.join(dir, 'b.ts'), 'export const b = 1;\n');
  const config = path.join(dir, 'tsconfig.json');
  // What tsc would build from the same config: a.ts, the b.ts it imports, and the es2022 library files.
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const files = program.getSourceFiles().map((file) => path.basename(file.fileName));
  assert.ok(files.includes('b.ts') && files.includes('lib.es2022.d.ts'), files.join(', '));
  const result = run(config);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${files.length} files\n`);
});

it('says in one line why it cannot read a config, and exits with 2', () => {
  const result = run(path.join(os.tmpdir(), 'no-such-dir', 'tsconfig.json'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^Cannot read file '.+tsconfig\.json'\.\n$/);
});
