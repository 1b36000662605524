/**
 * `appi-guard check` starts Node again with a larger young generation and waits for it
 * (server/bin/appi-guard.js). The run must still behave as one process to whoever started it: its exit
 * status, its output, and a signal sent to it alone (a CI job cancelled) ending the check too.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli, workspace } from '../support/cli';

const repository = path.resolve(__dirname, '../../..');
const bin = path.join(repository, 'server/bin/appi-guard.js');

const files = {
  'model.ts': `
    /** @purpose treatment */
    export interface Patient { /** @personal name */ name: string }
  `,
  'letter.ts': `
    import type { Patient } from './model';
    /** @purpose marketing */
    export function letter(p: Patient) { return p.name; }
  `,
};

/** The processes `pid` has started that are still alive (Linux: /proc). */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('check: the restarted process', () => {
  it('passes on the exit status and the output of the check', async () => {
    const run = await runCli(['check', workspace(files)]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^letter\.ts:3:47 error use-beyond-purpose /m);
  });

  it('ends the check when the command alone is sent SIGTERM, and ends by that signal', async () => {
    const root = workspace(files);
    const launcher = spawn(process.execPath, [bin, 'check', root], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => launcher.on('exit', (_code, signal) => resolve(signal)));
    let checks: number[] = [];
    for (let waited = 0; checks.length === 0 && waited < 10_000; waited += 10) {
      checks = childrenOf(launcher.pid!);
      await sleep(10);
    }
    assert.equal(checks.length, 1, 'the command started one check');
    launcher.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
    for (let waited = 0; alive(checks[0]!) && waited < 5_000; waited += 10) await sleep(10);
    assert.equal(alive(checks[0]!), false, 'the check ended with the command');
  });
});
