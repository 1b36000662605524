/**
 * Runs an extension's tests in a real VS Code, the contract of `@vscode/test-electron`'s `runTests`: the
 * workbench loads the extension under development from `extensionDevelopmentPath`, requires
 * `extensionTestsPath` in the extension host and awaits its `run()`, then reports the outcome through
 * `window.codeAutomationExit(code)` (0 when `run()` resolved).
 */

import { openWorkbench } from './browser';
import type { Installation } from './install';
import { startServer } from './server';

export interface ExtensionTestOptions {
  readonly installation: Installation;
  /** A fresh folder for the server's and the browser's state. */
  readonly scratch: string;
  /** The workspace folder to open. */
  readonly folder: string;
  readonly extensionDevelopmentPath: string;
  /** The compiled module whose `run(): Promise<void>` runs the suite. */
  readonly extensionTestsPath: string;
  /** Added to the extension host's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Settings of the server's machine (the scope below the workspace's). */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly timeoutMs: number;
  /**
   * Each message the workbench logs, its level prefix removed: the extension host's console (the suite's
   * reporter among it) is logged this way, as is the workbench's own chatter.
   */
  readonly onConsole: (text: string) => void;
}

export interface ExtensionTestResult {
  readonly exitCode: number;
  readonly durationMs: number;
}

export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestResult> {
  const started = Date.now();
  const server = await startServer({
    serverMain: options.installation.serverMain,
    scratch: options.scratch,
    env: options.env ?? {},
    settings: options.settings ?? {},
  });
  try {
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    const workbench = await openWorkbench(server, {
      chromium: options.installation.chromium,
      scratch: options.scratch,
      folder: options.folder,
      payload: {
        extensionDevelopmentPath: options.extensionDevelopmentPath,
        extensionTestsPath: options.extensionTestsPath,
      },
      beforeLoad: async (page) => {
        await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
      },
      onConsole: (text) => options.onConsole(withoutLevel(text)),
    });
    try {
      const failure = (reason: string) =>
        new Error(`${reason} (logs under ${options.scratch}); the server printed:\n${tail(server.output())}`);
      const crashed = new Promise<never>((_, reject) => {
        workbench.page.once('crash', () => reject(failure('the workbench crashed')));
        void server.exited.then((how) => reject(failure(`the VS Code server ended (${how}) before the tests did`)));
      });
      const exitCode = await withTimeout(Promise.race([exited, crashed]), options.timeoutMs, () =>
        failure(`the extension tests did not finish within ${options.timeoutMs / 1000} s`),
      );
      return { exitCode, durationMs: Date.now() - started };
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
  }
}

/** The workbench's logger writes `%c INFO color: #33f <text>` (the CSS goes with `%c`); this keeps the text. */
export function withoutLevel(text: string): string {
  return text.replace(/^%c\s*[A-Z]+ color: #[0-9a-f]+ /i, '');
}

function tail(output: string): string {
  return output.split('\n').slice(-40).join('\n');
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
