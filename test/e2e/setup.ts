/**
 * The end-to-end tests' set-up, a step of its own before any test runs: `npm test` runs it before the
 * suites, `npm run test:setup` alone. It installs Debian's Chromium and the VS Code server when they are
 * missing (minutes, once) and otherwise only looks (well under a second); see runner/install.ts.
 *
 * When it cannot install (not root, no network), it prints the reason on one line and records it, and the
 * e2e test fails with that reason: failing, not skipping, since the project runs no skipped tests and a
 * machine that never runs the editor tests should not pass for one that does. With `--keep-going` (as
 * `npm test` runs it) it then exits 0, so that the other suites still run; without, it exits 1.
 *
 * `node test/out/e2e/setup.js [--keep-going]`
 */
import { clearProblem, install, recordProblem } from './runner/install';

async function main(args: readonly string[]): Promise<void> {
  try {
    await install((line) => process.stderr.write(`[e2e set-up] ${line}\n`));
    clearProblem();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    recordProblem(reason);
    process.stderr.write(`[e2e set-up] cannot install what the editor tests need, so they will fail: ${reason}\n`);
    if (!args.includes('--keep-going')) process.exitCode = 1;
  }
}

void main(process.argv.slice(2));
