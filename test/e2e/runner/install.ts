/**
 * What the end-to-end tests need, installed by the set-up step (`test/e2e/setup.ts`, which `npm test` runs
 * before the suites) and found by the tests, which install nothing: Debian's Chromium (and the packages that
 * code-server's install needs) with `apt-get` when missing, and the VS Code server bundled in the
 * `code-server` npm package under `<repo>/.vscode-test/code-server`, kept there as `@vscode/test-electron`
 * keeps VS Code.
 *
 * `@vscode/test-electron` itself cannot run here: it downloads VS Code from a host CI cannot reach, and no
 * desktop VS Code can be had from npm or Debian. code-server 4.100.3 (VS Code 1.100.3) is the newest that
 * runs on Node 20, so no second Node is needed.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const codeServerVersion = '4.100.3';
/**
 * code-server 4.100.3 pins `@vscode/ripgrep` 1.15.11 (its `npm-shrinkwrap.json`), whose postinstall fetches
 * ripgrep v13.0.0-10 from GitHub unless it finds the archive in its download cache. Change these with the
 * code-server version.
 */
const ripgrepPackageVersion = '1.15.11';
const ripgrepAsset = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/**
 * What the tests run on: `/usr/bin/chromium`, and `fonts-ipafont-gothic` (3.5 MB), which draws the Japanese
 * in the sample for the README's screenshot that Chromium would otherwise show as boxes.
 */
const runtimePackages = ['chromium', 'fonts-ipafont-gothic'] as const;
/**
 * What installing code-server needs: its postinstall builds native modules with node-gyp (`g++`, `make`,
 * `python3`, and `libkrb5-dev` for one of them) and needs `ripgrep` to finish offline.
 */
const installPackages = ['g++', 'make', 'python3', 'libkrb5-dev', 'ripgrep'] as const;
export const chromiumPath = '/usr/bin/chromium';

export interface Installation {
  /** The VS Code server's entry: `node <serverMain> --port …`. */
  readonly serverMain: string;
  readonly chromium: string;
}

/** This file runs from `test/out/e2e/runner/`. */
export const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..');
/** `<repo>/.vscode-test`, gitignored, as with `@vscode/test-electron`: what the set-up installs goes there. */
export const cacheDirectory = path.join(repositoryRoot, '.vscode-test');

/** Installs what is missing (minutes, the first time) and returns where things are (well under a second, after). */
export async function install(log: (line: string) => void = defaultLog): Promise<Installation> {
  // The build tools only while code-server still has to be installed.
  await ensureAptPackages([...runtimePackages, ...(codeServerInstalled() ? [] : installPackages)], log);
  const serverMain = await ensureCodeServer(log);
  return { serverMain, chromium: chromiumPath };
}

/**
 * For the tests: where the set-up put things, installing nothing. Throws the set-up's own reason when it
 * could not install, or names what is missing when it has not run.
 */
export function findInstallation(): Installation {
  const problem = readProblem();
  if (problem !== undefined) throw new Error(`the e2e set-up could not install what these tests need: ${problem}`);
  const missing: string[] = runtimePackages.filter((name) => !isInstalled(name));
  if (!codeServerInstalled()) missing.push(`code-server ${codeServerVersion} in ${codeServer.root}`);
  if (missing.length > 0)
    throw new Error(`the e2e tests need ${missing.join(', ')}: run \`npm run test:setup\` (\`npm test\` runs it first)`);
  return { serverMain: codeServer.serverMain, chromium: chromiumPath };
}

/**
 * `npm test` leaves the repository as it found it (gitignored caches and builds aside): what an e2e run
 * writes goes to temporary folders. `npm run screenshot` is the one way to write `docs/images/`.
 */
export function assertOutsideRepository(file: string): void {
  const relative = path.relative(repositoryRoot, file);
  assert.ok(
    relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative),
    `${file} is inside the repository, which \`npm test\` must leave as it found it`,
  );
}

/**
 * Why the last set-up could not install (one line), kept for the tests to fail with: written by
 * `test/e2e/setup.ts` when it fails, removed when it succeeds.
 */
const problemFile = path.join(cacheDirectory, 'setup-problem.txt');

export function recordProblem(reason: string): void {
  fs.mkdirSync(cacheDirectory, { recursive: true });
  fs.writeFileSync(problemFile, `${reason}\n`);
}

export function clearProblem(): void {
  fs.rmSync(problemFile, { force: true });
}

function readProblem(): string | undefined {
  try {
    return fs.readFileSync(problemFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function defaultLog(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

async function ensureAptPackages(packages: readonly string[], log: (line: string) => void): Promise<void> {
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the e2e tests need the Debian packages ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` once`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  // With their recommended packages: Chromium's bring the fonts a page needs.
  await run('apt-get', ['install', '-y', ...missing], { env });
}

function isInstalled(name: string): boolean {
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes(
      'install ok installed',
    );
  } catch {
    return false;
  }
}

/** Where code-server goes; its marker holds the version, and a folder without it is a broken earlier attempt. */
const codeServer = (() => {
  const root = path.join(cacheDirectory, 'code-server');
  return {
    root,
    marker: path.join(root, 'installed.json'),
    serverMain: path.join(root, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  };
})();

function codeServerInstalled(): boolean {
  return readMarker(codeServer.marker) === codeServerVersion && fs.existsSync(codeServer.serverMain);
}

/** Started over unless the marker says this version installed completely. */
async function ensureCodeServer(log: (line: string) => void): Promise<string> {
  const { root, marker, serverMain } = codeServer;
  if (codeServerInstalled()) {
    log(`found code-server ${codeServerVersion} in ${path.relative(process.cwd(), root) || '.'}`);
    return serverMain;
  }

  log(`installing code-server ${codeServerVersion} (VS Code server) into ${root}; this takes a minute or two`);
  const started = Date.now();
  fs.rmSync(root, { recursive: true, force: true });
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  // Its own package.json, so npm installs here and not into the repository's workspaces.
  fs.writeFileSync(
    path.join(root, 'package.json'),
    `${JSON.stringify({ private: true, description: 'Installed by test/e2e/setup.ts' })}\n`,
  );
  seedRipgrepCache(tmp);
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${codeServerVersion}`], {
    cwd: root,
    env: installEnvironment(tmp),
  });
  if (!fs.existsSync(serverMain)) throw new Error(`installing code-server left no ${serverMain}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, `${JSON.stringify(codeServerVersion)}\n`);
  log(`installed code-server ${codeServerVersion} in ${Math.round((Date.now() - started) / 1000)} s`);
  return serverMain;
}

function readMarker(marker: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(marker, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `@vscode/ripgrep`'s postinstall looks for `$TMPDIR/vscode-ripgrep-cache-<its version>/<asset>` before it
 * asks GitHub; an archive of Debian's `rg` there makes it unpack that instead.
 */
function seedRipgrepCache(tmp: string): void {
  const cache = path.join(tmp, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['-czf', path.join(cache, ripgrepAsset), '-C', path.dirname(whichRipgrep()), 'rg']);
}

function whichRipgrep(): string {
  const found = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'rg'))
    .find((file) => fs.existsSync(file));
  if (!found) throw new Error("no `rg` on PATH (Debian package ripgrep) to seed code-server's ripgrep download with");
  return found;
}

/**
 * As root npm would run install scripts as `nobody` (unsafe-perm), a step runs `npx node-gyp` (yes), and
 * native modules must build against this Node's headers rather than headers downloaded from nodejs.org.
 */
function installEnvironment(tmp: string): NodeJS.ProcessEnv {
  // Under `npm test`, npm's own variables (`npm_config_local_prefix` = the repository among them) describe
  // the repository's npm run, not this install.
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD');
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
  return env;
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command with its output on our stderr (progress for a long install); rejects on a non-zero exit. */
function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
