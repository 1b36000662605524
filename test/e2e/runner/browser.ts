/**
 * Opens the VS Code workbench that a `Server` serves in Debian's Chromium, headless, through
 * playwright-core (which drives a browser it did not download).
 */
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Server } from './server';

export interface WorkbenchOptions {
  readonly chromium: string;
  /** A fresh folder for the browser's home and temp files (Chromium writes under `~/.config`). */
  readonly scratch: string;
  /** The folder the workbench opens, a path on the server's machine. */
  readonly folder: string;
  /** Entries of the workbench's `payload`, e.g. `extensionDevelopmentPath`; paths become `vscode-remote` URIs. */
  readonly payload?: Readonly<Record<string, string>>;
  /** Called before the workbench loads, e.g. to `page.exposeFunction`. */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  /** Each message the workbench logs, the extension host's forwarded console included. */
  readonly onConsole?: (text: string) => void;
}

export interface Workbench {
  readonly page: Page;
  close(): Promise<void>;
}

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openWorkbench(server: Server, options: WorkbenchOptions): Promise<Workbench> {
  const browser: Browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: chromiumFlags,
    env: { ...process.env, HOME: path.join(options.scratch, 'home'), TMPDIR: path.join(options.scratch, 'tmp') },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (options.onConsole) {
      const onConsole = options.onConsole;
      page.on('console', (message) => onConsole(message.text()));
    }
    await options.beforeLoad?.(page);
    await page.goto(workbenchUrl(server, options));
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** `http://host/?folder=<path>&payload=[[key, vscode-remote URI], …]`, as the VS Code server's web workbench reads it. */
export function workbenchUrl(server: Server, options: Pick<WorkbenchOptions, 'folder' | 'payload'>): string {
  const remote = (file: string) => `vscode-remote://${server.authority}${file}`;
  const payload = Object.entries(options.payload ?? {}).map(([key, file]) => [key, remote(file)]);
  const query = [`folder=${encodeURIComponent(options.folder)}`];
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${server.authority}/?${query.join('&')}`;
}
