/**
 * Starts the VS Code server bundled in code-server (`lib/vscode/out/server-main.js`, not code-server's own
 * wrapper: the same entry works across versions) on a free local port, in scratch folders of its own, and
 * stops it with its whole process group.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

export interface ServerOptions {
  readonly serverMain: string;
  /** A fresh folder; the server's home, temp, user data, extensions and logs go under it. */
  readonly scratch: string;
  /** Added to the server's environment, which its extension host inherits: how the suite gets its inputs. */
  readonly env?: Readonly<Record<string, string>>;
  /** Settings of the server's machine, over `quietSettings`: where a workspace-less test sets things up. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly startTimeoutMs?: number;
}

export interface Server {
  /** `127.0.0.1:<port>`: the authority of `vscode-remote://` URIs and of the workbench's address. */
  readonly authority: string;
  /** What the server printed so far (its logs go to files under `scratch/user-data/logs`). */
  output(): string;
  /** Settles when the server's process ends, with how it ended: before `stop`, a crash. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<Server> {
  const port = await freePort();
  const dirs = scratchDirectories(options.scratch);
  // The server reads its machine's settings from `<user-data-dir>/Machine`.
  const machineSettings = path.join(dirs.userData, 'Machine', 'settings.json');
  fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
  fs.writeFileSync(machineSettings, JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  const args = [
    options.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    // Lets the workbench call `window.codeAutomationExit(code)` when the extension tests end.
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir',
    dirs.serverData,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  // Its own process group (`detached`), so `stop` reaches the extension host and the language server too.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...cleanEnvironment(), HOME: dirs.home, TMPDIR: dirs.tmp, ...options.env },
  });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-200_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  // Detached, the group would outlive this process if it ended without `stop`: an exit, or Ctrl+C.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    process.kill(process.pid, signal);
  };
  process.on('exit', killOnExit);
  process.once('SIGINT', killOnSignal);
  process.once('SIGTERM', killOnSignal);

  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  const server: Server = {
    authority: `127.0.0.1:${port}`,
    output: () => output,
    exited,
    stop: async () => {
      process.off('exit', killOnExit);
      process.off('SIGINT', killOnSignal);
      process.off('SIGTERM', killOnSignal);
      await stop(child);
    },
  };
  try {
    await waitUntilReady(child, port, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}; the server printed:\n${output}`);
  }
  return server;
}

/** Nothing that reaches for the network, or covers the workbench with a welcome page or a notification. */
const quietSettings = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

/** Inherited variables that would make the server think it runs inside another VS Code. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE'));
}

interface ScratchDirectories {
  readonly home: string;
  readonly tmp: string;
  readonly serverData: string;
  readonly userData: string;
  readonly extensions: string;
}

/** Fresh per run: an extension or setting left from another run once put its own diagnostics on the files. */
export function scratchDirectories(scratch: string): ScratchDirectories {
  const dirs = {
    home: path.join(scratch, 'home'),
    tmp: path.join(scratch, 'tmp'),
    serverData: path.join(scratch, 'server-data'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  return dirs;
}

/** A port the system just handed out; the small race with other processes is acceptable for tests. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `/version` answers once the server accepts connections. */
async function waitUntilReady(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the VS Code server exited while starting (${child.signalCode ?? `exit code ${child.exitCode}`})`);
    }
    if (await answers(`http://127.0.0.1:${port}/version`)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the VS Code server did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2_000, () => request.destroy());
  });
}

/** SIGTERM to the group, then SIGKILL to whatever is left after a few seconds. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([exited, timer]);
  }
  // The extension host or the language server may outlive the server's own process.
  killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}
