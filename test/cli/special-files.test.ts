/**
 * A workspace may be hostile: its register or its sources may be a FIFO, a device or a link to one, which
 * an ordinary read would wait on for ever or read without end. The tool reads regular files only, bounded
 * by size before it starts, and says what it left.
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { workspace } from '../support/cli';

const repository = path.resolve(__dirname, '../../..');
const bin = path.join(repository, 'server/bin/appi-guard.js');
const usagePreload = path.join(repository, 'bench/measure.cjs');

const files = {
  'model.ts': `
    /** @purpose treatment */
    export interface Patient { /** @personal name */ name: string }
  `,
};

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory of the run, in MB. */
  readonly rssMb: number;
}

/** `check ROOT`, killed after 20 s (a hang fails the test rather than the suite), with its peak memory. */
function check(root: string, ...args: string[]): Promise<Run> {
  const usage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appi-usage-')), 'usage.json');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', usagePreload, bin, 'check', root, ...args],
      { env: { ...process.env, APPI_BENCH_USAGE: usage, APPI_GUARD_DEBUG: '' }, encoding: 'utf8', timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(new Error(`check did not end by itself: ${error.message}`));
        const { rssMb } = JSON.parse(fs.readFileSync(usage, 'utf8')) as { rssMb: number };
        resolve({ status: error ? (error.code as number) : 0, stdout, stderr, rssMb });
      },
    );
  });
}

describe('check: files that are not regular files', () => {
  it('reports a register that is a FIFO as unreadable, without waiting on it', async () => {
    const root = workspace(files);
    execFileSync('mkfifo', [path.join(root, 'pi-register.yaml')]);
    const run = await check(root);
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^pi-register\.yaml:1:1 error register-invalid The register could not be read: not a regular file \(a FIFO\)\.$/m,
    );
    assert.ok(run.rssMb < 400, `${run.rssMb} MB`);
  });

  it('reports a register that links to /dev/zero as unreadable, without reading it', async () => {
    const root = workspace(files);
    fs.symlinkSync('/dev/zero', path.join(root, 'pi-register.yaml'));
    const run = await check(root);
    assert.match(run.stdout, /register-invalid The register could not be read: not a regular file \(a device\)\./);
    assert.ok(run.rssMb < 400, `${run.rssMb} MB`);
  });

  it('skips a source file that is a FIFO with a notice, and analyses the rest', async () => {
    const root = workspace({
      ...files,
      'app.ts': `
        import type { Patient } from './model';
        /** @purpose marketing */
        export const letter = (p: Patient) => p.name;
      `,
    });
    execFileSync('mkfifo', [path.join(root, 'pipe.ts')]);
    const run = await check(root);
    assert.match(run.stdout, /^app\.ts:3:\d+ error use-beyond-purpose /m);
    assert.match(run.stderr, /^appi-guard: note: pipe\.ts: skipped: not a regular file \(a FIFO\)$/m);
  });

  it('does not load a register larger than 16 MB, and says how large it is', async () => {
    const root = workspace(files);
    fs.writeFileSync(path.join(root, 'pi-register.yaml'), `organization: x\n# ${'x'.repeat(17 * 1024 * 1024)}\n`);
    const run = await check(root);
    assert.match(run.stdout, /register-invalid The register could not be read: larger than 16 MB \(17\.0 MB\)\./);
  });

  it('does not read a source file that links to a file outside the workspace, and says so', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-elsewhere-'));
    // Were it read, its use beyond purpose would be reported.
    fs.writeFileSync(
      path.join(elsewhere, 'secret.ts'),
      "import type { Patient } from './model';\n/** @purpose marketing */\nexport const leak = (p: Patient) => p.name;\n",
    );
    const root = workspace(files);
    fs.symlinkSync(path.join(elsewhere, 'secret.ts'), path.join(root, 'secret.ts'));
    const run = await check(root);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /^No findings in 1 file\.$/m);
    assert.match(run.stderr, /^appi-guard: note: secret\.ts: skipped: a link to a file outside the workspace, not read$/m);
  });
});
