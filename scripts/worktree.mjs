// `npm test` leaves the repository as it found it: `save` (pretest) notes `git status`, `check` (posttest)
// fails when a test wrote into the working tree. Whatever a test writes goes to a temporary folder or to
// a gitignored one (dist/, out/, .vscode-test/).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repository = path.resolve(import.meta.dirname, '..');
const note = path.join(os.tmpdir(), `appi-guard-worktree-${createHash('sha256').update(repository).digest('hex').slice(0, 12)}.txt`);

function status() {
  try {
    return execFileSync('git', ['status', '--porcelain'], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const now = status();
if (now === undefined) {
  console.log('not a git checkout: not checking that the tests leave the working tree as it was');
} else if (process.argv[2] === 'save') {
  fs.writeFileSync(note, now);
} else if (process.argv[2] === 'check') {
  const before = fs.existsSync(note) ? fs.readFileSync(note, 'utf8') : now;
  if (now !== before) {
    process.stderr.write(`npm test changed the repository's working tree:\n${now}`);
    process.exit(1);
  }
} else {
  process.stderr.write('usage: node scripts/worktree.mjs save|check\n');
  process.exit(2);
}
