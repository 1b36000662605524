/**
 * The extension as users get it: `npm run package` (vsce, after `vscode:prepublish` rebuilds the bundles)
 * writes a `.vsix`, and the VS Code server's own command line installs it, as `code --install-extension`
 * does.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { scratchDirectories } from './server';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm run package` in the repository with the `.vsix` written into `outdir` rather than the
 * repository (a second `--out` overrides the script's), and returns its path.
 */
export async function packageExtension(repositoryRoot: string, outdir: string): Promise<string> {
  const vsix = path.join(outdir, 'appi-guard.vsix');
  await run('npm', ['run', 'package', '--', '--out', vsix], { cwd: repositoryRoot, timeoutMs: 5 * 60_000 });
  return vsix;
}

/**
 * Installs a `.vsix` into the extensions folder of `scratch` (the one `startServer` gives the server), and
 * returns what `--list-extensions --show-versions` then lists.
 */
export async function installVsix(serverMain: string, vsix: string, scratch: string): Promise<string[]> {
  const dirs = scratchDirectories(scratch);
  const common = [
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.userData,
    '--server-data-dir',
    dirs.serverData,
    '--accept-server-license-terms',
  ];
  const env = { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp };
  await run(process.execPath, [serverMain, '--install-extension', vsix, ...common], { env, timeoutMs: 60_000 });
  const listed = await run(process.execPath, [serverMain, '--list-extensions', '--show-versions', ...common], { env, timeoutMs: 60_000 });
  return listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
}

/** Runs a command to its end; a failure carries its output. */
function run(command: string, args: readonly string[], options: RunOptions): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`\`${path.basename(command)} ${args.join(' ')}\` failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}
