/**
 * The extension as VS Code installs it, built afresh for the tests: `scripts/bundle.mjs` writes the bundles
 * into `<folder>/dist/` beside a copy of `package.json`, the layout of an unpacked `.vsix`. Built into a
 * temporary folder rather than the repository's `dist/`, so tests never race each other (or the e2e run)
 * over the files, and never test a stale bundle.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repository = path.resolve(__dirname, '../../..');

interface BundleScript {
  bundle(options: { outdir: string; logLevel?: string }): Promise<{ outdir: string; files: string[] }>;
}

/** Bundles into a new temporary folder, returns the folder; `dispose` removes it. */
export async function installedExtension(): Promise<{ readonly folder: string; readonly files: readonly string[]; dispose(): void }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-extension-'));
  // A computed specifier, so tsc leaves the ES module to Node's own loader.
  const script = pathToFileURL(path.join(repository, 'scripts', 'bundle.mjs')).href;
  const { bundle } = (await import(script)) as BundleScript;
  const { files } = await bundle({ outdir: path.join(folder, 'dist'), logLevel: 'error' });
  fs.copyFileSync(path.join(repository, 'package.json'), path.join(folder, 'package.json'));
  return { folder, files, dispose: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
